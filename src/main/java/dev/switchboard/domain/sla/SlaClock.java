package dev.switchboard.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A first-response or resolution clock: {@code target} of business time from {@code startedAt}, stopped
 * while the case waits on the customer. {@code pausedTime} is the business time of the pauses that have
 * ended; {@code pausedSince} is set while a pause is going on. The clock keeps no other history, and
 * every question about it is asked with the calendar it counts against and the instant of asking.
 */
public record SlaClock(Instant startedAt, Duration target, Duration pausedTime, Instant pausedSince) {
    public SlaClock {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pausedTime, "pausedTime");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("an SLA target must be positive, got " + target);
        }
        if (pausedTime.isNegative()) {
            throw new IllegalArgumentException("paused time must not be negative, got " + pausedTime);
        }
        if (pausedSince != null && pausedSince.isBefore(startedAt)) {
            throw new IllegalArgumentException("a clock cannot be paused before it started");
        }
    }

    /** A running clock started at {@code at}. */
    public static SlaClock start(Instant at, Duration target) {
        return new SlaClock(at, target, Duration.ZERO, null);
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** Stops counting at {@code now}; a paused clock stays as it is. */
    public SlaClock pause(BusinessCalendar cal, Instant now) {
        Objects.requireNonNull(cal, "cal");
        Objects.requireNonNull(now, "now");
        if (paused()) {
            return this;
        }
        return new SlaClock(startedAt, target, pausedTime, now);
    }

    /** Counts again from {@code now}, the business time of the pause set aside; a running clock stays as it is. */
    public SlaClock resume(BusinessCalendar cal, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!paused()) {
            return this;
        }
        return new SlaClock(startedAt, target, pausedTime.plus(cal.between(pausedSince, now)), null);
    }

    /** The business time counted against the target by {@code now}: pauses left out, never negative. */
    public Duration used(BusinessCalendar cal, Instant now) {
        Duration used = cal.between(startedAt, now).minus(pausedTime);
        if (paused()) {
            used = used.minus(cal.between(pausedSince, now));
        }
        return used.isNegative() ? Duration.ZERO : used;
    }

    /** The business time left before the target is missed; negative once it is overdue. */
    public Duration remaining(BusinessCalendar cal, Instant now) {
        return target.minus(used(cal, now));
    }

    /**
     * When the target is (or was) reached. While running that is {@code cal.plus(startedAt, target +
     * pausedTime)} and does not depend on {@code now}. While paused it is the due the clock would have if
     * it were resumed at {@code now}: {@code cal.plus(now, remaining)} while time is left, so it moves on
     * through the pause's business hours. A clock paused after its breach answers the instant it reached
     * the target, counting the pauses that ended before: exact when the breach came after the last
     * resume, and never later than the start of the pause.
     */
    public Instant due(BusinessCalendar cal, Instant now) {
        if (paused()) {
            Duration remaining = remaining(cal, now);
            if (remaining.isNegative() || remaining.isZero()) {
                return cal.plus(startedAt, target.plus(pausedTime));
            }
            return cal.plus(now, remaining);
        }
        return cal.plus(startedAt, target.plus(pausedTime));
    }

    /**
     * BREACHED once nothing remains (paused or not), else PAUSED while paused, else NEAR once
     * {@code nearFraction} of the target is used, else RUNNING.
     *
     * @param nearFraction the share of the target, from 0 to 1, after which the clock is near its breach
     */
    public SlaState state(BusinessCalendar cal, Instant now, double nearFraction) {
        if (!(nearFraction >= 0 && nearFraction <= 1)) {
            throw new IllegalArgumentException("the near fraction must be between 0 and 1, got " + nearFraction);
        }
        Duration used = used(cal, now);
        if (used.compareTo(target) >= 0) {
            return SlaState.BREACHED;
        }
        if (paused()) {
            return SlaState.PAUSED;
        }
        return seconds(used) >= nearFraction * seconds(target) ? SlaState.NEAR : SlaState.RUNNING;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
