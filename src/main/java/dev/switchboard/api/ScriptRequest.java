package dev.switchboard.api;

/** A call script written for a queue or for a campaign (exactly one of the two). */
public record ScriptRequest(String title, String body, Long queueId, Long campaignId) {
}
