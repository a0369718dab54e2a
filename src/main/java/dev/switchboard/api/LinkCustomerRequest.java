package dev.switchboard.api;

/** The agent's choice of customer for an interaction whose address matched several (or none). */
public record LinkCustomerRequest(long customerId) {
}
