package dev.switchboard.domain.outbound;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a campaign may call, in the contact's local time: one window per weekday, and holidays (local
 * dates) on which it never calls.
 *
 * <p>An instant is allowed in a zone when the contact's wall clock there shows a calling day that is
 * not a holiday and a time inside that day's window. That definition settles the daylight-saving
 * edges without special cases: on the spring-forward day the skipped hour simply never shows on the
 * wall clock, and on the fall-back day the repeated hour is allowed (or not) both times it shows.
 *
 * <p>For a number that may be in several zones, an instant is allowed only when it is allowed in
 * every one of them ({@link #allowsEverywhere}), and the next allowed instant is the first one that is
 * allowed in all of them ({@link #nextAllowedEverywhere}).
 */
public final class CallingHours {
    /** How far ahead the next allowed instant is searched; past this a record has no calling time. */
    static final Duration HORIZON = Duration.ofDays(400);

    private final Map<DayOfWeek, CallingWindow> windows;
    private final Set<LocalDate> holidays;

    public CallingHours(Map<DayOfWeek, CallingWindow> windows, Set<LocalDate> holidays) {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(holidays, "holidays");
        this.windows = windows.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(windows));
        this.holidays = Set.copyOf(holidays);
    }

    /** The same window on every day of the week, no holidays. */
    public static CallingHours everyDay(CallingWindow window) {
        Map<DayOfWeek, CallingWindow> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, window);
        }
        return new CallingHours(days, Set.of());
    }

    /** The same window on every day from Monday to Saturday, none on Sunday, no holidays. */
    public static CallingHours mondayToSaturday(CallingWindow window) {
        Map<DayOfWeek, CallingWindow> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                days.put(day, window);
            }
        }
        return new CallingHours(days, Set.of());
    }

    /** The same weekly windows with these holidays instead. */
    public CallingHours withHolidays(Set<LocalDate> newHolidays) {
        return new CallingHours(windows, newHolidays);
    }

    public Map<DayOfWeek, CallingWindow> windows() {
        return windows;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The window of a local date, or empty on a day without calling or a holiday. */
    public Optional<CallingWindow> windowOn(LocalDate date) {
        return holidays.contains(date) ? Optional.empty() : Optional.ofNullable(windows.get(date.getDayOfWeek()));
    }

    public boolean isHoliday(Instant instant, ZoneId zone) {
        return holidays.contains(instant.atZone(zone).toLocalDate());
    }

    public boolean allows(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return windowOn(local.toLocalDate()).map(w -> w.contains(local.toLocalTime())).orElse(false);
    }

    public boolean allowsEverywhere(Instant instant, Set<ZoneId> zones) {
        return !zones.isEmpty() && zones.stream().allMatch(zone -> allows(instant, zone));
    }

    /** The first instant at or after {@code from} that is allowed in {@code zone}, within the horizon. */
    public Optional<Instant> nextAllowed(Instant from, ZoneId zone) {
        if (allows(from, zone)) {
            return Optional.of(from);
        }
        Instant limit = from.plus(HORIZON);
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        Instant best = null;
        LocalDate bestDay = null;
        // A day's candidates are found in order; one more day is looked at after the first hit,
        // because a zone that sets its clock back across midnight can show a date twice.
        while (bestDay == null || !day.isAfter(bestDay.plusDays(1))) {
            if (day.atStartOfDay(zone).toInstant().isAfter(limit)) {
                break;
            }
            for (Instant candidate : entriesOn(day, zone)) {
                if (!candidate.isBefore(from) && allows(candidate, zone) && (best == null || candidate.isBefore(best))) {
                    best = candidate;
                    bestDay = bestDay == null ? day : bestDay;
                }
            }
            day = day.plusDays(1);
        }
        return Optional.ofNullable(best).filter(b -> !b.isAfter(limit));
    }

    /**
     * The first instant at or after {@code from} that is allowed in every zone, or empty when the
     * zones share no calling time within the horizon (or there are no zones).
     */
    public Optional<Instant> nextAllowedEverywhere(Instant from, Set<ZoneId> zones) {
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        Instant limit = from.plus(HORIZON);
        Instant t = from;
        while (!t.isAfter(limit)) {
            // No instant before the latest of the zones' next allowed instants is allowed in all of
            // them, so the search may jump there; it moves forward on every round that fails.
            Instant latest = t;
            for (ZoneId zone : zones) {
                Optional<Instant> next = nextAllowed(t, zone);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                latest = next.get().isAfter(latest) ? next.get() : latest;
            }
            if (allowsEverywhere(latest, zones)) {
                return latest.isAfter(limit) ? Optional.empty() : Optional.of(latest);
            }
            t = latest;
        }
        return Optional.empty();
    }

    /**
     * The instants of a local date at which the wall clock can enter its window: each time the
     * window's start shows (twice in a repeated hour), the end of a gap the start falls into, and any
     * clock change of the day (a clock set back can land inside the window).
     */
    private List<Instant> entriesOn(LocalDate day, ZoneId zone) {
        Optional<CallingWindow> window = windowOn(day);
        if (window.isEmpty()) {
            return List.of();
        }
        ZoneRules rules = zone.getRules();
        LocalDateTime start = day.atTime(window.get().start());
        List<Instant> entries = new ArrayList<>();
        List<ZoneOffset> offsets = rules.getValidOffsets(start);
        if (offsets.isEmpty()) {
            entries.add(rules.getTransition(start).getInstant());
        }
        for (ZoneOffset offset : offsets) {
            entries.add(start.toInstant(offset));
        }
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition change = rules.nextTransition(day.atStartOfDay(zone).toInstant().minusSeconds(1));
        while (change != null && change.getInstant().isBefore(dayEnd)) {
            entries.add(change.getInstant());
            change = rules.nextTransition(change.getInstant());
        }
        return entries;
    }
}
