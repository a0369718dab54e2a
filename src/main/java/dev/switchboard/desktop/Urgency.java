package dev.switchboard.desktop;

import java.time.Duration;

/**
 * How pressing a running clock is: a contact's wait against its queue's service-level threshold, or
 * the time left in wrap-up. Views show it as the pseudo-classes {@code :warning} and {@code :danger}.
 */
public enum Urgency {
    NORMAL, WARNING, DANGER;

    /** Seconds left in a countdown at which it turns warning, then danger. */
    static final long WARN_LEFT = 30;
    static final long DANGER_LEFT = 10;

    /** Under half the threshold: normal; under the threshold: warning; at or over it: danger. */
    public static Urgency ofWait(Duration waited, int thresholdSeconds) {
        if (thresholdSeconds <= 0) {
            return NORMAL;
        }
        long ms = waited.toMillis();
        long limit = thresholdSeconds * 1000L;
        if (ms >= limit) {
            return DANGER;
        }
        return ms * 2 >= limit ? WARNING : NORMAL;
    }

    /** A countdown: warning in its last 30 s, danger in its last 10 s and after. */
    public static Urgency ofCountdown(Duration left) {
        long s = left.toMillis();
        if (s <= DANGER_LEFT * 1000) {
            return DANGER;
        }
        return s <= WARN_LEFT * 1000 ? WARNING : NORMAL;
    }
}
