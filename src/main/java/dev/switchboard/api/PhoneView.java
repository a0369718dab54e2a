package dev.switchboard.api;

import java.time.Instant;

/**
 * The signed-in agent's SIP phone: whether it is registered, where (its contact URI), until when, and
 * the address phones register at ({@code sip:host:port}). Also the payload of the {@code phone} event.
 */
public record PhoneView(long agentId, boolean registered, String contact, Instant expiresAt, String registrar) {
}
