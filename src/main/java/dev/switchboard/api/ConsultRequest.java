package dev.switchboard.api;

/** Consult an outside number or a colleague (exactly one of the two) while the customer is on hold. */
public record ConsultRequest(String number, Long agentId) {
}
