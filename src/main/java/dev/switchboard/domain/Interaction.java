package dev.switchboard.domain;

import java.time.Instant;

/**
 * One contact on one channel. {@code customerId} is null while the address matches nobody or
 * several customers and the agent has not picked one yet. {@code address} is the normalised channel
 * address the contact came from (or went to).
 */
public record Interaction(long id, Long customerId, Channel channel, Direction direction,
                          InteractionState state, String address, String subject, String body,
                          Instant createdAt, Instant answeredAt, Instant endedAt, Long agentId) {
    public Interaction {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    public Interaction withState(InteractionState newState) {
        return new Interaction(id, customerId, channel, direction, newState, address, subject, body,
                createdAt, answeredAt, endedAt, agentId);
    }
}
