package dev.switchboard.api;

/** A business unit: its people (through their teams) open only its customers. */
public record UnitView(long id, String name, boolean isDefault) {
}
