package dev.switchboard.domain.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * What the pacer knows at one moment.
 *
 * @param readyAgents     agents idle and waiting for a call now
 * @param agentsFinishing agents on a call or in wrap-up who may become free while new calls ring
 * @param callsInFlight   calls dialled and not yet ended or handed to an agent
 * @param averageHandleTime the campaign's measured average handle time (talk and wrap-up)
 * @param stats           the rolling window's answer and abandon figures
 */
public record PacerInput(int readyAgents, int agentsFinishing, int callsInFlight, Duration averageHandleTime,
                         DialStats.Snapshot stats) {
    public PacerInput {
        if (readyAgents < 0 || agentsFinishing < 0 || callsInFlight < 0) {
            throw new IllegalArgumentException("agent and call counts cannot be negative");
        }
        Objects.requireNonNull(averageHandleTime, "averageHandleTime");
        Objects.requireNonNull(stats, "stats");
    }
}
