package dev.switchboard.api;

import java.time.Instant;

/** A callback scheduled for a customer from the card: at a time, to a queue or to an agent. */
public record NewCallbackRequest(long customerId, String number, Instant at, Long queueId, Long agentId,
                                 String note) {
}
