package dev.switchboard.domain.outbound.csv;

/** Why one row of a call list was rejected. */
public enum RowProblem {
    /** Quotes that do not follow the CSV rules, so the fields cannot be told apart reliably. */
    MALFORMED_QUOTES,
    /** More or fewer fields than the header has: most often a comma in an unquoted value. */
    WRONG_FIELD_COUNT,
    MISSING_VALUE,
    INVALID_NUMBER,
    INVALID_REGION,
    INVALID_ZONE,
    INVALID_CONSENT,
    INVALID_EMAIL,
    DUPLICATE_NUMBER,
    /** A value longer than a record keeps (a name of over 200 characters, a reference of over 100). */
    TOO_LONG
}
