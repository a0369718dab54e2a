package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;

import java.time.Instant;

public record InteractionView(long id, Long customerId, Channel channel, Direction direction,
                              InteractionState state, String address, String addressDisplay,
                              String subject, String body, Instant createdAt, Instant answeredAt,
                              Instant endedAt, Long agentId) {
}
