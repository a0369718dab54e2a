package dev.switchboard.api;

/** Moves a customer to another business unit. */
public record CustomerUnitRequest(Long unitId) {
}
