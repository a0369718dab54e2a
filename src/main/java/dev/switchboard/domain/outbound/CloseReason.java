package dev.switchboard.domain.outbound;

/** Why a record will not be dialled again; each one is an audit line. */
public enum CloseReason {
    MAX_ATTEMPTS_REACHED("the record reached the campaign's maximum number of attempts"),
    RESULT_NOT_RETRIED("the campaign does not retry this attempt result"),
    FINAL_DISPOSITION("the agent closed the record with a final disposition");

    private final String message;

    CloseReason(String message) {
        this.message = message;
    }

    /** The audit text; the desktop shows its own translated text for the constant. */
    public String message() {
        return message;
    }
}
