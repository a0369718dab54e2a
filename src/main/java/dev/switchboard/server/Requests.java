package dev.switchboard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;

import java.util.stream.Collectors;

/** Reading requests strictly: JSON bodies, path and query parameters, each failure a 400 naming the field. */
public final class Requests {
    private final ObjectMapper strict;

    public Requests(ObjectMapper strict) {
        this.strict = strict;
    }

    public <T> T body(Context ctx, Class<T> type) {
        return body(ctx.body(), type);
    }

    /** A request body read strictly as {@code type}; a 400 naming the problem when it cannot be. */
    public <T> T body(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest(null, "a JSON request body is required");
        }
        if (body.indexOf('\u0000') >= 0 || body.contains("\\u0000")) {
            throw ApiProblem.badRequest(null, "text may not contain NUL characters");
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest(null, "the request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            String field = path(e);
            String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? " (one of " + java.util.Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ")" : "";
            throw ApiProblem.badRequest(field, "'" + field + "' has an invalid value" + allowed);
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ApiProblem.badRequest(field.isEmpty() ? null : field,
                    field.isEmpty() ? "the request body has the wrong shape" : "'" + field + "' has the wrong type or is missing");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(null, "the request body is not valid JSON");
        }
    }

    public static long pathId(Context ctx, String name) {
        return pathId(name, ctx.pathParam(name));
    }

    /** A path's id parameter: a positive whole number, or a 400 naming it. */
    public static long pathId(String name, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "'" + raw + "' is not a valid " + name);
        }
    }

    public static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw ApiProblem.badRequest(name, name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, name + " must be a whole number");
        }
    }

    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiProblem.badRequest(field, field + " is longer than " + max + " characters");
        }
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        maxLength(field, value, max);
        return value.trim();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
