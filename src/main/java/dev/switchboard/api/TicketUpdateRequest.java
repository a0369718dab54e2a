package dev.switchboard.api;

import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Instant;

/**
 * A partial update: absent fields stay as they are. {@code version} is the version the agent saw;
 * when it is given and the ticket has moved on, the update is refused with 409. Solving or closing a
 * complaint needs {@code addressed}: whether the reply addressed the complaint actually raised.
 */
public record TicketUpdateRequest(String subject, TicketStatus status, TicketPriority priority,
                                  Long version, Long linkInteractionId, Severity severity, String department,
                                  String category, Instant promisedAt, Boolean addressed) {
    public TicketUpdateRequest(String subject, TicketStatus status, TicketPriority priority, Long version,
                               Long linkInteractionId) {
        this(subject, status, priority, version, linkInteractionId, null, null, null, null, null);
    }

    /** Whether any field is to change. */
    public boolean changesAnything() {
        return subject != null || status != null || priority != null || linkInteractionId != null || severity != null
                || department != null || category != null || promisedAt != null || addressed != null;
    }
}
