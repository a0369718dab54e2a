package dev.switchboard.server;

/**
 * A request the server refuses, with the HTTP status, a stable error code, a sentence for people and
 * the offending field. Thrown by services before they write anything.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiProblem(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(400, "invalid", message, field);
    }

    public static ApiProblem notFound(String what, long id) {
        return new ApiProblem(404, "not_found", what + " " + id + " does not exist", null);
    }

    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(409, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
