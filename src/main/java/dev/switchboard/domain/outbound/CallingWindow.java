package dev.switchboard.domain.outbound;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The local wall-clock times of one day during which a contact may be called: from {@code start}
 * (included) to {@code end} (excluded). Windows never run past midnight; a day without calling
 * has no window at all.
 */
public record CallingWindow(LocalTime start, LocalTime end) {
    public CallingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a calling window must end after it starts: " + start + "-" + end);
        }
    }

    public static CallingWindow of(int startHour, int endHour) {
        return new CallingWindow(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
