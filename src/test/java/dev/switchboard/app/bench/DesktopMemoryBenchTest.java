package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopMemoryBenchTest {
    private static final long S = 1_000_000_000L;

    private static DesktopMemoryBench.Sample at(long second, long rss, long heapAfterGc, long done) {
        return new DesktopMemoryBench.Sample(second * S, rss, rss / 2, Map.of("heapAfterGc", heapAfterGc, "done", done));
    }

    @Test
    void aWindowAveragesTheSamplesBeforeItsEndOnly() {
        List<DesktopMemoryBench.Sample> samples = List.of(at(1, 100, 10, 1), at(2, 200, 20, 2), at(3, 300, -1, 3),
                at(4, 400, 40, 4), at(5, 900, 90, 5));
        DesktopMemoryBench.Window w = DesktopMemoryBench.window(samples, 4 * S, 3 * S, 0);

        assertThat(w.samples()).isEqualTo(3); // seconds 2, 3 and 4; 1 is outside, 5 after the end
        assertThat(w.meanRssBytes()).isEqualTo(300.0);
        assertThat(w.meanHeapAfterGcBytes()).isEqualTo(30.0); // -1: no collection reported yet
        assertThat(w.handled()).isEqualTo(4);
        assertThat(w.atSeconds()).isEqualTo(4.0);
    }

    @Test
    void aWindowWithoutSamplesTakesTheLastOneBeforeIt() {
        List<DesktopMemoryBench.Sample> samples = List.of(at(1, 100, 10, 1), at(5, 500, 50, 5));
        DesktopMemoryBench.Window w = DesktopMemoryBench.window(samples, 3 * S, S / 2, 0);

        assertThat(w.samples()).isEqualTo(1);
        assertThat(w.meanRssBytes()).isEqualTo(100.0);
    }

    @Test
    void theStatusLineIsReadAsNumbersByName() {
        Map<String, Long> status = ChildJvm.parseStatus("offered=12 done=10 heapAfterGc=-1 odd=x noValue");

        assertThat(status).containsEntry("offered", 12L).containsEntry("done", 10L).containsEntry("heapAfterGc", -1L)
                .doesNotContainKeys("odd", "noValue");
    }

    @Test
    void aClassHistogramGivesItsTotalAndLargestClasses() {
        DesktopMemoryBench.Histogram h = DesktopMemoryBench.parseHistogram(List.of("1234:",
                " num     #instances         #bytes  class name (module)",
                "-------------------------------------------------------",
                "   1:         35587      235314576  [I (java.base@17.0.15)",
                "   2:        100626       17933656  [B (java.base@17.0.15)",
                "Total       2000000      300000000"), Path.of("h.txt"));

        assertThat(h.instances()).isEqualTo(2_000_000);
        assertThat(h.bytes()).isEqualTo(300_000_000);
        assertThat(h.top()).containsExactly("[I 235314576 B, 35587 objects", "[B 17933656 B, 100626 objects");
    }
}
