package dev.switchboard.api;

import java.time.Instant;

/**
 * Where an interaction stands in routing: its queue and priority, when it joined the queue, a
 * transfer note travelling with it, the number to call back for a callback, when a scheduled
 * callback is due, and (in wrap-up) when wrap-up ends and which disposition was given.
 */
public record RoutingView(Long queueId, String queueName, int priority, Instant queuedAt, Long targetAgentId,
                          String transferNote, String callbackNumber, Instant dueAt, Instant wrapUpDeadline,
                          boolean wrapUpRequired, String disposition, String wrapUpNotes) {
}
