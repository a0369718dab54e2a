package dev.switchboard.api;

/** Transfer to a queue or to one named agent (exactly one of the two), with a note that travels along. */
public record TransferRequest(Long queueId, Long agentId, String note) {
}
