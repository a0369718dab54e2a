package dev.switchboard.domain.value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The growing-gap rule shared by contacts and purchases; see {@link ChurnSignals#GROWING_GAP_CONTACTS}.
 * Events at the same instant count once: a contact logged on two channels at once is one occasion,
 * and a zero gap would make the usual rhythm meaningless.
 */
final class Gaps {
    /** A gap longer than usual: how long, the usual gap, and whether it is the silence up to now. */
    record Finding(Duration gap, Duration usual, boolean open) {
    }

    private Gaps() {
    }

    static Optional<Finding> growing(List<Instant> events, Instant now) {
        List<Instant> times = events.stream().distinct().sorted().toList();
        List<Duration> closed = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            closed.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        if (closed.size() >= ChurnSignals.MIN_EARLIER_GAPS) {
            Duration usual = median(closed);
            Duration silence = Duration.between(times.get(times.size() - 1), now);
            if (longerThanUsual(silence, usual)) {
                return Optional.of(new Finding(silence, usual, true));
            }
        }
        if (closed.size() > ChurnSignals.MIN_EARLIER_GAPS) {
            Duration last = closed.get(closed.size() - 1);
            Duration usual = median(closed.subList(0, closed.size() - 1));
            if (longerThanUsual(last, usual)) {
                return Optional.of(new Finding(last, usual, false));
            }
        }
        return Optional.empty();
    }

    private static boolean longerThanUsual(Duration gap, Duration usual) {
        return gap.compareTo(usual.multipliedBy(ChurnSignals.GAP_FACTOR)) > 0;
    }

    static Duration median(List<Duration> gaps) {
        List<Duration> sorted = gaps.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /**
     * A duration in days, or in hours or minutes when under a day or an hour, to the nearest whole
     * unit: "94 days", "1 day", "6 hours".
     */
    static String span(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds >= 86_400) {
            return plural((seconds + 43_200) / 86_400, "day");
        }
        if (seconds >= 3_600) {
            return plural((seconds + 1_800) / 3_600, "hour");
        }
        return plural(Math.max(1, (seconds + 30) / 60), "minute");
    }

    /** "every 30 days", but "every day" rather than "every 1 day". */
    static String every(Duration duration) {
        String span = span(duration);
        return "every " + (span.startsWith("1 ") ? span.substring(2) : span);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
