package dev.switchboard.metrics;

import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalStatsTest {
    /** UTC+1 in November, so local midnight is 23:00Z the evening before. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ContactRecord queued(long id, long queue, String utc) {
        return new ContactRecord(id, queue, Channel.PHONE, Instant.parse(utc), null, null, null, null, 0, null, false);
    }

    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    @Test
    void intervalsStartOnQuarterHoursOfTheLocalClockAcrossMidnight() {
        IntervalStats s = new IntervalStats(BERLIN);
        s.add(queued(1, 1, "2026-11-25T22:44:59Z"));   // 23:44:59 local → 23:30
        s.add(queued(2, 1, "2026-11-25T22:45:00Z"));   // 23:45:00 → 23:45
        s.add(queued(3, 1, "2026-11-25T22:59:59Z"));   // 23:59:59 → 23:45
        s.add(queued(4, 1, "2026-11-25T23:00:00Z"));   // 00:00:00 next day → 00:00
        s.add(queued(5, 1, "2026-11-25T23:14:59Z"));   // 00:14:59 → 00:00
        s.add(queued(6, 1, "2026-11-25T23:15:00Z"));   // 00:15:00 → 00:15
        s.add(queued(7, 2, "2026-11-25T23:15:00Z"));   // another queue

        assertThat(s.intervals(1)).containsOnlyKeys(utc("2026-11-25T22:30:00Z"), utc("2026-11-25T22:45:00Z"),
                utc("2026-11-25T23:00:00Z"), utc("2026-11-25T23:15:00Z"));
        assertThat(s.intervals(1).get(utc("2026-11-25T22:45:00Z")).records()).hasSize(2);
        assertThat(s.intervals(1).get(utc("2026-11-25T23:00:00Z")).records()).hasSize(2);
        assertThat(s.intervals(2)).containsOnlyKeys(utc("2026-11-25T23:15:00Z"));
        assertThat(s.queueIds()).containsExactlyInAnyOrder(1L, 2L);

        // "today" at 00:20 local starts at local midnight (23:00Z): contacts 4, 5, 6 only
        QueueStats today = s.today(1, utc("2026-11-25T23:20:00Z"));
        assertThat(today.records()).extracting(ContactRecord::interactionId).containsExactlyInAnyOrder(4L, 5L, 6L);
    }

    @Test
    void aHalfHourZoneAndTheRepeatedHourOfDaylightSavingKeepTheirOwnIntervals() {
        // India is UTC+5:30: 10:07 local (04:37Z) → 10:00 local = 04:30Z
        assertThat(IntervalStats.intervalStart(utc("2026-11-25T04:37:00Z"), ZoneId.of("Asia/Kolkata")))
                .isEqualTo(utc("2026-11-25T04:30:00Z"));
        // 25 Oct 2026, Berlin falls back at 03:00 CEST to 02:00 CET: 02:20 happens twice
        assertThat(IntervalStats.intervalStart(utc("2026-10-25T00:20:00Z"), BERLIN))
                .isEqualTo(utc("2026-10-25T00:15:00Z"));   // 02:20 CEST → 02:15 CEST
        assertThat(IntervalStats.intervalStart(utc("2026-10-25T01:20:00Z"), BERLIN))
                .isEqualTo(utc("2026-10-25T01:15:00Z"));   // 02:20 CET → 02:15 CET
    }

    @Test
    void theLastThirtyMinutesAreHalfOpen() {
        IntervalStats s = new IntervalStats(BERLIN);
        s.add(queued(1, 1, "2026-11-25T09:36:59Z"));   // before the window
        s.add(queued(2, 1, "2026-11-25T09:37:00Z"));   // its first instant
        s.add(queued(3, 1, "2026-11-25T09:50:00Z"));   // in an interval wholly inside it
        s.add(queued(4, 1, "2026-11-25T10:06:59Z"));   // its last second
        s.add(queued(5, 1, "2026-11-25T10:07:00Z"));   // now: not yet in it
        QueueStats recent = s.lastThirtyMinutes(1, utc("2026-11-25T10:07:00Z"));
        assertThat(recent.records()).extracting(ContactRecord::interactionId).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(s.lastThirtyMinutes(9, utc("2026-11-25T10:07:00Z")).records()).isEmpty();
    }

    @Test
    void anUpdatedRecordMovesWithItsQueueTime() {
        IntervalStats s = new IntervalStats(BERLIN);
        s.add(queued(1, 1, "2026-11-25T09:01:00Z"));
        s.add(new ContactRecord(1, 1, Channel.PHONE, utc("2026-11-25T09:20:00Z"), utc("2026-11-25T09:20:10Z"),
                null, null, null, 0, 7L, false));
        assertThat(s.intervals(1).get(utc("2026-11-25T09:00:00Z")).records()).isEmpty();
        assertThat(s.intervals(1).get(utc("2026-11-25T09:15:00Z")).answered()).isEqualTo(1);
        assertThat(s.today(1, utc("2026-11-25T12:00:00Z")).answered()).isEqualTo(1);
        assertThat(s.today(1, utc("2026-11-25T12:00:00Z")).records()).hasSize(1);

        s.dropBefore(utc("2026-11-25T10:00:00Z"));
        assertThat(s.intervals(1)).isEmpty();
        s.add(queued(1, 1, "2026-11-25T11:00:00Z"));   // starts afresh after the drop
        assertThat(s.intervals(1)).hasSize(1);
    }
}
