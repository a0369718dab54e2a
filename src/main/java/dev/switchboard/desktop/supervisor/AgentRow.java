package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Formats;
import dev.switchboard.domain.AgentState;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An agent on the supervisor's grid: texts to show and the numbers to sort by; only the time in state
 * changes between two reports of the server (every second, from the window's ticker).
 */
public final class AgentRow {
    private final long agentId;
    private final String name;
    private final AgentState state;
    private final String stateText;
    private final Instant since;
    private final long handled;
    private final KpiCell handleTime;
    private final Double handleSeconds;
    private final KpiCell occupancy;
    private final Double occupancyPercent;
    private final String current;
    private final List<Long> queueIds;
    private final ReadOnlyLongWrapper secondsInState = new ReadOnlyLongWrapper(this, "secondsInState");
    private final ReadOnlyStringWrapper timeInState = new ReadOnlyStringWrapper(this, "timeInState", "");

    AgentRow(long agentId, String name, AgentState state, String stateText, Instant since, long handled,
             KpiCell handleTime, Double handleSeconds, KpiCell occupancy, Double occupancyPercent, String current,
             List<Long> queueIds) {
        this.agentId = agentId;
        this.name = name;
        this.state = state;
        this.stateText = stateText;
        this.since = since;
        this.handled = handled;
        this.handleTime = handleTime;
        this.handleSeconds = handleSeconds;
        this.occupancy = occupancy;
        this.occupancyPercent = occupancyPercent;
        this.current = current;
        this.queueIds = List.copyOf(queueIds);
    }

    void tick(Instant now) {
        if (since == null) {
            secondsInState.set(0);
            timeInState.set("");
            return;
        }
        Duration d = Duration.between(since, now);
        secondsInState.set(Math.max(0, d.getSeconds()));
        timeInState.set(Formats.clock(d));
    }

    public long agentId() {
        return agentId;
    }

    public String name() {
        return name;
    }

    public AgentState state() {
        return state;
    }

    /** "Not ready (Break)", "Busy". */
    public String stateText() {
        return stateText;
    }

    public long handled() {
        return handled;
    }

    public KpiCell handleTime() {
        return handleTime;
    }

    /** For sorting; null while the agent has handled nothing. */
    public Double handleSeconds() {
        return handleSeconds;
    }

    public KpiCell occupancy() {
        return occupancy;
    }

    public Double occupancyPercent() {
        return occupancyPercent;
    }

    /** "Phone · Ada Lovelace"; "" when the agent works on no contact. */
    public String current() {
        return current;
    }

    /** The queues the agent's skills serve. */
    public List<Long> queueIds() {
        return queueIds;
    }

    public ReadOnlyLongProperty secondsInStateProperty() {
        return secondsInState.getReadOnlyProperty();
    }

    /** "4:12", ticking. */
    public ReadOnlyStringProperty timeInStateProperty() {
        return timeInState.getReadOnlyProperty();
    }
}
