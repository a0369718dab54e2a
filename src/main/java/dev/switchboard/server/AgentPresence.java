package dev.switchboard.server;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Who is signed in and in which state since when; every change is an event. */
public final class AgentPresence {
    private final EventHub hub;
    private final Clock clock;
    private final Map<Long, Entry> states = new ConcurrentHashMap<>();

    private record Entry(Agent agent, AgentState state, Instant since) {
    }

    public AgentPresence(EventHub hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    public AgentState stateOf(long agentId) {
        Entry e = states.get(agentId);
        return e == null ? AgentState.LOGGED_OUT : e.state();
    }

    /** Sets the state; returns false when it already was that state (no event then). */
    public boolean set(Agent agent, AgentState state) {
        Entry old = states.get(agent.id());
        if (old != null && old.state() == state) {
            return false;
        }
        Instant now = clock.instant();
        states.put(agent.id(), new Entry(agent, state, now));
        hub.publish(EventTypes.AGENT_STATE, new AgentStateEvent(agent.id(), agent.displayName(), state, now), agent.id());
        return true;
    }
}
