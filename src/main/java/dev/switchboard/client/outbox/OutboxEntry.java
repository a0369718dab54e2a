package dev.switchboard.client.outbox;

import java.time.Instant;

/**
 * One write the desktop owes the server, as stored in the {@link Outbox}.
 *
 * @param id            the entry's number; entries are sent in the order of their ids
 * @param key           the idempotency key sent with every attempt, so the server applies the write once
 * @param method        POST, PUT, PATCH or DELETE
 * @param path          the request path from the server's root, e.g. {@code /api/v1/tickets/7/notes}
 * @param bodyJson      the request body as JSON, or null for none
 * @param description   what the agent did, in words the desktop can show while it waits
 * @param createdAt     when the agent did it
 * @param attempts      how many times sending it failed for a reason worth retrying
 * @param state         where it stands
 * @param lastError     why the last attempt failed or why the server refused it, or null
 * @param nextAttemptAt not before this time unless woken, or null for now
 */
public record OutboxEntry(long id, String key, String method, String path, String bodyJson, String description,
                          Instant createdAt, int attempts, State state, String lastError, Instant nextAttemptAt) {

    /** Where an entry stands. */
    public enum State {
        /** Not yet accepted by the server; it will be sent, or sent again. */
        PENDING,
        /** The server accepted it (a 2xx answer). */
        SENT,
        /** The server refused it for good (a 4xx that retrying cannot change); kept for the agent to see. */
        FAILED
    }
}
