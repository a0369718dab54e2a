package dev.switchboard.channels.social;

/**
 * A reply that did not go out, with a sentence an agent can read. {@link #refused()} tells the
 * platform's "no" (a closed conversation window, an unknown recipient, an expired token: sending the
 * same again will not help) from a platform that could not be reached or kept failing (trying again
 * later may).
 */
public final class SocialSendException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean refused;
    private final int status;

    public SocialSendException(String message, boolean refused, int status) {
        super(message);
        this.refused = refused;
        this.status = status;
    }

    public SocialSendException(String message, boolean refused, int status, Throwable cause) {
        super(message, cause);
        this.refused = refused;
        this.status = status;
    }

    /** True when the platform answered and said no. */
    public boolean refused() {
        return refused;
    }

    /** The platform's last HTTP status; 0 when it never answered (or was never asked). */
    public int status() {
        return status;
    }
}
