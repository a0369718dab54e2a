package dev.switchboard.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static dev.switchboard.domain.outbound.Fixtures.NINE_TO_NINE;
import static dev.switchboard.domain.outbound.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallingHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId ANCHORAGE = ZoneId.of("America/Anchorage");
    private static final ZoneId ADAK = ZoneId.of("America/Adak");

    @Test
    void onTheSpringForwardDayTheWindowOpensAtNineOnTheNewClock() {
        // 2025-03-09: New York goes from EST (UTC-5) to EDT (UTC-4) at 07:00Z
        assertThat(NINE_TO_NINE.allows(at("2025-03-09T12:59:59Z"), NEW_YORK)).isFalse();
        assertThat(NINE_TO_NINE.allows(at("2025-03-09T13:00:00Z"), NEW_YORK)).isTrue();
        assertThat(NINE_TO_NINE.nextAllowed(at("2025-03-09T08:00:00Z"), NEW_YORK)).contains(at("2025-03-09T13:00:00Z"));
        assertThat(NINE_TO_NINE.allows(at("2025-03-10T00:59:59Z"), NEW_YORK)).isTrue();
        assertThat(NINE_TO_NINE.allows(at("2025-03-10T01:00:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void onTheFallBackDayTheWindowOpensAtNineOnTheNewClock() {
        // 2025-11-02: New York goes from EDT back to EST at 06:00Z; 13:30Z is 08:30 local
        assertThat(NINE_TO_NINE.allows(at("2025-11-02T13:30:00Z"), NEW_YORK)).isFalse();
        assertThat(NINE_TO_NINE.nextAllowed(at("2025-11-02T05:00:00Z"), NEW_YORK)).contains(at("2025-11-02T14:00:00Z"));
        assertThat(NINE_TO_NINE.allows(at("2025-11-03T01:59:59Z"), NEW_YORK)).isTrue();
        assertThat(NINE_TO_NINE.allows(at("2025-11-03T02:00:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void aWindowStartingInTheSkippedHourOpensWhenTheClockJumps() {
        // 02:30 does not exist on 2025-03-09 in New York: the clock shows 03:00 at 07:00Z
        CallingHours early = CallingHours.everyDay(new CallingWindow(LocalTime.of(2, 30), LocalTime.of(5, 0)));
        assertThat(early.allows(at("2025-03-09T06:59:59Z"), NEW_YORK)).isFalse();
        assertThat(early.nextAllowed(at("2025-03-09T06:00:00Z"), NEW_YORK)).contains(at("2025-03-09T07:00:00Z"));
    }

    @Test
    void theRepeatedHourIsAllowedBothTimesItShows() {
        // 01:00-02:00 shows twice on 2025-11-02 in New York: 05:00-06:00Z (EDT) and 06:00-07:00Z (EST)
        CallingHours late = CallingHours.everyDay(new CallingWindow(LocalTime.of(1, 15), LocalTime.of(1, 45)));
        assertThat(late.allows(at("2025-11-02T05:20:00Z"), NEW_YORK)).isTrue();
        assertThat(late.allows(at("2025-11-02T05:50:00Z"), NEW_YORK)).isFalse();
        assertThat(late.allows(at("2025-11-02T06:20:00Z"), NEW_YORK)).isTrue();
        assertThat(late.nextAllowed(at("2025-11-02T05:50:00Z"), NEW_YORK)).contains(at("2025-11-02T06:15:00Z"));
    }

    @Test
    void aClockSetBackIntoTheWindowOpensItAtTheChange() {
        // after 01:30 EDT the window is closed; at 06:00Z the clock shows 01:00 EST, inside it again
        CallingHours night = CallingHours.everyDay(new CallingWindow(LocalTime.of(0, 30), LocalTime.of(1, 30)));
        assertThat(night.nextAllowed(at("2025-11-02T05:40:00Z"), NEW_YORK)).contains(at("2025-11-02T06:00:00Z"));
    }

    @Test
    void severalZonesAllowOnlyTheirCommonTime() {
        // June: Anchorage is UTC-8, Adak UTC-9; 09:00 in Adak is 18:00Z, 21:00 in Anchorage is 05:00Z
        Set<ZoneId> alaska = Set.of(ANCHORAGE, ADAK);
        assertThat(NINE_TO_NINE.allows(at("2025-06-02T17:30:00Z"), ANCHORAGE)).isTrue();
        assertThat(NINE_TO_NINE.allowsEverywhere(at("2025-06-02T17:30:00Z"), alaska)).isFalse();
        assertThat(NINE_TO_NINE.nextAllowedEverywhere(at("2025-06-02T17:30:00Z"), alaska)).contains(at("2025-06-02T18:00:00Z"));
        assertThat(NINE_TO_NINE.allowsEverywhere(at("2025-06-03T04:59:59Z"), alaska)).isTrue();
        assertThat(NINE_TO_NINE.nextAllowedEverywhere(at("2025-06-03T05:00:00Z"), alaska)).contains(at("2025-06-03T18:00:00Z"));
    }

    @Test
    void zonesWithNoCommonTimeHaveNoNextInstant() {
        CallingHours halfHour = CallingHours.everyDay(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(9, 30)));
        assertThat(halfHour.nextAllowedEverywhere(at("2025-06-02T12:00:00Z"), Set.of(ANCHORAGE, ADAK))).isEmpty();
        assertThat(halfHour.nextAllowedEverywhere(at("2025-06-02T12:00:00Z"), Set.of(ANCHORAGE)))
                .contains(at("2025-06-02T17:00:00Z"));
    }

    @Test
    void holidaysAndDaysWithoutAWindowAreSkippedInLocalDates() {
        CallingHours weekdays = new CallingHours(Map.of(DayOfWeek.FRIDAY, CallingWindow.of(9, 17),
                DayOfWeek.MONDAY, CallingWindow.of(9, 17)), Set.of(LocalDate.of(2025, 12, 26)));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // Friday 26 December is a holiday in Tokyo; the weekend has no window; Monday 29 opens 09:00 JST
        assertThat(weekdays.allows(at("2025-12-26T01:00:00Z"), tokyo)).isFalse();
        assertThat(weekdays.isHoliday(at("2025-12-26T01:00:00Z"), tokyo)).isTrue();
        assertThat(weekdays.nextAllowed(at("2025-12-26T01:00:00Z"), tokyo)).contains(at("2025-12-29T00:00:00Z"));
        // the same instant is still Thursday 25 in New York, which has no window either
        assertThat(weekdays.isHoliday(at("2025-12-26T01:00:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> CallingWindow.of(21, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
