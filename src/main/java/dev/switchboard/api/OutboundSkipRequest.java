package dev.switchboard.api;

/** An agent passes on the record they preview, with an optional reason for the dial log. */
public record OutboundSkipRequest(String reason) {
}
