package dev.switchboard.app.bench.jmh;

import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.metrics.AgentStats.StateSpan;
import dev.switchboard.metrics.ContactRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A centre's day so far, as the supervisor dashboard sees it at {@link #now} (16:07:30 in London):
 * {@value #AGENTS} agents, each working a shift from between 08:00 and 10:00 (contacts back to back
 * with ready gaps, wrap-up after each, now and then a break), over {@value #QUEUES} queues of very
 * different sizes (a queue's share of the contacts falls off as 1/rank^0.8), plus the customers who
 * gave up waiting and a few still waiting. About 50,000 contact records in all. Every record and every
 * state span follows from one timeline per agent, so spans never overlap and add up to the shift.
 */
final class DayOfContacts {
    static final int AGENTS = 1_000;
    static final int QUEUES = 500;
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final Instant midnight = LocalDate.of(2026, 1, 5).atStartOfDay(ZONE).toInstant();
    final Instant now = midnight.plus(Duration.ofHours(16).plusMinutes(7).plusSeconds(30));
    final List<ContactRecord> records = new ArrayList<>();
    /** Per agent, the records they answered, and their state spans up to now, oldest first. */
    final Map<Long, List<ContactRecord>> byAgent = new HashMap<>();
    final Map<Long, List<StateSpan>> spans = new HashMap<>();
    /** Each queue's channel; queue ids are 1..QUEUES. */
    final Channel[] channelOf = new Channel[QUEUES + 1];
    private final double[] cumulative = new double[QUEUES];
    private final Random random;
    private long nextId;

    DayOfContacts(long seed) {
        random = new Random(seed);
        Channel[] mix = {Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL};
        double sum = 0;
        for (int q = 0; q < QUEUES; q++) {
            sum += Math.pow(q + 1, -0.8);
            cumulative[q] = sum;
            channelOf[q + 1] = mix[random.nextInt(mix.length)];
        }
        for (int q = 0; q < QUEUES; q++) {
            cumulative[q] /= sum;
        }
        for (long a = 1; a <= AGENTS; a++) {
            shift(a);
        }
        int answered = records.size();
        for (int i = 0; i < answered / 9; i++) {
            abandoned();
        }
        for (int i = 0; i < 40; i++) {
            Instant queued = now.minusSeconds(1 + random.nextInt(120));
            long queue = queue();
            records.add(new ContactRecord(++nextId, queue, channelOf[(int) queue], queued, null, null, null, null, 0,
                    null, false));
        }
    }

    /** A queue by its share of the day's contacts. */
    long queue() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = QUEUES - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    private void shift(long agent) {
        List<StateSpan> own = new ArrayList<>();
        List<ContactRecord> answered = new ArrayList<>();
        Instant t = midnight.plus(Duration.ofHours(8)).plusSeconds(random.nextInt(7200));
        while (t.isBefore(now)) {
            if (random.nextInt(12) == 0) {
                t = span(own, agent, AgentState.NOT_READY, t, 300 + random.nextInt(900));
            }
            t = span(own, agent, AgentState.READY, t, 5 + (long) (-90 * Math.log(1 - random.nextDouble())));
            if (!t.isBefore(now)) {
                break;
            }
            long queue = queue();
            long waited = random.nextInt(10) == 0 ? 20 + random.nextInt(160)
                    : (long) (-8 * Math.log(1 - random.nextDouble()));
            Instant answeredAt = t;
            Instant talkEnd = answeredAt.plusSeconds(60 + random.nextInt(540));
            long hold = random.nextInt(5) == 0 ? 1000L * random.nextInt(60) : 0;
            Instant wrapEnd = talkEnd.plusSeconds(10 + random.nextInt(50));
            boolean talkDone = !talkEnd.isAfter(now);
            boolean wrapDone = !wrapEnd.isAfter(now);
            t = span(own, agent, AgentState.BUSY, answeredAt, Duration.between(answeredAt, talkEnd).toSeconds());
            if (talkDone) {
                t = span(own, agent, AgentState.WRAP_UP, talkEnd, Duration.between(talkEnd, wrapEnd).toSeconds());
            }
            ContactRecord r = new ContactRecord(++nextId, queue, channelOf[(int) queue],
                    answeredAt.minusSeconds(waited), answeredAt, null, talkDone ? talkEnd : null,
                    wrapDone ? wrapEnd : null, talkDone ? hold : 0, agent, wrapDone && random.nextInt(30) == 0);
            records.add(r);
            answered.add(r);
        }
        spans.put(agent, own);
        byAgent.put(agent, answered);
    }

    /** Adds a span from {@code from} lasting {@code seconds}, cut at now; returns its end. */
    private Instant span(List<StateSpan> own, long agent, AgentState state, Instant from, long seconds) {
        Instant to = from.plusSeconds(seconds);
        if (to.isAfter(now)) {
            to = now;
        }
        if (from.isBefore(to)) {
            own.add(new StateSpan(agent, state, from, to));
        }
        return to;
    }

    private void abandoned() {
        long queue = queue();
        long day = Duration.between(midnight.plus(Duration.ofHours(8)), now.minusSeconds(300)).toSeconds();
        Instant queued = midnight.plus(Duration.ofHours(8)).plusSeconds((long) (random.nextDouble() * day));
        // a third hang up within the short-abandon cut-off, the rest after up to three minutes
        long waited = random.nextInt(3) == 0 ? random.nextInt(5000) : 5000 + random.nextInt(175_000);
        records.add(new ContactRecord(++nextId, queue, channelOf[(int) queue], queued, null,
                queued.plusMillis(waited), null, null, 0, null, false));
    }

    /** The same contact as it was before its wrap-up finished: what the dashboard held a moment earlier. */
    static ContactRecord beforeWrapUp(ContactRecord r) {
        return new ContactRecord(r.interactionId(), r.queueId(), r.channel(), r.queuedAt(), r.answeredAt(), null,
                r.talkEndAt(), null, r.holdMillis(), r.agentId(), false);
    }
}
