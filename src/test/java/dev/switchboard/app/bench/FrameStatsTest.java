package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Frame intervals become percentiles by nearest rank, long frames and stalls are counted. */
class FrameStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankOfTheIntervals() {
        // 1..100 ms, shuffled order does not matter
        long[] intervals = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * MS).toArray();
        FrameStats s = FrameStats.of(intervals, 5_050 * MS);

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p90()).isEqualTo(90.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.max()).isEqualTo(100.0);
        assertThat(s.over50ms()).isEqualTo(50);
        assertThat(s.stalls()).isZero();
        assertThat(s.framesPerSecond()).isCloseTo(100 / 5.05, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void onlyIntervalsOverAQuarterSecondAreStalls() {
        long[] intervals = {16 * MS, 17 * MS, 250 * MS, 251 * MS, 1_000 * MS};
        FrameStats s = FrameStats.of(intervals, 2_000 * MS);

        assertThat(s.stalls()).isEqualTo(2);
        assertThat(s.stalledMs()).isEqualTo(1_251.0);
        assertThat(s.over50ms()).isEqualTo(3);
        assertThat(s.max()).isEqualTo(1_000.0);
    }

    @Test
    void noFramesGiveNoNumbers() {
        FrameStats s = FrameStats.of(new long[0], 1_000 * MS);

        assertThat(s.count()).isZero();
        assertThat(s.p99()).isNaN();
        assertThat(s.max()).isNaN();
        assertThat(s.framesPerSecond()).isZero();
    }
}
