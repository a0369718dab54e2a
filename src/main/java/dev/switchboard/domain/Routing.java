package dev.switchboard.domain;

import java.time.Instant;

/**
 * Where an interaction stands in routing: its queue and extra priority, when it joined the queue
 * (its place), the named agent it waits for, a transfer note, the number to call back, when a
 * scheduled callback is due, when wrap-up ends, and what the agent recorded in wrap-up.
 */
public record Routing(Long queueId, int priority, Instant queuedAt, Long targetAgentId, String transferNote,
                      String callbackNumber, Instant dueAt, Instant wrapUpDeadline, String disposition,
                      String wrapUpNotes) {
    public static final Routing NONE = new Routing(null, 0, null, null, null, null, null, null, null, null);

    public Routing inQueue(long queue, int extraPriority, Instant at, Long target) {
        return new Routing(queue, extraPriority, at, target, transferNote, callbackNumber, dueAt, null, null, null);
    }

    public Routing withTransferNote(String note) {
        return new Routing(queueId, priority, queuedAt, targetAgentId, note, callbackNumber, dueAt, wrapUpDeadline,
                disposition, wrapUpNotes);
    }

    public Routing withCallback(String number, Instant due) {
        return new Routing(queueId, priority, queuedAt, targetAgentId, transferNote, number, due, wrapUpDeadline,
                disposition, wrapUpNotes);
    }

    public Routing withWrapUpDeadline(Instant deadline) {
        return new Routing(queueId, priority, queuedAt, targetAgentId, transferNote, callbackNumber, dueAt, deadline,
                disposition, wrapUpNotes);
    }

    public Routing wrappedUp(String code, String notes) {
        return new Routing(queueId, priority, queuedAt, targetAgentId, transferNote, callbackNumber, dueAt,
                wrapUpDeadline, code, notes);
    }
}
