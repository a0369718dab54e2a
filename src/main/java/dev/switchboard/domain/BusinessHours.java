package dev.switchboard.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The centre's working days and hours in its time zone, and the e-mail SLA built on them: an
 * e-mail is answered by the end of the next business day after it arrived.
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    public BusinessHours {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one business day is needed");
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("business hours must close after they open");
        }
        days = Set.copyOf(days);
    }

    /** Monday to Friday, 09:00 to 17:00. */
    public static BusinessHours weekdays(ZoneId zone) {
        return new BusinessHours(zone, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    /** The close of the first business day after the day {@code received} falls on (in the zone). */
    public Instant endOfNextBusinessDay(Instant received) {
        LocalDate day = received.atZone(zone).toLocalDate().plusDays(1);
        while (!days.contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day.atTime(closes).atZone(zone).toInstant();
    }
}
