package dev.switchboard.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HoldTimesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void holdsAndResumesAddUp() {
        HoldTimes h = new HoldTimes();
        assertThat(h.set(1, true, at(10))).isTrue();
        assertThat(h.set(1, true, at(12))).as("already on hold").isFalse();
        assertThat(h.set(1, false, at(20))).isTrue();
        assertThat(h.set(1, false, at(21))).as("nothing held").isFalse();
        h.set(1, true, at(30));
        h.set(1, false, at(35));

        assertThat(h.heldMillis(1, at(0), at(60))).isEqualTo(15_000);
        assertThat(h.heldMillis(2, at(0), at(60))).isZero();
        assertThat(h.knows(1)).isTrue();
        assertThat(h.knows(2)).isFalse();
    }

    @Test
    void aHoldStillOnCountsUpToTheEndAskedFor() {
        HoldTimes h = new HoldTimes();
        h.set(1, true, at(10));
        assertThat(h.heldMillis(1, at(0), at(25))).as("the talk ended on hold").isEqualTo(15_000);
        h.set(1, false, at(40));
        assertThat(h.heldMillis(1, at(0), at(25))).as("the resume after the end changes nothing").isEqualTo(15_000);
    }

    @Test
    void onlyTheHoldWithinAPassCounts() {
        HoldTimes h = new HoldTimes();
        h.set(1, true, at(10));
        h.set(1, false, at(20));
        h.set(1, true, at(50));
        h.set(1, false, at(52));
        assertThat(h.heldMillis(1, at(0), at(30))).as("the first pass").isEqualTo(10_000);
        assertThat(h.heldMillis(1, at(30), at(60))).as("the pass after a transfer").isEqualTo(2_000);
        assertThat(h.heldMillis(1, at(15), at(51))).isEqualTo(6_000);
    }

    @Test
    void forgottenAndOldInteractionsGo() {
        HoldTimes h = new HoldTimes();
        h.set(1, true, at(0));
        h.set(2, true, at(100));
        h.set(3, true, at(100));
        h.forget(3);
        h.dropBefore(at(50));
        assertThat(h.knows(1)).isFalse();
        assertThat(h.knows(2)).isTrue();
        assertThat(h.knows(3)).isFalse();
    }
}
