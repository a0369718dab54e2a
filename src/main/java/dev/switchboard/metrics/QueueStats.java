package dev.switchboard.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A queue's figures, kept up to date one {@link ContactRecord} at a time.
 *
 * <p>Idempotent by interaction: adding a record whose interaction is already counted replaces the earlier
 * record's contribution with the new one (the last record added wins), so the same stats come out
 * whether records arrive once when finished or many times as they grow. {@link #recompute} builds the
 * same state from scratch.
 *
 * <p>Answer and abandon waits are kept as counts per wait (to the millisecond), so the service level can
 * be asked for any threshold, short-abandon cut-off and treatment without going back to the records.
 * A record that is neither answered nor abandoned is still waiting and is not yet offered.
 *
 * <p>Not thread-safe; one owner feeds it.
 */
public final class QueueStats {
    private final Map<Long, ContactRecord> records = new HashMap<>();
    /** Wait in millis → number of answered contacts with that wait. */
    private final TreeMap<Long, Long> answeredWaits = new TreeMap<>();
    /** Wait in millis → number of abandoned contacts (short ones included) with that wait. */
    private final TreeMap<Long, Long> abandonedWaits = new TreeMap<>();
    private long answered;
    private long abandonedAll;
    private long answerWaitMillis;
    private long handled;
    private long talkMillis;
    private long holdMillis;
    private long wrapMillis;
    private long transfers;

    /** The counts of one service-level calculation, under one set of settings. */
    public record Counts(long offered, long answered, long answeredWithinThreshold, long abandoned,
                         long shortAbandoned, long abandonedWithinThreshold) {
    }

    /** Builds the stats of these records from scratch (a later record of the same interaction wins). */
    public static QueueStats recompute(Collection<ContactRecord> records) {
        QueueStats s = new QueueStats();
        records.forEach(s::add);
        return s;
    }

    /** Counts a record, replacing the earlier record of the same interaction if there is one. */
    public void add(ContactRecord r) {
        Objects.requireNonNull(r, "record");
        ContactRecord old = records.put(r.interactionId(), r);
        if (old != null) {
            apply(old, -1);
        }
        apply(r, +1);
    }

    /**
     * Counts every record of {@code other} as if each were added here; when the two share no interaction
     * (intervals of one queue never do) the totals are simply summed.
     */
    public void addAll(QueueStats other) {
        for (Long id : other.records.keySet()) {
            if (records.containsKey(id)) {
                other.records.values().forEach(this::add);
                return;
            }
        }
        records.putAll(other.records);
        other.answeredWaits.forEach((w, n) -> answeredWaits.merge(w, n, Long::sum));
        other.abandonedWaits.forEach((w, n) -> abandonedWaits.merge(w, n, Long::sum));
        answered += other.answered;
        abandonedAll += other.abandonedAll;
        answerWaitMillis += other.answerWaitMillis;
        handled += other.handled;
        talkMillis += other.talkMillis;
        holdMillis += other.holdMillis;
        wrapMillis += other.wrapMillis;
        transfers += other.transfers;
    }

    /** Takes an interaction's record out again; false if it was not counted. */
    public boolean remove(long interactionId) {
        ContactRecord old = records.remove(interactionId);
        if (old == null) {
            return false;
        }
        apply(old, -1);
        return true;
    }

    /** The records counted, the last one per interaction. */
    public Collection<ContactRecord> records() {
        return Collections.unmodifiableCollection(records.values());
    }

    private void apply(ContactRecord r, int sign) {
        Duration wait = r.waitTime();
        if (r.answered()) {
            answered += sign;
            answerWaitMillis += sign * wait.toMillis();
            count(answeredWaits, wait.toMillis(), sign);
        } else if (r.abandoned()) {
            abandonedAll += sign;
            count(abandonedWaits, wait.toMillis(), sign);
        }
        if (r.handled()) {
            handled += sign;
            talkMillis += sign * r.talkTime().toMillis();
            holdMillis += sign * r.holdMillis();
            wrapMillis += sign * r.wrapTime().toMillis();
        }
        if (r.transferredOut()) {
            transfers += sign;
        }
    }

    private static void count(TreeMap<Long, Long> waits, long waitMillis, int sign) {
        waits.merge(waitMillis, (long) sign, (a, b) -> a + b == 0 ? null : a + b);
    }

    private static long atMost(TreeMap<Long, Long> waits, long millis) {
        long n = 0;
        for (long c : waits.headMap(millis, true).values()) {
            n += c;
        }
        return n;
    }

    /** The service-level counts under these settings. */
    public Counts counts(ServiceLevelSettings s) {
        long threshold = s.threshold().toMillis();
        long shortCut = s.shortAbandon().toMillis();
        long shortAbandoned = shortCut == 0 ? 0 : atMost(abandonedWaits, shortCut - 1);
        long abandoned = abandonedAll - shortAbandoned;
        long abandonedWithin = atMost(abandonedWaits, threshold) - shortAbandoned;
        return new Counts(answered + abandoned, answered, atMost(answeredWaits, threshold), abandoned,
                shortAbandoned, abandonedWithin);
    }

    /** Contacts answered. */
    public long answered() {
        return answered;
    }

    /** Contacts whose wrap-up finished (the ones handle time is averaged over). */
    public long handled() {
        return handled;
    }

    /** Total wait of answered contacts. */
    public Duration totalAnswerWait() {
        return Duration.ofMillis(answerWaitMillis);
    }

    /** Total talk time of handled contacts, hold included. */
    public Duration totalTalk() {
        return Duration.ofMillis(talkMillis);
    }

    /** Total hold time of handled contacts. */
    public Duration totalHold() {
        return Duration.ofMillis(holdMillis);
    }

    /** Total wrap-up time of handled contacts. */
    public Duration totalWrap() {
        return Duration.ofMillis(wrapMillis);
    }

    /** Contacts the agent transferred away. */
    public long transfers() {
        return transfers;
    }

    /** Service level in percent as {@link AbandonTreatment} defines it; empty when nothing counts. */
    public OptionalDouble serviceLevel(ServiceLevelSettings s) {
        return optional(serviceLevelKpi(s));
    }

    /** Average speed of answer: total wait of answered ÷ answered; empty when none was answered. */
    public Optional<Duration> averageSpeedOfAnswer() {
        return answered == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(answerWaitMillis / answered));
    }

    /** Average handle time: (talk, hold included, + wrap-up) ÷ handled; empty when none was handled. */
    public Optional<Duration> averageHandleTime() {
        return handled == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((talkMillis + wrapMillis) / handled));
    }

    /** Average hold per handled contact (already inside handle time); empty when none was handled. */
    public Optional<Duration> averageHoldTime() {
        return handled == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(holdMillis / handled));
    }

    /** Abandoned ÷ offered × 100, short abandons left out of both; empty when nothing was offered. */
    public OptionalDouble abandonmentRate(ServiceLevelSettings s) {
        return optional(abandonmentRateKpi(s));
    }

    /** The service level with its formula, settings and counts. */
    public Kpi serviceLevelKpi(ServiceLevelSettings s) {
        Counts c = counts(s);
        String within = Texts.seconds(s.threshold());
        long numerator;
        long denominator;
        String formula;
        switch (s.treatment()) {
            case IGNORE -> {
                numerator = c.answeredWithinThreshold();
                denominator = c.offered() - c.abandoned();
                formula = "answered within " + within + " ÷ (offered − abandoned) × 100";
            }
            case AGAINST -> {
                numerator = c.answeredWithinThreshold();
                denominator = c.offered();
                formula = "answered within " + within + " ÷ offered × 100";
            }
            case IN_FAVOUR -> {
                numerator = c.answeredWithinThreshold() + c.abandonedWithinThreshold();
                denominator = c.offered();
                formula = "(answered within " + within + " + abandoned within " + within + ") ÷ offered × 100";
            }
            default -> throw new IllegalStateException();
        }
        Map<String, String> p = settings(s);
        p.put("offered", Long.toString(c.offered()));
        p.put("answered", Long.toString(c.answered()));
        p.put("answered within threshold", Long.toString(c.answeredWithinThreshold()));
        p.put("abandoned", Long.toString(c.abandoned()));
        p.put("abandoned within threshold", Long.toString(c.abandonedWithinThreshold()));
        p.put("short abandons (not counted)", Long.toString(c.shortAbandoned()));
        return new Kpi("service-level", ratio(numerator, denominator), "%", formula, p);
    }

    /** The abandonment rate with its formula and counts. */
    public Kpi abandonmentRateKpi(ServiceLevelSettings s) {
        Counts c = counts(s);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("short-abandon cut-off", Texts.seconds(s.shortAbandon()));
        p.put("abandoned", Long.toString(c.abandoned()));
        p.put("offered", Long.toString(c.offered()));
        p.put("short abandons (not counted)", Long.toString(c.shortAbandoned()));
        return new Kpi("abandonment-rate", ratio(c.abandoned(), c.offered()), "%",
                "abandoned ÷ offered × 100 (abandons sooner than " + Texts.seconds(s.shortAbandon()) + " not counted)", p);
    }

    /** Average speed of answer in seconds, with its formula and counts. */
    public Kpi averageSpeedOfAnswerKpi() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("total wait of answered", Texts.seconds(totalAnswerWait()));
        p.put("answered", Long.toString(answered));
        return new Kpi("average-speed-of-answer", perContact(answerWaitMillis, answered), "s",
                "total wait of answered contacts ÷ answered", p);
    }

    /** Average handle time in seconds, with its formula and totals (hold shown on its own). */
    public Kpi averageHandleTimeKpi() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("total talk (hold included)", Texts.seconds(totalTalk()));
        p.put("of which hold", Texts.seconds(totalHold()));
        p.put("total wrap-up", Texts.seconds(totalWrap()));
        p.put("handled", Long.toString(handled));
        return new Kpi("average-handle-time", perContact(talkMillis + wrapMillis, handled), "s",
                "(talk incl. hold + wrap-up) ÷ handled", p);
    }

    /** Average hold per handled contact in seconds. */
    public Kpi averageHoldTimeKpi() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("total hold", Texts.seconds(totalHold()));
        p.put("handled", Long.toString(handled));
        return new Kpi("average-hold-time", perContact(holdMillis, handled), "s", "hold ÷ handled", p);
    }

    /** Transfers out as a count. */
    public Kpi transfersKpi() {
        return new Kpi("transfers", (double) transfers, "contacts", "contacts transferred out", Map.of());
    }

    private static Map<String, String> settings(ServiceLevelSettings s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("threshold", Texts.seconds(s.threshold()));
        p.put("target", Texts.number(s.targetPercent()) + " %");
        p.put("treatment", s.treatment().name());
        p.put("short-abandon cut-off", Texts.seconds(s.shortAbandon()));
        return p;
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : numerator * 100.0 / denominator;
    }

    /** Seconds per contact, unrounded; null when there is no contact. */
    private static Double perContact(long totalMillis, long contacts) {
        return contacts == 0 ? null : totalMillis / 1000.0 / contacts;
    }

    private static OptionalDouble optional(Kpi k) {
        return k.value() == null ? OptionalDouble.empty() : OptionalDouble.of(k.value());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueStats q && records.equals(q.records) && answeredWaits.equals(q.answeredWaits)
                && abandonedWaits.equals(q.abandonedWaits) && answered == q.answered
                && abandonedAll == q.abandonedAll && answerWaitMillis == q.answerWaitMillis
                && handled == q.handled && talkMillis == q.talkMillis && holdMillis == q.holdMillis
                && wrapMillis == q.wrapMillis && transfers == q.transfers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(answered, abandonedAll, answerWaitMillis, handled, talkMillis, wrapMillis, transfers);
    }

    @Override
    public String toString() {
        return "QueueStats[records=" + records.size() + ", answered=" + answered + ", abandoned=" + abandonedAll
                + ", handled=" + handled + ", transfers=" + transfers + "]";
    }
}
