package dev.switchboard.channels.email;

/**
 * A reply could not be sent. The message is meant for an agent ("The mail server refused the
 * message: 550 ..."); {@link #temporary()} tells whether trying again later may help (the server
 * was unreachable or answered with a 4xx code).
 */
public final class MailSendException extends Exception {
    private final boolean temporary;

    public MailSendException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    public boolean temporary() {
        return temporary;
    }
}
