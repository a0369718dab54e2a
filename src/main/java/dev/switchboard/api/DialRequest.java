package dev.switchboard.api;

/**
 * Click-to-dial: the server rings the agent's phone, then calls {@code number} and bridges the two.
 * {@code customerId} is optional: the call goes on that customer's timeline (otherwise the number is
 * matched like an inbound caller's).
 */
public record DialRequest(String number, Long customerId) {
}
