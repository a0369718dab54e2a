package dev.switchboard.channels.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most {@code max} events in any window of the given length; refused events do not count. */
final class FloodLimit {
    private final int max;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();

    FloodLimit(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    synchronized boolean allow(Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
