package dev.switchboard.domain.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.switchboard.domain.sla.BusinessCalendarTest.BERLIN;
import static dev.switchboard.domain.sla.BusinessCalendarTest.LONDON;
import static dev.switchboard.domain.sla.BusinessCalendarTest.NEW_YORK;
import static dev.switchboard.domain.sla.BusinessCalendarTest.TOKYO;
import static org.assertj.core.api.Assertions.assertThat;

/** plus and between checked against each other and against plain counting, from many seeded random starts. */
class BusinessCalendarPropertyTest {
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_MINUTES = Duration.ofDays(3 * 365).toMinutes();

    private static final List<BusinessCalendar> CALENDARS = List.of(
            BusinessCalendar.weekdays("London", LONDON, LocalTime.of(9, 0), LocalTime.of(17, 30),
                    Set.of(LocalDate.of(2024, 12, 25), LocalDate.of(2025, 5, 5), LocalDate.of(2025, 12, 25))),
            BusinessCalendar.weekdays("Tokyo", TOKYO, LocalTime.of(8, 45), LocalTime.of(18, 0), Set.of()),
            splitShifts(BERLIN),
            nightsAndSaturdays(NEW_YORK),
            BusinessCalendar.always("24x7", BERLIN));

    private static BusinessCalendar splitShifts(ZoneId zone) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        List<Shift> day = List.of(new Shift(LocalTime.of(1, 30), LocalTime.of(2, 45)),
                new Shift(LocalTime.of(8, 0), LocalTime.NOON), new Shift(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        for (DayOfWeek weekday : DayOfWeek.values()) {
            week.put(weekday, day);
        }
        return new BusinessCalendar("split", zone, week, Set.of(LocalDate.of(2024, 10, 3), LocalDate.of(2025, 10, 3)));
    }

    private static BusinessCalendar nightsAndSaturdays(ZoneId zone) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SATURDAY, List.of(new Shift(LocalTime.of(10, 0), LocalTime.of(14, 0))));
        week.put(DayOfWeek.SUNDAY, List.of(new Shift(LocalTime.MIDNIGHT, LocalTime.of(3, 0)),
                new Shift(LocalTime.of(22, 0), LocalTime.MIDNIGHT)));
        return new BusinessCalendar("nights", zone, week, Set.of(LocalDate.of(2024, 11, 3)));
    }

    private static Instant randomInstant(Random random) {
        return FROM.plus(Duration.ofMinutes(random.nextLong(SPAN_MINUTES))).plusSeconds(random.nextInt(60));
    }

    @Test
    void betweenGivesBackWhatPlusAdded() {
        Random random = new Random(20240501L);
        for (BusinessCalendar calendar : CALENDARS) {
            for (int i = 0; i < 400; i++) {
                Instant start = randomInstant(random);
                Duration added = Duration.ofMinutes(random.nextInt(1 + 60 * (i % 2 == 0 ? 20 : 3000)));

                Instant end = calendar.plus(start, added);

                assertThat(calendar.between(start, end)).as("%s from %s plus %s", calendar.name(), start, added)
                        .isEqualTo(added);
                if (calendar.isOpen(start)) {
                    assertThat(calendar.nextOpening(start)).isEqualTo(start);
                }
                if (!added.isZero()) {
                    assertThat(calendar.plus(start, added.minusSeconds(1))).isBefore(end);
                }
            }
        }
    }

    @Test
    void plusLandsOnTheFirstInstantThatMuchWorkingTimeHasPassed() {
        Random random = new Random(7L);
        for (BusinessCalendar calendar : CALENDARS) {
            for (int i = 0; i < 200; i++) {
                Instant start = randomInstant(random);
                Instant end = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));

                Duration counted = calendar.between(start, end);
                Instant reached = calendar.plus(start, counted);

                if (counted.isZero()) {
                    // nothing to count: plus answers the next opening, which may lie past the end
                    assertThat(reached).isEqualTo(calendar.nextOpening(start));
                } else {
                    assertThat(reached).as("%s from %s to %s", calendar.name(), start, end).isBeforeOrEqualTo(end);
                    assertThat(calendar.between(reached, end)).isZero();
                }
            }
        }
    }

    @Test
    void countingWholeWeeksAgreesWithCountingDayByDay() {
        Random random = new Random(99L);
        for (BusinessCalendar calendar : CALENDARS) {
            for (int i = 0; i < 100; i++) {
                Instant start = randomInstant(random);
                Instant end = start.plus(Duration.ofHours(random.nextInt(24 * 200)));

                Duration inPieces = Duration.ZERO;
                for (Instant piece = start; piece.isBefore(end); piece = piece.plus(Duration.ofDays(5))) {
                    Instant pieceEnd = piece.plus(Duration.ofDays(5));
                    inPieces = inPieces.plus(calendar.between(piece, pieceEnd.isAfter(end) ? end : pieceEnd));
                }

                assertThat(calendar.between(start, end)).as("%s from %s to %s", calendar.name(), start, end)
                        .isEqualTo(inPieces);
            }
        }
    }

    @Test
    void betweenAgreesWithLookingAtEveryMinute() {
        Random random = new Random(3L);
        for (BusinessCalendar calendar : CALENDARS) {
            for (int i = 0; i < 6; i++) {
                Instant start = randomInstant(random).truncatedTo(ChronoUnit.MINUTES);
                Instant end = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 16)));

                long openMinutes = 0;
                for (Instant minute = start; minute.isBefore(end); minute = minute.plusSeconds(60)) {
                    openMinutes += calendar.isOpen(minute) ? 1 : 0;
                }

                assertThat(calendar.between(start, end)).as("%s from %s to %s", calendar.name(), start, end)
                        .isEqualTo(Duration.ofMinutes(openMinutes));
            }
        }
    }

    @Test
    void acrossEveryClockChangeOfTheYearCountingStaysConsistent() {
        BusinessCalendar nights = CALENDARS.get(3);
        BusinessCalendar split = CALENDARS.get(2);
        for (BusinessCalendar calendar : List.of(nights, split)) {
            Instant start = FROM;
            Instant end = FROM.plus(Duration.ofDays(3 * 365));
            Duration whole = calendar.between(start, end);

            assertThat(calendar.plus(start, whole)).isBeforeOrEqualTo(end);
            assertThat(calendar.between(start, calendar.plus(start, whole))).isEqualTo(whole);
        }
    }
}
