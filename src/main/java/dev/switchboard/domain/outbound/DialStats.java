package dev.switchboard.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A campaign's dial outcomes over a rolling window: how many attempts ended, how many a person
 * answered, how many of those were abandoned, and how long answered calls rang. The pacer's
 * measured answer rate and the abandon rate held against the campaign's limit both come from here.
 *
 * <p>The abandon rate is abandoned calls over calls answered by a person (connected + abandoned),
 * the usual regulatory measure; answering machines count as not answered. Outcomes are recorded
 * when they end, with their own instant, so the window never reads the clock. One instance belongs
 * to one campaign's dialler loop and is not shared between threads.
 */
public final class DialStats {
    private record Outcome(Instant at, AttemptResult result, Duration ringTime) {
    }

    /** The window's totals at one instant. */
    public record Snapshot(int ended, int answered, int abandoned, Duration averageRingTime) {
        /** Answered by a person over attempts ended; 0 before any attempt ended. */
        public double answerRate() {
            return ended == 0 ? 0 : (double) answered / ended;
        }

        /** Abandoned over answered by a person; 0 before anyone answered. */
        public double abandonRate() {
            return answered == 0 ? 0 : (double) abandoned / answered;
        }
    }

    private final Duration window;
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private int answered;
    private int abandoned;
    private Duration answeredRing = Duration.ZERO;

    public DialStats(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        this.window = window;
    }

    /** Records an attempt that ended at {@code at}; {@code ringTime} is from dial to answer or give-up. */
    public void record(Instant at, AttemptResult result, Duration ringTime) {
        Objects.requireNonNull(result, "result");
        if (!outcomes.isEmpty() && at.isBefore(outcomes.peekLast().at())) {
            throw new IllegalArgumentException("outcomes are recorded in the order they ended");
        }
        Outcome outcome = new Outcome(at, result, ringTime);
        outcomes.addLast(outcome);
        count(outcome, 1);
    }

    /** The totals of the window that ends at {@code now}; older outcomes are dropped for good. */
    public Snapshot snapshot(Instant now) {
        Instant cutoff = now.minus(window);
        while (!outcomes.isEmpty() && !outcomes.peekFirst().at().isAfter(cutoff)) {
            count(outcomes.removeFirst(), -1);
        }
        Duration ring = answered == 0 ? Duration.ZERO : answeredRing.dividedBy(answered);
        return new Snapshot(outcomes.size(), answered, abandoned, ring);
    }

    private void count(Outcome outcome, int sign) {
        if (outcome.result().answeredByPerson()) {
            answered += sign;
            answeredRing = sign > 0 ? answeredRing.plus(outcome.ringTime()) : answeredRing.minus(outcome.ringTime());
        }
        if (outcome.result() == AttemptResult.ABANDONED) {
            abandoned += sign;
        }
    }
}
