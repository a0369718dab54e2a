package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;

import java.time.Instant;

/** One contact; {@code routing} is null for history that never went through a queue. */
public record InteractionView(long id, Long customerId, Channel channel, Direction direction,
                              InteractionState state, String address, String addressDisplay,
                              String subject, String body, Instant createdAt, Instant answeredAt,
                              Instant endedAt, Long agentId, RoutingView routing) {
}
