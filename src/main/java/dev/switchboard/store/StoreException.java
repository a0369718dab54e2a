package dev.switchboard.store;

/** A database failure the caller cannot fix by changing its input (the database is down, full...). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
