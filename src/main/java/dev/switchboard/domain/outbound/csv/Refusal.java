package dev.switchboard.domain.outbound.csv;

/** Why a whole file was refused: nothing in it can be trusted row by row. */
public enum Refusal {
    NOT_UTF8,
    NO_HEADER,
    MALFORMED_HEADER,
    MISSING_COLUMNS,
    AMBIGUOUS_COLUMNS,
    UNTERMINATED_QUOTE
}
