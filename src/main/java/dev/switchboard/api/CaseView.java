package dev.switchboard.api;

import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's case details: its kind, its SLA clocks (null when its kind and priority have no policy),
 * a complaint's severity, department, category, the time promised to the customer and, once closed,
 * whether the reply addressed the complaint raised; the ticket it was merged into, the tickets linked
 * to it, who watches it and its history (the last three only on a whole ticket, not on the card's list),
 * and who is responsible for it (null: nobody yet).
 */
public record CaseView(TicketKind kind, SlaView firstResponse, SlaView resolution, Severity severity,
                       String department, String category, Instant promisedAt, Boolean addressed, Long mergedInto,
                       List<Long> linkedTicketIds, List<Long> watcherIds, List<TicketHistoryView> history,
                       Long assigneeId, String assigneeName) {
    public static final CaseView NONE = new CaseView(TicketKind.QUESTION, null, null, null, null, null, null, null,
            null, List.of(), List.of(), List.of());

    /** A case nobody is assigned to. */
    public CaseView(TicketKind kind, SlaView firstResponse, SlaView resolution, Severity severity,
                    String department, String category, Instant promisedAt, Boolean addressed, Long mergedInto,
                    List<Long> linkedTicketIds, List<Long> watcherIds, List<TicketHistoryView> history) {
        this(kind, firstResponse, resolution, severity, department, category, promisedAt, addressed, mergedInto,
                linkedTicketIds, watcherIds, history, null, null);
    }

    public CaseView {
        kind = kind == null ? TicketKind.QUESTION : kind;
        linkedTicketIds = linkedTicketIds == null ? List.of() : List.copyOf(linkedTicketIds);
        watcherIds = watcherIds == null ? List.of() : List.copyOf(watcherIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A complaint still open: the card tells the agent not to offer sales. */
    public boolean openComplaint(dev.switchboard.domain.TicketStatus status) {
        return kind == TicketKind.COMPLAINT && status != null && status.isOpen();
    }
}
