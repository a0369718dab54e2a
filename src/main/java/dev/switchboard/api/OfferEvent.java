package dev.switchboard.api;

import java.time.Instant;

/** An interaction offered to one agent, who must accept or reject it before {@code expiresAt}. */
public record OfferEvent(long interactionId, long agentId, Instant offeredAt, Instant expiresAt,
                         ScreenPop pop) {
}
