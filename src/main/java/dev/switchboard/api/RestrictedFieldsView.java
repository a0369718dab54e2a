package dev.switchboard.api;

/**
 * A customer's restricted fields: shown only to supervisors and administrators, never in a screen-pop
 * or to agents. A field with no value is null.
 */
public record RestrictedFieldsView(long customerId, String billingNote) {
}
