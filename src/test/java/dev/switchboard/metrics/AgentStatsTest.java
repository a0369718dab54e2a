package dev.switchboard.metrics;

import dev.switchboard.domain.AgentState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.switchboard.metrics.Contacts.handled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgentStatsTest {
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);

    private static AgentStats.StateSpan span(long agent, AgentState s, int fromMin, int toMin) {
        return new AgentStats.StateSpan(agent, s, NINE.plusSeconds(fromMin * 60L), NINE.plusSeconds(toMin * 60L));
    }

    private static final List<AgentStats.StateSpan> SPANS = List.of(
            span(7, AgentState.NOT_READY, -30, 0),      // before the window: cut away
            span(7, AgentState.READY, 0, 10),           // 600 s
            span(7, AgentState.BUSY, 10, 40),           // 1800 s
            span(7, AgentState.WRAP_UP, 40, 45),        // 300 s
            span(7, AgentState.NOT_READY, 45, 55),      // 600 s, on neither side
            span(7, AgentState.READY, 55, 65),          // 300 s inside the window
            span(8, AgentState.BUSY, 0, 60));           // 3600 s

    @Test
    void occupancyIsWorkOverWorkAndReady() {
        AgentStats a = AgentStats.of(7, SPANS, List.of(), NINE, TEN);
        assertThat(a.timeIn(AgentState.READY)).isEqualTo(Duration.ofSeconds(900));
        assertThat(a.timeIn(AgentState.BUSY)).isEqualTo(Duration.ofSeconds(1800));
        assertThat(a.timeIn(AgentState.WRAP_UP)).isEqualTo(Duration.ofSeconds(300));
        assertThat(a.timeIn(AgentState.NOT_READY)).isEqualTo(Duration.ofSeconds(600));
        assertThat(a.timeIn(AgentState.LOGGED_OUT)).isZero();
        // (1800 + 300) ÷ (1800 + 300 + 900) × 100 = 2100 ÷ 3000 × 100 = 70 %
        assertThat(a.occupancy().getAsDouble()).isCloseTo(70.0, within(1e-9));
        assertThat(a.occupancyKpi().formula()).isEqualTo("(busy + wrap-up) ÷ (busy + wrap-up + ready) × 100");
        assertThat(a.occupancyKpi().parameters()).containsEntry("ready", "900 s");
    }

    @Test
    void queueOccupancySumsTheAgentsTimesFirst() {
        // agents 7 and 8: (2100 + 3600) ÷ (3000 + 3600) × 100 = 5700 ÷ 6600 × 100 = 86.36… %
        assertThat(AgentStats.queueOccupancy(Set.of(7L, 8L), SPANS, NINE, TEN).value())
                .isCloseTo(5700.0 / 66, within(1e-9));
        // an agent with no time at all: undefined, not zero
        assertThat(AgentStats.queueOccupancy(Set.of(99L), SPANS, NINE, TEN).value()).isNull();
    }

    @Test
    void handledAndAverageHandleTimePerAgent() {
        // Contacts' times are measured from 09:00; wrap-up ends at 09:02:40, 09:04:15 and 09:01:00
        List<ContactRecord> contacts = List.of(
                handled(1, 10, 120, 30, 30, 7L, false),    // 120 + 30 = 150 s
                handled(2, 5, 200, 0, 50, 7L, false),      // 200 + 50 = 250 s
                handled(3, 0, 50, 0, 10, 8L, false));      // agent 8's
        AgentStats a = AgentStats.of(7, SPANS, contacts, NINE, TEN);
        assertThat(a.handled()).isEqualTo(2);
        // (150 + 250) ÷ 2 = 200 s
        assertThat(a.averageHandleTime()).contains(Duration.ofSeconds(200));
        assertThat(a.averageHandleTimeKpi().value()).isEqualTo(200.0);
        // a window ending before the first wrap-up finished has none
        assertThat(AgentStats.of(7, SPANS, contacts, NINE, NINE.plusSeconds(60)).averageHandleTime()).isEmpty();
    }
}
