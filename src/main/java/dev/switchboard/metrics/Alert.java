package dev.switchboard.metrics;

import java.util.Objects;

/**
 * Something a supervisor should look at now.
 *
 * @param queueId set for queue alerts, null for agent alerts
 * @param agentId set for agent alerts, null for queue alerts
 * @param message an English sentence naming the numbers
 */
public record Alert(Kind kind, Long queueId, Long agentId, Severity severity, String message) {

    public enum Kind { LONGEST_WAIT, SERVICE_LEVEL, NOT_READY }

    public enum Severity { WARNING, CRITICAL }

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if ((queueId == null) == (agentId == null)) {
            throw new IllegalArgumentException("exactly one of queueId and agentId must be set");
        }
    }
}
