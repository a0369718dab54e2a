package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its notes. E-mail tickets carry their SLA: {@code dueAt} (answer by) and
 * {@code firstResponseAt} (when the customer first got an answer), both null otherwise. {@code caseFile}
 * carries its kind, SLA clocks, complaint details and relations.
 */
public record TicketView(long id, long customerId, String subject, TicketStatus status,
                         TicketPriority priority, Instant createdAt, Instant updatedAt, long version,
                         List<Long> interactionIds, List<TicketNoteView> notes, Instant dueAt,
                         Instant firstResponseAt, CaseView caseFile) {
    public TicketView {
        caseFile = caseFile == null ? CaseView.NONE : caseFile;
    }

    public TicketView(long id, long customerId, String subject, TicketStatus status, TicketPriority priority,
                      Instant createdAt, Instant updatedAt, long version, List<Long> interactionIds,
                      List<TicketNoteView> notes, Instant dueAt, Instant firstResponseAt) {
        this(id, customerId, subject, status, priority, createdAt, updatedAt, version, interactionIds, notes, dueAt,
                firstResponseAt, CaseView.NONE);
    }
}
