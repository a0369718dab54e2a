package dev.switchboard.api;

/** A new business unit, or a new team in {@code unitId} (left out: the default unit). */
public record NameRequest(String name, Long unitId) {
}
