package dev.switchboard.api;

import dev.switchboard.domain.Channel;

import java.time.Instant;

/**
 * A contact waiting in a queue, as the merged queue view lists it. {@code who} is the customer's
 * name or, when unknown, the address; {@code urgency} orders the list (most urgent first).
 */
public record QueueEntryView(long interactionId, Channel channel, String who, String subject, long queueId,
                             String queueName, int priority, Instant queuedAt, int slSeconds, boolean callback,
                             Long targetAgentId, Long offeredTo) {
}
