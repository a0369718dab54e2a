package dev.switchboard.client;

import dev.switchboard.api.ApiError;

/** The server answered with an error; {@link #error()} says what and, where it applies, which field. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final transient ApiError error;

    public ApiException(int status, ApiError error) {
        super(status + " " + error.error() + ": " + error.message());
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
