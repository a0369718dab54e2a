package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.store.ContactLegStore;
import dev.switchboard.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's rows are computed again only for agents whose state changed (or when the minute their
 * occupancy is counted to moves on); the others are the very row objects of the dashboard before, and
 * the figures are the same as computed afresh.
 */
class SupervisorGridRowsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:10Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Agent> agents = List.of(new Agent(1, "ann", "Ann", Role.AGENT, false),
            new Agent(2, "bob", "Bob", Role.AGENT, false), new Agent(3, "cat", "Cat", Role.AGENT, false),
            new Agent(9, "sue", "Sue", Role.SUPERVISOR, false));
    private final Map<Long, AgentPresence.Entry> presence = new ConcurrentHashMap<>();
    private Database db;
    private SupervisorService service;

    @BeforeEach
    void start() {
        db = Database.h2Memory("grid-rows-" + System.nanoTime());
        service = new SupervisorService(new SupervisorService.Sources(List::of, List::of, () -> agents,
                presence::get, Map::of), new ContactLegStore(db.dataSource()), ZoneOffset.UTC, clock);
        for (Agent a : agents) {
            change(a.id(), AgentState.READY, T0);
        }
    }

    @AfterEach
    void stop() {
        service.close();
        db.close();
    }

    @Test
    void unchangedAgentsKeepTheirRowObjectsAndOnlyChangedOnesAreInTheDelta() {
        clock.set(T0.plusSeconds(1));
        SupervisorView first = dashboard();
        assertThat(first.agents()).extracting(AgentMetricsView::agentId).containsExactly(1L, 2L, 3L);

        clock.set(T0.plusSeconds(2));
        change(2, AgentState.NOT_READY, T0.plusSeconds(2));
        SupervisorView second = dashboard();

        assertThat(second.agents().get(0)).isSameAs(first.agents().get(0));
        assertThat(second.agents().get(2)).isSameAs(first.agents().get(2));
        assertThat(second.agents().get(1)).isNotSameAs(first.agents().get(1));
        assertThat(second.agents().get(1).state()).isEqualTo(AgentState.NOT_READY);
        SupervisorView delta = DashboardDelta.between(first, second);
        assertThat(delta.agents()).isEmpty();
        assertThat(delta.agentChanges()).extracting(dev.switchboard.api.AgentRowChange::agentId).containsExactly(2L);
    }

    @Test
    void occupancyFollowsStateChangesAndTheMinute() {
        change(1, AgentState.BUSY, T0);
        // agent 1's minute mark is a second past each minute (agent 3's three seconds)
        clock.set(T0.plusSeconds(130)); // 10:02:20: counted up to 10:02:01
        AgentMetricsView busy = row(dashboard(), 1);
        assertThat(busy.occupancy().value()).isEqualTo(100.0);
        assertThat(busy.occupancy().parameters()).containsEntry("busy", "111 s");

        // ready at 10:02:40; still counted up to 10:02:01, so the same figures (and the same object)
        change(1, AgentState.READY, T0.plusSeconds(150));
        clock.set(T0.plusSeconds(160));
        AgentMetricsView sameMinute = row(dashboard(), 1);
        assertThat(sameMinute.occupancy()).isSameAs(busy.occupancy());
        assertThat(sameMinute.state()).isEqualTo(AgentState.READY);

        // 10:03:10: counted up to 10:03:01, busy 10:00:10-10:02:40 and ready since
        clock.set(T0.plusSeconds(180));
        AgentMetricsView nextMinute = row(dashboard(), 1);
        assertThat(nextMinute.occupancy().parameters()).containsEntry("busy", "150 s").containsEntry("ready", "21 s");
        assertThat(nextMinute.occupancy().value()).isCloseTo(150 * 100.0 / 171, org.assertj.core.data.Offset.offset(1e-9));
        // an agent ready all along: its ready time grows with its own minute mark, 10:03:03
        assertThat(row(dashboard(), 3).occupancy().parameters()).containsEntry("ready", "173 s");
    }

    @Test
    void justAfterMidnightAnAgentWhoseMarkIsStillYesterdaysCountsNothingYet() {
        clock.set(Instant.parse("2026-11-27T00:00:02Z")); // agent 1's mark: 00:00:01; agent 3's: 23:59:03
        SupervisorView now = dashboard();
        assertThat(row(now, 1).occupancy().parameters()).containsEntry("ready", "1 s");
        assertThat(row(now, 1).occupancy().value()).isEqualTo(0.0);
        assertThat(row(now, 3).occupancy().parameters()).containsEntry("ready", "0 s");
        assertThat(row(now, 3).occupancy().value()).isNull();
    }

    @Test
    void minuteMarksAreSpreadOverTheMinuteByAgent() {
        Instant at = Instant.parse("2026-11-28T10:02:20.500Z");
        assertThat(SupervisorService.minuteMark(0, at)).isEqualTo(Instant.parse("2026-11-28T10:02:00Z"));
        assertThat(SupervisorService.minuteMark(1, at)).isEqualTo(Instant.parse("2026-11-28T10:02:01Z"));
        assertThat(SupervisorService.minuteMark(20, at)).isEqualTo(Instant.parse("2026-11-28T10:02:20Z"));
        assertThat(SupervisorService.minuteMark(21, at)).isEqualTo(Instant.parse("2026-11-28T10:01:21Z"));
        assertThat(SupervisorService.minuteMark(81, at)).isEqualTo(Instant.parse("2026-11-28T10:01:21Z"));
        assertThat(java.util.stream.LongStream.range(0, 600).mapToObj(id -> SupervisorService.minuteMark(id, at))
                .distinct().count()).as("a sixtieth of the agents a second").isEqualTo(60);
    }

    private void change(long agentId, AgentState state, Instant at) {
        Agent a = agents.stream().filter(x -> x.id() == agentId).findFirst().orElseThrow();
        presence.put(agentId, new AgentPresence.Entry(a, state, null, at));
        service.onAgentState(new AgentStateEvent(agentId, a.displayName(), state, null, at));
    }

    private SupervisorView dashboard() {
        return service.dashboard(AbandonTreatment.AGAINST, Duration.ofSeconds(5));
    }

    private static AgentMetricsView row(SupervisorView v, long agentId) {
        return v.agents().stream().filter(a -> a.agentId() == agentId).findFirst().orElseThrow();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
