package dev.switchboard.app.bench;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Router;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * P2, the bare router: how many routing decisions one thread makes per second of wall time, with the
 * design's centre (agents with ~10 skills each, queues needing one or two of them, default capacity).
 * Contacts arrive at the stated rate in simulated time; each offer is accepted at once and released
 * after the handle time (voice 30 s, others 5 s), so the router works with a realistic number of busy
 * agents and waiting contacts. Every call's own duration is recorded for its percentiles.
 */
final class RouterBench {
    private static final int SKILLS = 50;

    record Settings(int agents, int queues, int skillsPerAgent, double ratePerSecond, int contacts) {
        String workload() {
            return String.format(Locale.ROOT, "%,d agents (%d skills each, levels 1-10, default capacity), %,d queues "
                    + "(1-2 skills each), %,d contacts arriving at %.0f/s in simulated time, handled 5 s (voice 30 s)",
                    agents, skillsPerAgent, queues, contacts, ratePerSecond);
        }
    }

    record Result(double decisionsPerSecond, long decisions, double p99Micros, int waitingAtEnd) {
    }

    private static final class SimClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Settings s;

    RouterBench(Settings settings) {
        this.s = settings;
    }

    Result run() {
        Random random = new Random(7);
        SimClock clock = new SimClock();
        Router router = new Router(clock);
        for (long q = 1; q <= s.queues(); q++) {
            Set<String> need = new TreeSet<>();
            need.add("s" + random.nextInt(SKILLS));
            if (random.nextBoolean()) {
                need.add("s" + random.nextInt(SKILLS));
            }
            router.defineQueue(new Router.QueueRule(q, random.nextInt(3), Duration.ofSeconds(20), need,
                    Duration.ofSeconds(20)));
        }
        for (long a = 1; a <= s.agents(); a++) {
            Map<String, Integer> skills = new HashMap<>();
            while (skills.size() < s.skillsPerAgent()) {
                skills.put("s" + random.nextInt(SKILLS), 1 + random.nextInt(10));
            }
            router.signIn(a, skills, Capacity.DEFAULT);
            router.setAvailable(a, true);
        }
        Channel[] channels = {Channel.PHONE, Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.SOCIAL};
        Map<Long, Channel> channelOf = new HashMap<>();
        // {dueMillis, interactionId}, one queue per handle time: each stays in time order by itself
        Releases releases = new Releases();
        Samples latency = new Samples();
        long decisions = 0;
        long step = Math.round(1000 / s.ratePerSecond());
        long started = System.nanoTime();
        for (long id = 1; id <= s.contacts(); id++) {
            clock.now = clock.now.plusMillis(step);
            long[] due;
            while ((due = releases.pollDue(clock.now.toEpochMilli())) != null) {
                long released = due[1];
                long t0 = System.nanoTime();
                decisions += accept(router.release(released), router, channelOf, releases, clock);
                latency.add((System.nanoTime() - t0) / 1e3);
            }
            Channel channel = channels[random.nextInt(channels.length)];
            channelOf.put(id, channel);
            long queue = 1 + random.nextInt(s.queues());
            long t0 = System.nanoTime();
            List<Decision> ds = router.enqueue(new Router.Contact(id, queue, channel, 0, clock.now, null));
            decisions += accept(ds, router, channelOf, releases, clock);
            latency.add((System.nanoTime() - t0) / 1e3);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(decisions / seconds, decisions, latency.percentile(99), router.waitingCount());
    }

    /** Accepts every offer at once and schedules its release; returns how many offers there were. */
    private static int accept(List<Decision> ds, Router router, Map<Long, Channel> channelOf, Releases releases,
                              SimClock clock) {
        int offers = 0;
        for (Decision d : ds) {
            if (d instanceof Decision.Offer o) {
                offers++;
                router.accept(o.interactionId(), o.agentId());
                boolean voice = channelOf.get(o.interactionId()) == Channel.PHONE;
                (voice ? releases.voice : releases.other).addLast(
                        new long[] {clock.now.toEpochMilli() + (voice ? 30_000 : 5_000), o.interactionId()});
            }
        }
        return offers;
    }

    /** Contacts to release when their handle time is up. */
    private static final class Releases {
        final ArrayDeque<long[]> voice = new ArrayDeque<>();
        final ArrayDeque<long[]> other = new ArrayDeque<>();

        long[] pollDue(long now) {
            long[] v = voice.peekFirst();
            long[] o = other.peekFirst();
            ArrayDeque<long[]> from = v == null ? other : o == null ? voice : v[0] <= o[0] ? voice : other;
            long[] head = from.peekFirst();
            return head != null && head[0] <= now ? from.pollFirst() : null;
        }
    }

}
