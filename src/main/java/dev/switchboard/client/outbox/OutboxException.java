package dev.switchboard.client.outbox;

/** The outbox's database could not be opened, read or written. */
public final class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
