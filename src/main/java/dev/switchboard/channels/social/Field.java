package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in a webhook body with its path ({@code entry[0].messaging[1].sender.id}), so that every
 * refusal names exactly what is missing or of the wrong type.
 */
record Field(JsonNode node, String path) {
    /** Seconds since 1970 this side of the year 5000: rejects millisecond values sent as seconds. */
    private static final long MAX_EPOCH_SECONDS = 95_617_584_000L;

    static Field root(JsonNode node) {
        return new Field(node, "");
    }

    Field get(String name) {
        JsonNode child = node.isObject() ? node.path(name) : MissingNode.getInstance();
        return new Field(child, path.isEmpty() ? name : path + "." + name);
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** A required, non-blank string. */
    String string() {
        String s = stringOrNull();
        if (s == null || s.isBlank()) {
            throw new PayloadException(path + " is missing");
        }
        return s;
    }

    /** An optional string: null when absent, refused when of another type. */
    String stringOrNull() {
        if (!present()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PayloadException(path + " must be a string");
        }
        return node.textValue();
    }

    String stringOrEmpty() {
        String s = stringOrNull();
        return s == null ? "" : s;
    }

    boolean flag() {
        if (!present()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new PayloadException(path + " must be true or false");
        }
        return node.booleanValue();
    }

    /** A required object. */
    Field object() {
        if (!present()) {
            throw new PayloadException(path + " is missing");
        }
        if (!node.isObject()) {
            throw new PayloadException(path + " must be an object");
        }
        return this;
    }

    /** A required array's elements. */
    List<Field> array() {
        if (!present()) {
            throw new PayloadException(path + " is missing");
        }
        return arrayOrEmpty();
    }

    /** An optional array's elements: none when absent, refused when of another type. */
    List<Field> arrayOrEmpty() {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new PayloadException(path + " must be an array");
        }
        List<Field> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new Field(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** A time as Messenger sends it: milliseconds since 1970, a number. */
    Instant epochMillis() {
        if (!present()) {
            throw new PayloadException(path + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new PayloadException(path + " must be a time in milliseconds since 1970");
        }
        return Instant.ofEpochMilli(node.longValue());
    }

    /** A time as WhatsApp sends it: seconds since 1970, as a string of digits (a number is taken too). */
    Instant epochSeconds() {
        if (!present()) {
            throw new PayloadException(path + " is missing");
        }
        long seconds = -1;
        if (node.isTextual() && node.textValue().matches("[0-9]{1,12}")) {
            seconds = Long.parseLong(node.textValue());
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            seconds = node.longValue();
        }
        if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
            throw new PayloadException(path + " must be a time in seconds since 1970");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
