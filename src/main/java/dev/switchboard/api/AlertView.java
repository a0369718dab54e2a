package dev.switchboard.api;

/** A target about to be missed: LONGEST_WAIT, SERVICE_LEVEL or NOT_READY, WARNING or CRITICAL, in words. */
public record AlertView(String kind, String severity, Long queueId, Long agentId, String message) {
}
