package dev.switchboard.api;

import java.time.Instant;

/**
 * A line of a campaign's dial log: {@code action} SKIP (a dial rule said no; {@code reason} names the
 * rule, e.g. DNC_GLOBAL or OUTSIDE_CALLING_HOURS), REFUSED (a rule said no at the agent's dial), DIAL,
 * DIAL_FAILED, RESULT ({@code reason}: the attempt result), DISPOSITION ({@code reason}: its code) or
 * AGENT_SKIP; who ({@code agentId}, null for the dialler itself) and when.
 */
public record OutboundLogEntryView(long id, long campaignId, long recordId, String number, Long agentId,
                                   String action, String reason, String message, Long interactionId, Instant at) {
}
