package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.domain.AgentState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The row of an agent who was already on the supervisor's last dashboard, as a partial dashboard sends
 * it when the row changed: the agent's id, the live part of the row as it is now ({@code state},
 * {@code reasonCode}, {@code since} and {@code current}, the last three left out when empty), and of
 * the rest only the fields whose value changed: a field left out ({@code null}) is as before, and
 * {@code cleared} names those that are empty now. Most changes are a state and its {@code since}: some
 * 80 bytes instead of a whole row of about 550, to every supervisor, twice a second. The live part is
 * always whole (a change without a state keeps the row's), so a grid that missed a step (a dashboard
 * asked for between two events) still shows the agent's state right; the other fields of such a grid
 * are made right by the next whole dashboard, within a minute.
 */
public record AgentRowChange(long agentId, String name, AgentState state, String reasonCode, Instant since,
                             CurrentContactView current, List<Long> queueIds, Long handledToday,
                             KpiView averageHandleTime, KpiView occupancy,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> cleared) {
    private static final String NAME = "name";
    private static final String QUEUE_IDS = "queueIds";
    private static final String AVERAGE_HANDLE_TIME = "averageHandleTime";
    private static final String OCCUPANCY = "occupancy";

    public AgentRowChange {
        cleared = cleared == null ? List.of() : cleared.stream().filter(Objects::nonNull).toList();
    }

    /** The change that turns {@code before} into {@code now}, rows of the same agent. */
    public static AgentRowChange between(AgentMetricsView before, AgentMetricsView now) {
        if (before.agentId() != now.agentId()) {
            throw new IllegalArgumentException("rows of agents " + before.agentId() + " and " + now.agentId());
        }
        List<String> cleared = new ArrayList<>(2);
        return new AgentRowChange(now.agentId(),
                changed(NAME, before.name(), now.name(), cleared),
                now.state(), now.reasonCode(), now.since(), now.current(),
                changed(QUEUE_IDS, before.queueIds(), now.queueIds(), cleared),
                before.handledToday() == now.handledToday() ? null : now.handledToday(),
                changed(AVERAGE_HANDLE_TIME, before.averageHandleTime(), now.averageHandleTime(), cleared),
                changed(OCCUPANCY, before.occupancy(), now.occupancy(), cleared),
                cleared);
    }

    /** {@code row}, this agent's row on the dashboard before, with this change made. */
    public AgentMetricsView applyTo(AgentMetricsView row) {
        if (row.agentId() != agentId) {
            throw new IllegalArgumentException("a change to agent " + agentId + " for the row of agent " + row.agentId());
        }
        return new AgentMetricsView(agentId,
                pick(NAME, name, row.name()),
                state == null ? row.state() : state, reasonCode, since, current,
                pick(QUEUE_IDS, queueIds, row.queueIds()),
                handledToday == null ? row.handledToday() : handledToday,
                pick(AVERAGE_HANDLE_TIME, averageHandleTime, row.averageHandleTime()),
                pick(OCCUPANCY, occupancy, row.occupancy()));
    }

    private <T> T pick(String field, T changed, T before) {
        if (changed != null) {
            return changed;
        }
        return cleared.contains(field) ? null : before;
    }

    private static <T> T changed(String field, T before, T now, List<String> cleared) {
        if (Objects.equals(before, now)) {
            return null;
        }
        if (now == null) {
            cleared.add(field);
        }
        return now;
    }
}
