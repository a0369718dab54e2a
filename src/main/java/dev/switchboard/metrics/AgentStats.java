package dev.switchboard.metrics;

import dev.switchboard.domain.AgentState;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An agent's time per state, occupancy, and handled contacts over a window [from, to).
 *
 * <p>Occupancy = (busy + wrap-up) ÷ (busy + wrap-up + ready) × 100: the share of the time the agent was
 * available for work that they spent working. Not-ready and logged-out time count on neither side.
 * A contact counts as handled in the window its wrap-up finished in.
 */
public final class AgentStats {

    /** One stretch of an agent in one state; spans of one agent are expected not to overlap. */
    public record StateSpan(long agentId, AgentState state, Instant from, Instant to) {
        public StateSpan {
            if (state == null) {
                throw new IllegalArgumentException("state is required");
            }
            if (from == null) {
                throw new IllegalArgumentException("from is required");
            }
            if (to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("to must be set and not before from");
            }
        }
    }

    private final long agentId;
    private final Map<AgentState, Duration> time;
    private final long handled;
    private final long handleMillis;

    private AgentStats(long agentId, Map<AgentState, Duration> time, long handled, long handleMillis) {
        this.agentId = agentId;
        this.time = time;
        this.handled = handled;
        this.handleMillis = handleMillis;
    }

    /**
     * The agent's figures over [from, to): spans of other agents are skipped and spans are cut at the
     * window's edges; contacts count if this agent handled them and their wrap-up finished in the window.
     */
    public static AgentStats of(long agentId, Collection<StateSpan> spans, Collection<ContactRecord> contacts,
                                Instant from, Instant to) {
        Map<AgentState, Duration> time = timeInStates(Set.of(agentId), spans, from, to);
        long handled = 0;
        long handleMillis = 0;
        for (ContactRecord c : contacts) {
            if (c.handled() && Objects.equals(c.agentId(), agentId)
                    && !c.wrapEndAt().isBefore(from) && c.wrapEndAt().isBefore(to)) {
                handled++;
                handleMillis += c.talkTime().toMillis() + c.wrapTime().toMillis();
            }
        }
        return new AgentStats(agentId, time, handled, handleMillis);
    }

    /** Occupancy over the agents of a queue (or any group), their times summed first. */
    public static Kpi queueOccupancy(Set<Long> agentIds, Collection<StateSpan> spans, Instant from, Instant to) {
        return occupancyKpi(timeInStates(agentIds, spans, from, to));
    }

    private static Map<AgentState, Duration> timeInStates(Set<Long> agentIds, Collection<StateSpan> spans,
                                                          Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        Map<AgentState, Duration> time = new EnumMap<>(AgentState.class);
        for (AgentState s : AgentState.values()) {
            time.put(s, Duration.ZERO);
        }
        for (StateSpan span : spans) {
            if (!agentIds.contains(span.agentId())) {
                continue;
            }
            Instant a = span.from().isBefore(from) ? from : span.from();
            Instant b = span.to().isAfter(to) ? to : span.to();
            if (a.isBefore(b)) {
                time.merge(span.state(), Duration.between(a, b), Duration::plus);
            }
        }
        return Collections.unmodifiableMap(time);
    }

    public long agentId() {
        return agentId;
    }

    /** Time in each state (every state present, zero if never in it). */
    public Map<AgentState, Duration> timeInStates() {
        return time;
    }

    public Duration timeIn(AgentState state) {
        return time.get(state);
    }

    /** Contacts whose wrap-up finished in the window. */
    public long handled() {
        return handled;
    }

    /** (Talk incl. hold + wrap-up) ÷ handled; empty when nothing was handled. */
    public Optional<Duration> averageHandleTime() {
        return handled == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(handleMillis / handled));
    }

    public Kpi averageHandleTimeKpi() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("total talk and wrap-up", Texts.seconds(Duration.ofMillis(handleMillis)));
        p.put("handled", Long.toString(handled));
        return new Kpi("average-handle-time", handled == 0 ? null : handleMillis / 1000.0 / handled, "s",
                "(talk incl. hold + wrap-up) ÷ handled", p);
    }

    /** Occupancy in percent; empty when the agent was never ready, busy or in wrap-up. */
    public OptionalDouble occupancy() {
        Kpi k = occupancyKpi();
        return k.value() == null ? OptionalDouble.empty() : OptionalDouble.of(k.value());
    }

    public Kpi occupancyKpi() {
        return occupancyKpi(time);
    }

    private static Kpi occupancyKpi(Map<AgentState, Duration> time) {
        long busy = time.get(AgentState.BUSY).toMillis();
        long wrap = time.get(AgentState.WRAP_UP).toMillis();
        long ready = time.get(AgentState.READY).toMillis();
        long available = busy + wrap + ready;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("busy", Texts.seconds(Duration.ofMillis(busy)));
        p.put("wrap-up", Texts.seconds(Duration.ofMillis(wrap)));
        p.put("ready", Texts.seconds(Duration.ofMillis(ready)));
        return new Kpi("occupancy", available == 0 ? null : (busy + wrap) * 100.0 / available, "%",
                "(busy + wrap-up) ÷ (busy + wrap-up + ready) × 100", p);
    }
}
