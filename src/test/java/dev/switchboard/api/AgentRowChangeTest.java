package dev.switchboard.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentRowChangeTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    private static final KpiView AHT = new KpiView("average-handle-time", 65.0, "s", "(talk + wrap-up) ÷ handled",
            Map.of("handled", "3"));
    private static final KpiView OCCUPANCY = new KpiView("occupancy", 80.0, "%", "(busy + wrap-up) ÷ …",
            Map.of("busy", "80 s"));
    private static final CurrentContactView CALL = new CurrentContactView(77, Channel.PHONE, "Ada Lovelace");

    private final ObjectMapper server = Json.strict();
    private final ObjectMapper desktop = Json.lenient();

    @Test
    void aStateChangeCarriesTheLivePartAloneAndMakesTheNewRow() throws Exception {
        AgentMetricsView before = row(AgentState.NOT_READY, "break", T, null, List.of(1L, 2L), 3, AHT, OCCUPANCY);
        AgentMetricsView now = row(AgentState.READY, null, T.plusSeconds(5), null, List.of(1L, 2L), 3, AHT, OCCUPANCY);

        AgentRowChange change = AgentRowChange.between(before, now);

        assertThat(server.writeValueAsString(change))
                .isEqualTo("{\"agentId\":7,\"state\":\"READY\",\"since\":\"2026-11-28T10:00:05Z\"}");
        assertThat(change.applyTo(before)).as("the reason is gone with the state it was for").isEqualTo(now);
    }

    @Test
    void otherFieldsGoOnlyWhenChangedAndEmptiedOnesAreNamed() throws Exception {
        AgentMetricsView before = row(AgentState.BUSY, null, T, CALL, List.of(1L), 3, AHT, OCCUPANCY);
        KpiView longer = new KpiView("average-handle-time", 70.0, "s", AHT.formula(), Map.of("handled", "4"));
        AgentMetricsView now = row(AgentState.WRAP_UP, null, T.plusSeconds(9), null, List.of(1L, 3L), 4, longer, null);

        AgentRowChange change = AgentRowChange.between(before, now);
        String json = server.writeValueAsString(change);

        assertThat(json).doesNotContain("Alex Morgan", "\"current\"").contains("\"queueIds\":[1,3]", "\"handledToday\":4",
                "\"cleared\":[\"occupancy\"]", "\"value\":70.0");
        AgentRowChange read = desktop.readValue(json, AgentRowChange.class);
        assertThat(read).isEqualTo(change);
        assertThat(read.applyTo(before)).isEqualTo(now);
        assertThat(read.applyTo(now)).as("applied twice, the same row").isEqualTo(now);
    }

    @Test
    void aRowMissedInBetweenStillGetsTheAgentsStateRight() {
        AgentMetricsView published = row(AgentState.READY, null, T, null, List.of(1L), 0, AHT, OCCUPANCY);
        AgentMetricsView shownInstead = row(AgentState.NOT_READY, "lunch", T.plusSeconds(1), CALL, List.of(1L), 0, AHT,
                OCCUPANCY);
        AgentMetricsView now = row(AgentState.READY, null, T.plusSeconds(2), null, List.of(1L), 0, AHT, OCCUPANCY);

        assertThat(AgentRowChange.between(published, now).applyTo(shownInstead)).isEqualTo(now);
    }

    @Test
    void emptyListsAndZerosAreChangesAndNullsInClearedAreIgnored() throws Exception {
        AgentMetricsView before = row(AgentState.READY, null, T, null, List.of(1L), 3, AHT, OCCUPANCY);
        AgentMetricsView now = row(AgentState.READY, null, T, null, List.of(), 0, AHT, OCCUPANCY);
        String json = server.writeValueAsString(AgentRowChange.between(before, now));
        assertThat(json).contains("\"queueIds\":[]", "\"handledToday\":0");
        assertThat(desktop.readValue(json, AgentRowChange.class).applyTo(before)).isEqualTo(now);
        assertThat(desktop.readValue("{\"agentId\":7,\"state\":\"READY\",\"cleared\":[null,\"occupancy\"]}",
                AgentRowChange.class).cleared()).containsExactly("occupancy");
    }

    @Test
    void rowsOfTwoAgentsAreRefused() {
        AgentMetricsView seven = row(AgentState.READY, null, T, null, List.of(), 0, AHT, OCCUPANCY);
        AgentMetricsView eight = new AgentMetricsView(8, "B", AgentState.READY, null, T, null, List.of(), 0, AHT,
                OCCUPANCY);
        assertThatThrownBy(() -> AgentRowChange.between(seven, eight)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentRowChange.between(seven, seven).applyTo(eight))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullDashboardSaysNothingOfChanges() throws Exception {
        SupervisorView full = new SupervisorView(T, List.of(), List.of(), List.of());
        String json = server.writeValueAsString(full);
        assertThat(json).doesNotContain("agentChanges");
        assertThat(desktop.readValue(json, SupervisorView.class).agentChanges()).isEmpty();
    }

    private static AgentMetricsView row(AgentState state, String reason, Instant since, CurrentContactView current,
                                        List<Long> queues, long handled, KpiView aht, KpiView occupancy) {
        return new AgentMetricsView(7, "Alex Morgan", state, reason, since, current, queues, handled, aht, occupancy);
    }
}
