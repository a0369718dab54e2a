package dev.switchboard.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working time against which service-level clocks count: the shifts of each weekday and the
 * holidays (whole local days off), in one time zone. A weekday missing from {@code week} is closed.
 *
 * <p>Everything is worked out on the zone's local dates: each shift boundary of a date becomes an
 * instant through the zone's rules, so a shift on the day the clocks go forward is an hour shorter in
 * real time and one on the day they go back an hour longer. A boundary that falls into the skipped
 * hour moves later by the length of the gap; one in the repeated hour takes the earlier offset.
 *
 * <p>Long stretches are counted a week at a time wherever no holiday and no clock change falls inside
 * the week, so a target of thousands of hours costs a few hundred steps, not one per minute.
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Shift>> week, Set<LocalDate> holidays) {
    /** How many days in a row without business hours are searched before the calendar is given up on. */
    static final int SEARCH_DAYS = 3660;

    public BusinessCalendar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(holidays, "holidays");
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, shifts) -> {
            Objects.requireNonNull(day, "day");
            List<Shift> sorted = new ArrayList<>(Objects.requireNonNull(shifts, "shifts of " + day));
            sorted.sort(Comparator.comparing(Shift::start));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException("shifts on " + day + " overlap: " + sorted.get(i - 1)
                            + " and " + sorted.get(i));
                }
            }
            if (!sorted.isEmpty()) {
                days.put(day, List.copyOf(sorted));
            }
        });
        if (days.isEmpty()) {
            throw new IllegalArgumentException("calendar " + name + " needs at least one day with a shift");
        }
        week = Collections.unmodifiableMap(days);
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday from {@code opens} to {@code closes} (00:00 for the end of the day). */
    public static BusinessCalendar weekdays(String name, ZoneId zone, LocalTime opens, LocalTime closes,
                                            Set<LocalDate> holidays) {
        Shift shift = new Shift(opens, closes);
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, List.of(shift));
            }
        }
        return new BusinessCalendar(name, zone, days, holidays);
    }

    /** Around the clock, every day, no holidays. */
    public static BusinessCalendar always(String name, ZoneId zone) {
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(Shift.wholeDay()));
        }
        return new BusinessCalendar(name, zone, days, Set.of());
    }

    /** The shifts of a weekday, empty when it is closed (holidays aside). */
    public List<Shift> shifts(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** Whether {@code at} falls inside a shift on a day that is not a holiday. */
    public boolean isOpen(Instant at) {
        LocalDate date = localDate(at);
        // where the clocks go back across midnight, the repeated hour belongs to the day before on the
        // wall clock but comes after the next day began; its shifts are looked at as well
        for (LocalDate day : List.of(date, date.plusDays(1))) {
            for (Span span : spans(day)) {
                if (span.contains(at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code from} itself when open, otherwise the start of the next shift. */
    public Instant nextOpening(Instant from) {
        return plus(from, Duration.ZERO);
    }

    /**
     * The instant at which {@code businessTime} of working time has passed, counting from {@code from};
     * outside hours counting starts at the next opening. A zero duration gives {@link #nextOpening}, and a
     * count that ends exactly at a closing gives that closing (not the next opening), so
     * {@code between(from, plus(from, d))} is {@code d} for every {@code from}.
     *
     * @throws IllegalArgumentException when {@code businessTime} is negative
     * @throws IllegalStateException when no business hours are found within ten years
     */
    public Instant plus(Instant from, Duration businessTime) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(businessTime, "businessTime");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative, got " + businessTime);
        }
        Duration left = businessTime;
        LocalDate date = localDate(from);
        Duration weekLength = weekLength();
        NavigableSet<LocalDate> sortedHolidays = null;
        int closedDays = 0;
        boolean firstDay = true;
        while (true) {
            if (!firstDay && left.compareTo(weekLength) > 0) {
                sortedHolidays = sortedHolidays == null ? new TreeSet<>(holidays) : sortedHolidays;
                long weeks = skippableWeeks(date, left.minusNanos(1).dividedBy(weekLength), sortedHolidays);
                if (weeks > 0) {
                    left = left.minus(weekLength.multipliedBy(weeks));
                    date = date.plusWeeks(weeks);
                    closedDays = 0;
                }
            }
            boolean open = false;
            for (Span span : spans(date)) {
                if (!span.end.isAfter(from)) {
                    continue;
                }
                open = true;
                Instant start = span.start.isBefore(from) ? from : span.start;
                Duration available = Duration.between(start, span.end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
            closedDays = open ? 0 : closedDays + 1;
            if (closedDays > SEARCH_DAYS) {
                throw new IllegalStateException("no business hours within ten years");
            }
            date = date.plusDays(1);
            firstDay = false;
        }
    }

    /** The working time inside [{@code from}, {@code to}); zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate date = localDate(from);
        LocalDate last = localDate(to);
        Duration weekLength = weekLength();
        NavigableSet<LocalDate> sortedHolidays = null;
        boolean firstDay = true;
        while (!date.isAfter(last)) {
            if (!firstDay && ChronoUnit.DAYS.between(date, last) >= 7) {
                sortedHolidays = sortedHolidays == null ? new TreeSet<>(holidays) : sortedHolidays;
                // every day before the last one ends by the start of the last, so whole weeks before it count fully
                long weeks = skippableWeeks(date, ChronoUnit.DAYS.between(date, last) / 7, sortedHolidays);
                if (weeks > 0) {
                    total = total.plus(weekLength.multipliedBy(weeks));
                    date = date.plusWeeks(weeks);
                    continue;
                }
            }
            for (Span span : spans(date)) {
                Instant start = span.start.isBefore(from) ? from : span.start;
                Instant end = span.end.isAfter(to) ? to : span.end;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
            date = date.plusDays(1);
            firstDay = false;
        }
        return total;
    }

    /** The working time of a week on the wall clock: every weekday's shifts added up. */
    public Duration weekLength() {
        Duration total = Duration.ZERO;
        for (List<Shift> shifts : week.values()) {
            for (Shift shift : shifts) {
                total = total.plus(shift.length());
            }
        }
        return total;
    }

    /**
     * How many of {@code wanted} whole weeks from the start of {@code date} can be counted at their
     * wall-clock length: those before the next holiday and the next clock change. A change is looked for
     * from the day before, so one at a midnight is never missed.
     */
    private long skippableWeeks(LocalDate date, long wanted, NavigableSet<LocalDate> sortedHolidays) {
        long weeks = wanted;
        LocalDate holiday = sortedHolidays.ceiling(date);
        if (holiday != null) {
            weeks = Math.min(weeks, ChronoUnit.DAYS.between(date, holiday) / 7);
        }
        ZoneRules rules = zone.getRules();
        if (weeks > 0 && !rules.isFixedOffset()) {
            ZoneOffsetTransition change = rules.nextTransition(date.minusDays(1).atStartOfDay(zone).toInstant());
            if (change != null) {
                LocalDate changeDate = change.getDateTimeBefore().toLocalDate();
                LocalDate after = change.getDateTimeAfter().toLocalDate();
                if (after.isBefore(changeDate)) {
                    changeDate = after;
                }
                weeks = Math.min(weeks, (ChronoUnit.DAYS.between(date, changeDate) - 1) / 7);
            }
        }
        return Math.max(weeks, 0);
    }

    /** The open stretches of a local date as instants, in order and not overlapping; none on a holiday. */
    private List<Span> spans(LocalDate date) {
        List<Shift> shifts = week.get(date.getDayOfWeek());
        if (shifts == null || holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(shifts.size());
        Instant previousEnd = null;
        for (Shift shift : shifts) {
            Instant start = instantAt(date, shift.start());
            Instant end = shift.endsAtMidnight()
                    ? instantAt(date.plusDays(1), LocalTime.MIDNIGHT)
                    : instantAt(date, shift.end());
            // a boundary pushed out of the skipped hour can run into the next shift; count that time once
            if (previousEnd != null && start.isBefore(previousEnd)) {
                start = previousEnd;
            }
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
                previousEnd = end;
            }
        }
        return spans;
    }

    private Instant instantAt(LocalDate date, LocalTime time) {
        if (time.equals(LocalTime.MIDNIGHT)) {
            return date.atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** One open stretch, [start, end). */
    private record Span(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
