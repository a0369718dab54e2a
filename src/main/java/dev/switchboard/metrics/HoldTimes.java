package dev.switchboard.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each contact's customer was on hold: the stretches between a hold and its resume, per
 * interaction. A pass through a queue held its customer for the overlap of those stretches with its
 * talk, so a hold still on when the talk ended counts only up to that end, and a transfer's second
 * pass does not inherit the first one's hold.
 *
 * <p>Not thread-safe; one owner feeds it.
 */
public final class HoldTimes {
    private final Map<Long, Held> byInteraction = new HashMap<>();

    private static final class Held {
        final List<Instant[]> closed = new ArrayList<>();
        Instant since;
        Instant lastChange;
    }

    /**
     * The customer of {@code interactionId} is on hold (or not) from {@code at}. Returns whether that
     * changed anything: a hold while on hold, or a resume with nothing held, does not.
     */
    public boolean set(long interactionId, boolean onHold, Instant at) {
        Held h = byInteraction.get(interactionId);
        if (onHold) {
            if (h == null) {
                h = new Held();
                byInteraction.put(interactionId, h);
            } else if (h.since != null) {
                return false;
            }
            h.since = at;
            h.lastChange = at;
            return true;
        }
        if (h == null || h.since == null) {
            return false;
        }
        if (at.isAfter(h.since)) {
            h.closed.add(new Instant[] {h.since, at});
        }
        h.since = null;
        h.lastChange = at;
        return true;
    }

    /** Whether anything is known of this interaction's holds. */
    public boolean knows(long interactionId) {
        return byInteraction.containsKey(interactionId);
    }

    /** Milliseconds on hold within [from, to); a hold not yet resumed counts up to {@code to}. */
    public long heldMillis(long interactionId, Instant from, Instant to) {
        Held h = byInteraction.get(interactionId);
        if (h == null || !from.isBefore(to)) {
            return 0;
        }
        long millis = 0;
        for (Instant[] span : h.closed) {
            millis += overlap(span[0], span[1], from, to);
        }
        if (h.since != null) {
            millis += overlap(h.since, to, from, to);
        }
        return millis;
    }

    /** Forgets an interaction (it is over). */
    public void forget(long interactionId) {
        byInteraction.remove(interactionId);
    }

    /** Forgets interactions whose hold last changed before {@code cutoff}: memory stays bounded. */
    public void dropBefore(Instant cutoff) {
        byInteraction.values().removeIf(h -> h.lastChange.isBefore(cutoff));
    }

    private static long overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(to) ? b : to;
        return start.isBefore(end) ? Duration.between(start, end).toMillis() : 0;
    }
}
