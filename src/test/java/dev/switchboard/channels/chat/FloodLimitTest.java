package dev.switchboard.channels.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FloodLimitTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void allowsTheLimitInAWindowAndMoreOnceTheWindowHasMoved() {
        FloodLimit limit = new FloodLimit(3, Duration.ofSeconds(10));

        assertThat(limit.allow(T0)).isTrue();
        assertThat(limit.allow(T0.plusSeconds(1))).isTrue();
        assertThat(limit.allow(T0.plusSeconds(2))).isTrue();
        assertThat(limit.allow(T0.plusSeconds(3))).isFalse();
        assertThat(limit.allow(T0.plusSeconds(9))).isFalse();
        assertThat(limit.allow(T0.plusSeconds(10))).isTrue();
        assertThat(limit.allow(T0.plusSeconds(10))).isFalse();
        assertThat(limit.allow(T0.plusSeconds(12))).isTrue();
    }
}
