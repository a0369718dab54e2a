package dev.switchboard.client;

/** No answer from the server: refused, timed out, or the connection dropped mid-request. */
public final class ServerUnreachableException extends RuntimeException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
