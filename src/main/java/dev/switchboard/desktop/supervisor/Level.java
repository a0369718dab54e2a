package dev.switchboard.desktop.supervisor;

/**
 * How a number stands against its target, which is all its colour says: met, close (within
 * {@link #NEAR_POINTS} points of the service-level target, or most of the way to the wait threshold),
 * missed; or nothing to judge yet.
 */
public enum Level {
    NONE, MET, NEAR, MISSED;

    /** Points below the service-level target that still count as close rather than missed. */
    public static final double NEAR_POINTS = 10;
    /** Share of the threshold a longest wait may reach before it turns amber. */
    public static final double WAIT_NEAR_SHARE = 0.75;

    /** A service level against the queue's target percentage; null (no contacts yet) is not judged. */
    public static Level serviceLevel(Double percent, int target) {
        if (percent == null) {
            return NONE;
        }
        if (percent >= target) {
            return MET;
        }
        return percent >= target - NEAR_POINTS ? NEAR : MISSED;
    }

    /** The longest wait now against the service-level threshold: past it, nearly there, or fine. */
    public static Level longestWait(int waiting, long seconds, int threshold) {
        if (waiting == 0) {
            return NONE;
        }
        if (seconds > threshold) {
            return MISSED;
        }
        return seconds >= threshold * WAIT_NEAR_SHARE ? NEAR : MET;
    }

    /** Agents signed in against the agents Erlang C says the load needs (null: not computed). */
    public static Level staffing(int signedIn, Integer needed) {
        if (needed == null) {
            return NONE;
        }
        return signedIn >= needed ? MET : MISSED;
    }
}
