package dev.switchboard.app.bench;

import dev.switchboard.desktop.DesktopLauncher;
import dev.switchboard.desktop.bench.FrameProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The probe sees the toolkit's pulses as long as it runs, and none after it stops. */
class FrameProbeTest {

    @Test
    void recordsAnIntervalForEveryPulseWhileItRuns() {
        DesktopLauncher.startToolkit();
        long from = System.nanoTime();
        FrameProbe probe = FrameProbe.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.intervalsBetween(from, System.nanoTime()).length >= 20);
        probe.stop();
        long stopped = System.nanoTime();
        long[] intervals = probe.intervalsBetween(from, stopped);
        long sum = 0;
        for (long i : intervals) {
            assertThat(i).isPositive();
            sum += i;
        }
        assertThat(sum).as("intervals follow each other").isLessThanOrEqualTo(stopped - from);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> probe.intervalsBetween(stopped, Long.MAX_VALUE).length == 0);
        assertThat(probe.intervalsBetween(from, Long.MAX_VALUE)).hasSize(intervals.length);
    }
}
