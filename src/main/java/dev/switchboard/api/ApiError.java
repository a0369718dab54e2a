package dev.switchboard.api;

/** Every error answer: a stable code, a sentence for people, and the offending field if there is one. */
public record ApiError(String error, String message, String field) {
}
