package dev.switchboard.domain.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime FIVE = LocalTime.of(17, 0);

    static final BusinessCalendar LONDON_OFFICE = BusinessCalendar.weekdays("London", LONDON, NINE, FIVE, Set.of());

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static BusinessCalendar everyDay(ZoneId zone, Shift... shifts) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(shifts));
        }
        return new BusinessCalendar("every day", zone, week, Set.of());
    }

    @Test
    void aTicketLateInTheDayIsDueTheNextMorning() {
        Instant due = LONDON_OFFICE.plus(local("2025-03-04T16:30", LONDON), Duration.ofHours(2));

        assertThat(due).isEqualTo(local("2025-03-05T10:30", LONDON));
        assertThat(LONDON_OFFICE.between(local("2025-03-04T16:30", LONDON), due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theWeekendDoesNotCount() {
        Instant fridayAfternoon = local("2025-03-07T15:00", LONDON);

        assertThat(LONDON_OFFICE.plus(fridayAfternoon, Duration.ofHours(4))).isEqualTo(local("2025-03-10T11:00", LONDON));
        assertThat(LONDON_OFFICE.isOpen(local("2025-03-08T12:00", LONDON))).isFalse();
        assertThat(LONDON_OFFICE.nextOpening(local("2025-03-08T12:00", LONDON))).isEqualTo(local("2025-03-10T09:00", LONDON));
        assertThat(LONDON_OFFICE.between(fridayAfternoon, local("2025-03-10T11:00", LONDON))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aHolidayMondayIsSkippedAsAWholeDay() {
        BusinessCalendar withBankHoliday = BusinessCalendar.weekdays("London", LONDON, NINE, FIVE,
                Set.of(LocalDate.of(2025, 5, 5)));

        assertThat(withBankHoliday.plus(local("2025-05-02T16:00", LONDON), Duration.ofHours(3)))
                .isEqualTo(local("2025-05-06T11:00", LONDON));
        assertThat(withBankHoliday.isOpen(local("2025-05-05T12:00", LONDON))).isFalse();
        assertThat(withBankHoliday.between(local("2025-05-05T00:00", LONDON), local("2025-05-06T00:00", LONDON)))
                .isZero();
    }

    @Test
    void zeroTimeGivesTheNextOpeningAndACountEndingAtClosingStopsThere() {
        Instant mondayMorning = local("2025-03-03T09:00", LONDON);

        assertThat(LONDON_OFFICE.plus(local("2025-03-03T10:15", LONDON), Duration.ZERO)).isEqualTo(local("2025-03-03T10:15", LONDON));
        assertThat(LONDON_OFFICE.plus(local("2025-03-03T07:00", LONDON), Duration.ZERO)).isEqualTo(mondayMorning);
        assertThat(LONDON_OFFICE.plus(mondayMorning, Duration.ofHours(8))).isEqualTo(local("2025-03-03T17:00", LONDON));
        assertThat(LONDON_OFFICE.nextOpening(local("2025-03-03T17:00", LONDON))).isEqualTo(local("2025-03-04T09:00", LONDON));
        assertThat(LONDON_OFFICE.isOpen(mondayMorning)).isTrue();
        assertThat(LONDON_OFFICE.isOpen(local("2025-03-03T17:00", LONDON))).isFalse();
    }

    @Test
    void betweenIsZeroWhenTheEndIsNotAfterTheStart() {
        Instant noon = local("2025-03-03T12:00", LONDON);

        assertThat(LONDON_OFFICE.between(noon, noon)).isZero();
        assertThat(LONDON_OFFICE.between(noon, noon.minusSeconds(3600))).isZero();
    }

    @Test
    void theSameInstantIsDueAtDifferentTimesInDifferentZones() {
        Instant arrived = Instant.parse("2025-03-04T16:00:00Z");
        BusinessCalendar newYork = BusinessCalendar.weekdays("New York", NEW_YORK, NINE, FIVE, Set.of());
        BusinessCalendar tokyo = BusinessCalendar.weekdays("Tokyo", TOKYO, NINE, FIVE, Set.of());

        // 16:00 in London, 11:00 in New York, 01:00 the next morning in Tokyo
        assertThat(LONDON_OFFICE.plus(arrived, Duration.ofHours(2))).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
        assertThat(newYork.plus(arrived, Duration.ofHours(2))).isEqualTo(Instant.parse("2025-03-04T18:00:00Z"));
        assertThat(tokyo.isOpen(arrived)).isFalse();
        assertThat(tokyo.plus(arrived, Duration.ofHours(2))).isEqualTo(local("2025-03-05T11:00", TOKYO));
    }

    @Test
    void onTheSpringForwardDayANightShiftIsAnHourShorter() {
        // 2025-03-30: Berlin goes from 02:00 CET to 03:00 CEST
        BusinessCalendar nights = everyDay(BERLIN, new Shift(LocalTime.MIDNIGHT, LocalTime.of(6, 0)));
        Instant sunday = local("2025-03-30T00:00", BERLIN);

        assertThat(nights.between(sunday, local("2025-03-31T00:00", BERLIN))).isEqualTo(Duration.ofHours(5));
        assertThat(nights.plus(local("2025-03-29T05:00", BERLIN), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2025-03-30T01:00:00Z"))
                .isEqualTo(local("2025-03-30T03:00", BERLIN));
        assertThat(BusinessCalendar.always("24x7", BERLIN).between(sunday, local("2025-03-31T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void onTheFallBackDayANightShiftIsAnHourLonger() {
        // 2025-10-26: Berlin goes from 03:00 CEST back to 02:00 CET
        BusinessCalendar nights = everyDay(BERLIN, new Shift(LocalTime.MIDNIGHT, LocalTime.of(6, 0)));
        Instant saturday = local("2025-10-25T05:00", BERLIN);

        assertThat(nights.between(local("2025-10-26T00:00", BERLIN), local("2025-10-27T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(7));
        assertThat(nights.plus(saturday, Duration.ofHours(3))).isEqualTo(Instant.parse("2025-10-26T00:00:00Z"));
        assertThat(nights.plus(saturday, Duration.ofHours(8))).isEqualTo(local("2025-10-26T06:00", BERLIN));
        assertThat(nights.isOpen(Instant.parse("2025-10-26T01:30:00Z"))).isTrue();
        assertThat(BusinessCalendar.always("24x7", BERLIN)
                .between(local("2025-10-26T00:00", BERLIN), local("2025-10-27T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aShiftStartingInTheSkippedHourStartsWhenTheClockShowsThatTimeAgain() {
        Map<DayOfWeek, List<Shift>> week = Map.of(DayOfWeek.SUNDAY, List.of(new Shift(LocalTime.of(2, 30), LocalTime.of(6, 0))));
        BusinessCalendar sundays = new BusinessCalendar("Sunday nights", BERLIN, week, Set.of());

        assertThat(sundays.nextOpening(local("2025-03-30T00:00", BERLIN))).isEqualTo(local("2025-03-30T03:30", BERLIN));
        assertThat(sundays.between(local("2025-03-30T00:00", BERLIN), local("2025-03-31T00:00", BERLIN)))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void weekdayHoursAreCountedWholeWeeksAtATimeAcrossAClockChange() {
        BusinessCalendar berlin = BusinessCalendar.weekdays("Berlin", BERLIN, NINE, FIVE, Set.of());

        assertThat(berlin.plus(local("2025-03-03T09:00", BERLIN), Duration.ofHours(120))).isEqualTo(local("2025-03-21T17:00", BERLIN));
        assertThat(berlin.plus(local("2025-03-24T09:00", BERLIN), Duration.ofHours(80)))
                .isEqualTo(Instant.parse("2025-04-04T15:00:00Z"));
    }

    @Test
    void aShiftToMidnightEndsAtTheStartOfTheNextDay() {
        BusinessCalendar lateShift = everyDay(LONDON, new Shift(LocalTime.of(22, 0), LocalTime.MIDNIGHT));

        assertThat(lateShift.isOpen(local("2025-03-03T23:59:59", LONDON))).isTrue();
        assertThat(lateShift.isOpen(local("2025-03-04T00:00", LONDON))).isFalse();
        assertThat(lateShift.plus(local("2025-03-03T23:00", LONDON), Duration.ofHours(2))).isEqualTo(local("2025-03-04T23:00", LONDON));
        assertThat(lateShift.weekLength()).isEqualTo(Duration.ofHours(14));
    }

    @Test
    void aNightSplitAtMidnightCountsWithoutABreak() {
        BusinessCalendar nights = everyDay(LONDON, new Shift(LocalTime.MIDNIGHT, LocalTime.of(6, 0)),
                new Shift(LocalTime.of(22, 0), LocalTime.MIDNIGHT));

        assertThat(nights.plus(local("2025-03-03T22:00", LONDON), Duration.ofHours(8))).isEqualTo(local("2025-03-04T06:00", LONDON));
        assertThat(nights.isOpen(local("2025-03-04T00:00", LONDON))).isTrue();
    }

    @Test
    void aroundTheClockBusinessTimeIsRealTime() {
        BusinessCalendar always = BusinessCalendar.always("24x7", BERLIN);
        Instant start = local("2025-03-01T00:00", BERLIN);

        assertThat(always.isOpen(local("2025-03-30T02:30", BERLIN))).isTrue();
        assertThat(always.plus(start, Duration.ofHours(31 * 24))).isEqualTo(local("2025-04-01T01:00", BERLIN));
        assertThat(always.between(start, start.plus(Duration.ofDays(400)))).isEqualTo(Duration.ofDays(400));
        assertThat(always.weekLength()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aTenThousandHourTargetIsFoundQuickly() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int year = 2025; year <= 2032; year++) {
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(LocalDate.of(year, 5, 1));
            holidays.add(LocalDate.of(year, 12, 25));
            holidays.add(LocalDate.of(year, 12, 26));
        }
        BusinessCalendar berlin = BusinessCalendar.weekdays("Berlin", BERLIN, NINE, FIVE, holidays);
        Instant start = local("2025-03-03T09:00", BERLIN);

        long began = System.nanoTime();
        Instant due = berlin.plus(start, Duration.ofHours(10_000));
        Duration counted = berlin.between(start, due);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(counted).isEqualTo(Duration.ofHours(10_000));
        assertThat(due.atZone(BERLIN).toLocalTime()).isEqualTo(FIVE);
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aCalendarWithNoWorkingDayForYearsGivesUp() {
        Set<LocalDate> everyDay = new HashSet<>();
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() < 2037; day = day.plusDays(1)) {
            everyDay.add(day);
        }
        BusinessCalendar closed = BusinessCalendar.weekdays("closed", LONDON, NINE, FIVE, everyDay);

        assertThatThrownBy(() -> closed.plus(local("2025-03-03T09:00", LONDON), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no business hours within ten years");
        assertThatThrownBy(() -> closed.nextOpening(local("2025-03-03T09:00", LONDON)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidCalendarsAreRefused() {
        Shift morning = new Shift(NINE, LocalTime.NOON);
        Shift overlapping = new Shift(LocalTime.of(11, 0), FIVE);

        assertThatThrownBy(() -> new BusinessCalendar("x", LONDON, Map.of(DayOfWeek.MONDAY, List.of(morning, overlapping)), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> new BusinessCalendar("x", LONDON, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new BusinessCalendar("x", LONDON, Map.of(DayOfWeek.MONDAY, List.of()), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.weekdays("x", LONDON, FIVE, NINE, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LONDON_OFFICE.plus(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void touchingShiftsAreAllowedAndTheCalendarKeepsItsOwnCopies() {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(new Shift(LocalTime.of(13, 0), FIVE), new Shift(NINE, LocalTime.of(13, 0))));
        Set<LocalDate> holidays = new HashSet<>();
        BusinessCalendar mondays = new BusinessCalendar("Mondays", LONDON, week, holidays);
        week.put(DayOfWeek.TUESDAY, List.of(new Shift(NINE, FIVE)));
        holidays.add(LocalDate.of(2025, 3, 3));

        assertThat(mondays.shifts(DayOfWeek.MONDAY)).extracting(Shift::start).containsExactly(NINE, LocalTime.of(13, 0));
        assertThat(mondays.shifts(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(mondays.holidays()).isEmpty();
        assertThat(mondays.between(local("2025-03-03T00:00", LONDON), local("2025-03-04T00:00", LONDON))).isEqualTo(Duration.ofHours(8));
    }
}
