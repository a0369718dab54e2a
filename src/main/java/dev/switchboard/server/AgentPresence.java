package dev.switchboard.server;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in, in which state since when and why: every change is an event and a row in the
 * state log (time in each state, for supervisors and reports).
 */
public final class AgentPresence {
    private final EventHub hub;
    private final ProgressWriter log;
    private final Clock clock;
    private final Map<Long, Entry> states = new ConcurrentHashMap<>();

    /** An agent's state, its reason (not ready) and since when. */
    public record Entry(Agent agent, AgentState state, String reason, Instant since) {
    }

    public AgentPresence(EventHub hub, ProgressWriter log, Clock clock) {
        this.hub = hub;
        this.log = log;
        this.clock = clock;
    }

    public Entry of(long agentId) {
        Entry e = states.get(agentId);
        return e != null ? e : new Entry(null, AgentState.LOGGED_OUT, null, null);
    }

    public AgentState stateOf(long agentId) {
        return of(agentId).state();
    }

    /** Sets the state; nothing happens when it already was that state for that reason. */
    public void set(Agent agent, AgentState state, String reason) {
        Entry old = states.get(agent.id());
        if (old != null && old.state() == state && java.util.Objects.equals(old.reason(), reason)) {
            return;
        }
        Instant now = clock.instant();
        states.put(agent.id(), new Entry(agent, state, reason, now));
        log.agentState(agent.id(), state.name(), reason, now);
        hub.publish(EventTypes.AGENT_STATE,
                new AgentStateEvent(agent.id(), agent.displayName(), state, reason, now), agent.id());
    }
}
