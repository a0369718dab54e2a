package dev.switchboard.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Queue figures per 15-minute interval of the time a contact was queued, in the centre's time zone, and
 * the two live windows supervisors watch: the last 30 minutes and today.
 *
 * <p>A contact belongs to the interval its {@code queuedAt} falls in (its answer or abandon may come in a
 * later interval), per queue. A later record of the same interaction replaces the earlier one, even if
 * it moved to another interval. Nothing reads a clock: every window takes {@code now}.
 */
public final class IntervalStats {
    /** The length of an interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);
    /** The short live window. */
    public static final Duration RECENT = Duration.ofMinutes(30);

    private final ZoneId zone;
    private final Map<Long, TreeMap<Instant, QueueStats>> buckets = new HashMap<>();
    /** Per queue, interaction → the start of the interval it is counted in. */
    private final Map<Long, Map<Long, Instant>> placed = new HashMap<>();

    public IntervalStats(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The start of the 15-minute interval holding {@code t}, on the wall clock of {@code zone}. */
    public static Instant intervalStart(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        LocalDateTime local = z.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        local = local.minusMinutes(local.getMinute() % 15);
        // keep the offset in force at t, so the repeated hour of a DST change keeps its own intervals
        return ZonedDateTime.ofLocal(local, zone, z.getOffset()).toInstant();
    }

    /** Counts a record in its queue's interval, replacing an earlier record of the same interaction. */
    public void add(ContactRecord r) {
        Instant start = intervalStart(r.queuedAt(), zone);
        Map<Long, Instant> where = placed.computeIfAbsent(r.queueId(), q -> new HashMap<>());
        TreeMap<Instant, QueueStats> queue = buckets.computeIfAbsent(r.queueId(), q -> new TreeMap<>());
        Instant before = where.put(r.interactionId(), start);
        if (before != null && !before.equals(start)) {
            queue.get(before).remove(r.interactionId());
        }
        queue.computeIfAbsent(start, s -> new QueueStats()).add(r);
    }

    /** The queues seen. */
    public Set<Long> queueIds() {
        return Collections.unmodifiableSet(buckets.keySet());
    }

    /** A queue's intervals, by start, oldest first. */
    public NavigableMap<Instant, QueueStats> intervals(long queueId) {
        return Collections.unmodifiableNavigableMap(buckets.getOrDefault(queueId, new TreeMap<>()));
    }

    /** Contacts queued in [now − 30 min, now), counted afresh from their records. */
    public QueueStats lastThirtyMinutes(long queueId, Instant now) {
        return between(queueId, now.minus(RECENT), now);
    }

    /** Contacts queued from the local midnight of {@code now}'s day up to {@code now}. */
    public QueueStats today(long queueId, Instant now) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return between(queueId, midnight, now);
    }

    /** Contacts queued in [from, to). */
    public QueueStats between(long queueId, Instant from, Instant to) {
        TreeMap<Instant, QueueStats> queue = buckets.get(queueId);
        QueueStats out = new QueueStats();
        if (queue == null || !from.isBefore(to)) {
            return out;
        }
        // intervals wholly inside the window are summed; the ones cut by its edges are filtered record by record
        for (Map.Entry<Instant, QueueStats> e : queue.subMap(intervalStart(from, zone), true, to, false).entrySet()) {
            Instant start = e.getKey();
            boolean inside = !start.isBefore(from) && !start.plus(INTERVAL).isAfter(to);
            if (inside) {
                out.addAll(e.getValue());
                continue;
            }
            for (ContactRecord r : e.getValue().records()) {
                if (!r.queuedAt().isBefore(from) && r.queuedAt().isBefore(to)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Forgets intervals that start before {@code cutoff} (e.g. yesterday's, once reported). */
    public void dropBefore(Instant cutoff) {
        for (Map.Entry<Long, TreeMap<Instant, QueueStats>> e : buckets.entrySet()) {
            NavigableMap<Instant, QueueStats> old = e.getValue().headMap(cutoff, false);
            Map<Long, Instant> where = placed.get(e.getKey());
            for (QueueStats s : old.values()) {
                for (ContactRecord r : List.copyOf(s.records())) {
                    where.remove(r.interactionId());
                }
            }
            old.clear();
        }
    }
}
