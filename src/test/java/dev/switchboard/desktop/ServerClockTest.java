package dev.switchboard.desktop;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ServerClockTest {
    @Test
    void serverTimesAreReadAgainstTheServersClockOnceItHasSpoken() {
        Clock local = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        ServerClock clock = new ServerClock(local);
        assertThat(clock.instant()).isEqualTo(local.instant());
        clock.seen(Instant.parse("2026-11-25T10:00:07Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T10:00:07Z"));
        clock.seen(null);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T10:00:07Z"));
    }
}
