package dev.switchboard.api;

/**
 * The end of after-contact work: a disposition from the configured list (required when the queue
 * says so), notes, and optionally a ticket to create or update, linked to the contact.
 */
public record WrapUpRequest(String disposition, String notes, WrapUpTicket ticket) {
}
