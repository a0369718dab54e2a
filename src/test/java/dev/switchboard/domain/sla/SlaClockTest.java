package dev.switchboard.domain.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import static dev.switchboard.domain.sla.BusinessCalendarTest.LONDON;
import static dev.switchboard.domain.sla.BusinessCalendarTest.LONDON_OFFICE;
import static dev.switchboard.domain.sla.BusinessCalendarTest.NEW_YORK;
import static dev.switchboard.domain.sla.BusinessCalendarTest.TOKYO;
import static dev.switchboard.domain.sla.BusinessCalendarTest.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {
    private static final double NEAR = 0.75;

    private static Instant london(String dateTime) {
        return local(dateTime, LONDON);
    }

    @Test
    void aRunningClockGoesFromRunningToNearToBreached() {
        SlaClock clock = SlaClock.start(london("2025-03-04T16:30"), Duration.ofHours(2));

        assertThat(clock.due(LONDON_OFFICE, london("2025-03-04T16:30"))).isEqualTo(london("2025-03-05T10:30"));
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-05T09:00"), NEAR)).isEqualTo(SlaState.RUNNING);
        assertThat(clock.used(LONDON_OFFICE, london("2025-03-05T03:00"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-05T10:00"), NEAR)).isEqualTo(SlaState.NEAR);
        assertThat(clock.remaining(LONDON_OFFICE, london("2025-03-05T10:00"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-05T10:30"), NEAR)).isEqualTo(SlaState.BREACHED);
        assertThat(clock.remaining(LONDON_OFFICE, london("2025-03-05T11:00"))).isEqualTo(Duration.ofMinutes(-30));
    }

    @Test
    void aPauseOverTheNightSetsAsideOnlyItsBusinessHours() {
        SlaClock running = SlaClock.start(london("2025-03-03T09:00"), Duration.ofHours(8));
        SlaClock paused = running.pause(LONDON_OFFICE, london("2025-03-03T15:00"));

        assertThat(paused.paused()).isTrue();
        assertThat(paused.state(LONDON_OFFICE, london("2025-03-03T23:00"), NEAR)).isEqualTo(SlaState.PAUSED);
        assertThat(paused.used(LONDON_OFFICE, london("2025-03-04T09:30"))).isEqualTo(Duration.ofHours(6));
        assertThat(paused.due(LONDON_OFFICE, london("2025-03-03T23:00"))).isEqualTo(london("2025-03-04T11:00"));
        assertThat(paused.due(LONDON_OFFICE, london("2025-03-04T09:30"))).isEqualTo(london("2025-03-04T11:30"))
                .isEqualTo(paused.resume(LONDON_OFFICE, london("2025-03-04T09:30")).due(LONDON_OFFICE, london("2025-03-04T09:30")));

        SlaClock resumed = paused.resume(LONDON_OFFICE, london("2025-03-04T10:00"));

        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.pausedTime()).isEqualTo(Duration.ofHours(3));
        assertThat(resumed.due(LONDON_OFFICE, london("2025-03-04T10:00"))).isEqualTo(london("2025-03-04T12:00"));
        assertThat(resumed.used(LONDON_OFFICE, london("2025-03-04T11:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(resumed.state(LONDON_OFFICE, london("2025-03-04T11:00"), NEAR)).isEqualTo(SlaState.NEAR);
    }

    @Test
    void aBreachStaysABreachWhilePaused() {
        SlaClock clock = SlaClock.start(london("2025-03-03T09:00"), Duration.ofHours(1))
                .pause(LONDON_OFFICE, london("2025-03-03T11:00"));

        assertThat(clock.state(LONDON_OFFICE, london("2025-03-03T12:00"), NEAR)).isEqualTo(SlaState.BREACHED);
        assertThat(clock.remaining(LONDON_OFFICE, london("2025-03-03T12:00"))).isEqualTo(Duration.ofHours(-1));
        assertThat(clock.due(LONDON_OFFICE, london("2025-03-03T12:00"))).isEqualTo(london("2025-03-03T10:00"));

        SlaClock resumed = clock.resume(LONDON_OFFICE, london("2025-03-04T09:00"));

        assertThat(resumed.pausedTime()).isEqualTo(Duration.ofHours(6));
        assertThat(resumed.used(LONDON_OFFICE, london("2025-03-04T09:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(resumed.state(LONDON_OFFICE, london("2025-03-04T09:00"), NEAR)).isEqualTo(SlaState.BREACHED);
        assertThat(resumed.due(LONDON_OFFICE, london("2025-03-04T09:00"))).isBeforeOrEqualTo(london("2025-03-04T09:00"));
    }

    @Test
    void pausingTwiceOrResumingARunningClockChangesNothing() {
        SlaClock running = SlaClock.start(london("2025-03-03T09:00"), Duration.ofHours(4));
        SlaClock paused = running.pause(LONDON_OFFICE, london("2025-03-03T10:00"));

        assertThat(paused.pause(LONDON_OFFICE, london("2025-03-03T12:00"))).isSameAs(paused);
        assertThat(running.resume(LONDON_OFFICE, london("2025-03-03T12:00"))).isSameAs(running);
        assertThat(paused.pausedSince()).isEqualTo(london("2025-03-03T10:00"));
    }

    @Test
    void theSameStartIsDueAtDifferentInstantsInEachCentresZone() {
        Instant arrived = Instant.parse("2025-03-04T16:00:00Z");
        SlaClock clock = SlaClock.start(arrived, Duration.ofHours(2));
        BusinessCalendar newYork = BusinessCalendar.weekdays("New York", NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        BusinessCalendar tokyo = BusinessCalendar.weekdays("Tokyo", TOKYO, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

        assertThat(clock.due(LONDON_OFFICE, arrived)).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
        assertThat(clock.due(newYork, arrived)).isEqualTo(Instant.parse("2025-03-04T18:00:00Z"));
        assertThat(clock.due(tokyo, arrived)).isEqualTo(Instant.parse("2025-03-05T02:00:00Z"));
        assertThat(clock.state(tokyo, Instant.parse("2025-03-05T01:45:00Z"), NEAR)).isEqualTo(SlaState.NEAR);
        assertThat(clock.state(newYork, Instant.parse("2025-03-05T01:45:00Z"), NEAR)).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void nothingIsUsedBeforeTheStartAndTheNearShareIsInclusive() {
        SlaClock clock = SlaClock.start(london("2025-03-03T09:00"), Duration.ofHours(4));

        assertThat(clock.used(LONDON_OFFICE, london("2025-03-03T08:00"))).isZero();
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-03T09:00"), 0)).isEqualTo(SlaState.NEAR);
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-03T11:00"), 0.5)).isEqualTo(SlaState.NEAR);
        assertThat(clock.state(LONDON_OFFICE, london("2025-03-03T12:59"), 1)).isEqualTo(SlaState.RUNNING);
    }

    @Test
    void invalidClocksAndTargetsAreRefused() {
        Instant now = london("2025-03-03T09:00");
        SlaClock clock = SlaClock.start(now, Duration.ofHours(1));

        assertThatThrownBy(() -> SlaClock.start(now, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaClock(now, Duration.ofHours(1), Duration.ofMinutes(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.pause(LONDON_OFFICE, now.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.state(LONDON_OFFICE, now, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.state(LONDON_OFFICE, now, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTargets(Duration.ofHours(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTargets(Duration.ofMinutes(-5), Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first response");
        assertThat(new SlaTargets(Duration.ofHours(1), Duration.ofHours(8)).resolution()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void shiftsMustEndAfterTheyStartUnlessTheyRunToMidnight() {
        assertThatThrownBy(() -> new Shift(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17:00-09:00");
        assertThatThrownBy(() -> new Shift(LocalTime.of(9, 0), LocalTime.of(9, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Shift(LocalTime.of(22, 0), LocalTime.MIDNIGHT).length()).isEqualTo(Duration.ofHours(2));
        assertThat(Shift.wholeDay().length()).isEqualTo(Duration.ofHours(24));
    }
}
