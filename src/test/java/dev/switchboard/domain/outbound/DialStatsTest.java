package dev.switchboard.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.switchboard.domain.outbound.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class DialStatsTest {
    @Test
    void theRatesCoverOnlyTheRollingWindow() {
        DialStats stats = new DialStats(Duration.ofHours(1));
        Instant t0 = at("2025-06-02T09:00:00Z");
        stats.record(t0, AttemptResult.ABANDONED, Duration.ofSeconds(10));
        stats.record(t0.plusSeconds(600), AttemptResult.CONNECTED, Duration.ofSeconds(20));
        stats.record(t0.plusSeconds(900), AttemptResult.NO_ANSWER, Duration.ofSeconds(30));
        stats.record(t0.plusSeconds(1200), AttemptResult.ANSWERING_MACHINE, Duration.ofSeconds(8));

        DialStats.Snapshot early = stats.snapshot(t0.plusSeconds(1800));
        assertThat(early.ended()).isEqualTo(4);
        assertThat(early.answered()).isEqualTo(2);
        assertThat(early.abandonRate()).isEqualTo(0.5);
        assertThat(early.answerRate()).isEqualTo(0.5);
        assertThat(early.averageRingTime()).isEqualTo(Duration.ofSeconds(15));

        DialStats.Snapshot later = stats.snapshot(t0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(later.ended()).isEqualTo(3);
        assertThat(later.abandoned()).isZero();
        assertThat(later.abandonRate()).isZero();
        assertThat(later.averageRingTime()).isEqualTo(Duration.ofSeconds(20));
    }
}
