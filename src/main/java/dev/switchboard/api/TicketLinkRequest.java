package dev.switchboard.api;

/** Links another ticket as related (both ways). */
public record TicketLinkRequest(Long ticketId) {
}
