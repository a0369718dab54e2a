package dev.switchboard.api;

public record TicketEvent(TicketView ticket) {
}
