package dev.switchboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a ticket carries beyond its subject and status: its kind, its SLA clocks (null
 * {@code slaStartedAt} when it has no policy), the complaint's details, what it was merged into, the
 * tickets linked to it, who watches it and its history (the last three empty when read without notes).
 *
 * @param pausedMillis business time the clocks spent paused while the ticket waited on the customer
 * @param pausedSince  set while the ticket waits on the customer now
 * @param escalation   0 none yet, 1 warned as near its target, 2 escalated as missed
 * @param assigneeId   the person responsible for it: whoever opened it, until an escalation hands it
 *                     to a supervisor (null: nobody yet, as for a ticket an e-mail opened)
 */
public record CaseFile(TicketKind kind, Instant slaStartedAt, Integer responseTargetMin, Integer resolveTargetMin,
                       long pausedMillis, Instant pausedSince, Instant resolvedAt, int escalation,
                       Severity severity, String department, String category, Instant promisedAt, Boolean addressed,
                       Long mergedInto, List<Long> linkedIds, List<Long> watcherIds, List<HistoryEntry> history,
                       Long assigneeId) {
    public static final CaseFile NONE = new CaseFile(TicketKind.QUESTION, null, null, null, 0, null, null, 0,
            null, null, null, null, null, null, List.of(), List.of(), List.of(), null);

    /** A case nobody is assigned to. */
    public CaseFile(TicketKind kind, Instant slaStartedAt, Integer responseTargetMin, Integer resolveTargetMin,
                    long pausedMillis, Instant pausedSince, Instant resolvedAt, int escalation,
                    Severity severity, String department, String category, Instant promisedAt, Boolean addressed,
                    Long mergedInto, List<Long> linkedIds, List<Long> watcherIds, List<HistoryEntry> history) {
        this(kind, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince, resolvedAt, escalation,
                severity, department, category, promisedAt, addressed, mergedInto, linkedIds, watcherIds, history, null);
    }

    public CaseFile {
        kind = kind == null ? TicketKind.QUESTION : kind;
        linkedIds = linkedIds == null ? List.of() : List.copyOf(linkedIds);
        watcherIds = watcherIds == null ? List.of() : List.copyOf(watcherIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One line of a ticket's history. */
    public record HistoryEntry(Instant at, Long actorId, String actorName, String what) {
    }

    public CaseFile withClock(Instant startedAt, Integer responseMin, Integer resolveMin, long paused,
                              Instant since, Instant resolved) {
        return new CaseFile(kind, startedAt, responseMin, resolveMin, paused, since, resolved, escalation, severity,
                department, category, promisedAt, addressed, mergedInto, linkedIds, watcherIds, history, assigneeId);
    }

    public CaseFile withComplaint(TicketKind k, Severity s, String dept, String cat, Instant promised, Boolean addr) {
        return new CaseFile(k, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince,
                resolvedAt, escalation, s, dept, cat, promised, addr, mergedInto, linkedIds, watcherIds, history,
                assigneeId);
    }

    public CaseFile withEscalation(int level) {
        return new CaseFile(kind, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince,
                resolvedAt, level, severity, department, category, promisedAt, addressed, mergedInto, linkedIds,
                watcherIds, history, assigneeId);
    }

    public CaseFile withMergedInto(Long into) {
        return new CaseFile(kind, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince,
                resolvedAt, escalation, severity, department, category, promisedAt, addressed, into, linkedIds,
                watcherIds, history, assigneeId);
    }

    public CaseFile withRelations(List<Long> linked, List<Long> watchers, List<HistoryEntry> entries) {
        return new CaseFile(kind, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince,
                resolvedAt, escalation, severity, department, category, promisedAt, addressed, mergedInto, linked,
                watchers, entries, assigneeId);
    }

    public CaseFile withAssignee(Long assignee) {
        return new CaseFile(kind, slaStartedAt, responseTargetMin, resolveTargetMin, pausedMillis, pausedSince,
                resolvedAt, escalation, severity, department, category, promisedAt, addressed, mergedInto, linkedIds,
                watcherIds, history, assignee);
    }
}
