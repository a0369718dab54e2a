package dev.switchboard.api;

import dev.switchboard.domain.sla.SlaState;

import java.time.Instant;

/**
 * One SLA clock of a ticket as it stood when the view was made: its target and the business time used
 * (in minutes of business hours), when it is due, and its state. {@code metAt} is when the clock
 * stopped (the first response, or the resolution); the state is then that of the moment it stopped.
 */
public record SlaView(long targetMinutes, long usedMinutes, Instant due, SlaState state, Instant metAt) {
    public boolean stopped() {
        return metAt != null;
    }
}
