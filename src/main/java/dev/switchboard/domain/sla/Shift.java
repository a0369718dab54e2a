package dev.switchboard.domain.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One working stretch of a day, from {@code start} up to (not including) {@code end}, in the
 * calendar's local time. An {@code end} of {@link LocalTime#MIDNIGHT} means the end of the day, so
 * 00:00–00:00 is the whole day and 22:00–00:00 the last two hours. A night shift that runs past
 * midnight is two shifts: one ending at 00:00 and one starting at 00:00 on the next day.
 */
public record Shift(LocalTime start, LocalTime end) {
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    public Shift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new IllegalArgumentException("a shift must end after it starts, got " + start + "-" + end
                    + "; a shift past midnight is two shifts, one ending at 00:00 and one starting at 00:00");
        }
    }

    /** The whole day, 00:00 to the next midnight. */
    public static Shift wholeDay() {
        return new Shift(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Whether the shift runs to the end of its day. */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** The length on the wall clock; a day on which the clocks change may give it more or less real time. */
    public Duration length() {
        return Duration.ofNanos(endNanoOfDay() - start.toNanoOfDay());
    }

    /** Whether the two share any moment of the day; shifts that only touch (12:00–13:00, 13:00–17:00) do not. */
    public boolean overlaps(Shift other) {
        return start.toNanoOfDay() < other.endNanoOfDay() && other.start.toNanoOfDay() < endNanoOfDay();
    }

    private long endNanoOfDay() {
        return endsAtMidnight() ? DAY_NANOS : end.toNanoOfDay();
    }
}
