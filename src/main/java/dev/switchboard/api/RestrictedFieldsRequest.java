package dev.switchboard.api;

/** Sets a customer's restricted fields; a blank or missing billing note removes it. */
public record RestrictedFieldsRequest(String billingNote) {
}
