package dev.switchboard.api;

import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;

import java.time.Instant;

/**
 * A new ticket; {@code interactionId} and {@code note} are optional. Priority defaults to NORMAL and
 * kind to QUESTION. A COMPLAINT needs a {@code severity}, {@code department} and {@code category};
 * {@code promisedAt} is the time promised to the customer (the resolution target when absent) and
 * {@code callbackAt} schedules the callback promised, to {@code callbackNumber} or the customer's
 * number.
 */
public record NewTicketRequest(long customerId, String subject, TicketPriority priority, String note,
                               Long interactionId, TicketKind kind, Severity severity, String department,
                               String category, Instant promisedAt, Instant callbackAt, String callbackNumber) {
    public NewTicketRequest(long customerId, String subject, TicketPriority priority, String note,
                            Long interactionId) {
        this(customerId, subject, priority, note, interactionId, null, null, null, null, null, null, null);
    }
}
