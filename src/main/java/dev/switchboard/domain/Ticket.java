package dev.switchboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * A case worked for a customer, linked to the interactions about it. {@code dueAt} and
 * {@code firstResponseAt} are its e-mail SLA (null when it has none or no answer yet); {@code caseFile}
 * its kind, SLA clocks, complaint details and relations.
 */
public record Ticket(long id, long customerId, String subject, TicketStatus status,
                     TicketPriority priority, Instant createdAt, Instant updatedAt, long version,
                     List<Long> interactionIds, List<TicketNote> notes, Instant dueAt, Instant firstResponseAt,
                     CaseFile caseFile) {
    public Ticket {
        interactionIds = List.copyOf(interactionIds);
        notes = List.copyOf(notes);
        caseFile = caseFile == null ? CaseFile.NONE : caseFile;
    }

    public Ticket(long id, long customerId, String subject, TicketStatus status, TicketPriority priority,
                  Instant createdAt, Instant updatedAt, long version, List<Long> interactionIds, List<TicketNote> notes,
                  Instant dueAt, Instant firstResponseAt) {
        this(id, customerId, subject, status, priority, createdAt, updatedAt, version, interactionIds, notes, dueAt,
                firstResponseAt, CaseFile.NONE);
    }
}
