package dev.switchboard.domain;

import java.time.Instant;

/**
 * One contact on one channel. {@code customerId} is null while the address matches nobody or
 * several customers and the agent has not picked one yet. {@code address} is the normalised channel
 * address the contact came from (or went to). {@code routing} says where it stands in the queues.
 */
public record Interaction(long id, Long customerId, Channel channel, Direction direction,
                          InteractionState state, String address, String subject, String body,
                          Instant createdAt, Instant answeredAt, Instant endedAt, Long agentId, Routing routing) {
    public Interaction {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        routing = routing == null ? Routing.NONE : routing;
    }

    public Interaction withState(InteractionState newState) {
        return new Interaction(id, customerId, channel, direction, newState, address, subject, body,
                createdAt, answeredAt, endedAt, agentId, routing);
    }

    /** Waiting (again) in a queue: no agent, no answer time. */
    public Interaction queued(Routing newRouting) {
        return new Interaction(id, customerId, channel, direction, InteractionState.QUEUED, address, subject, body,
                createdAt, null, null, null, newRouting);
    }

    public Interaction offeredTo(long agent) {
        return new Interaction(id, customerId, channel, direction, InteractionState.OFFERED, address, subject, body,
                createdAt, null, null, agent, routing);
    }

    public Interaction answered(Instant at) {
        return new Interaction(id, customerId, channel, direction, InteractionState.ACTIVE, address, subject, body,
                createdAt, at, null, agentId, routing);
    }

    public Interaction inWrapUp(Instant endedAt, Instant deadline) {
        return new Interaction(id, customerId, channel, direction, InteractionState.WRAP_UP, address, subject, body,
                createdAt, answeredAt, endedAt, agentId, routing.withWrapUpDeadline(deadline));
    }

    public Interaction finished(InteractionState finalState, Instant at, Routing finalRouting) {
        return new Interaction(id, customerId, channel, direction, finalState, address, subject, body,
                createdAt, answeredAt, endedAt != null ? endedAt : at, agentId, finalRouting);
    }

    public Interaction withRouting(Routing newRouting) {
        return new Interaction(id, customerId, channel, direction, state, address, subject, body,
                createdAt, answeredAt, endedAt, agentId, newRouting);
    }

    public Interaction withCustomer(Long customer) {
        return new Interaction(id, customer, channel, direction, state, address, subject, body,
                createdAt, answeredAt, endedAt, agentId, routing);
    }
}
