package dev.switchboard.app.bench;

import dev.switchboard.desktop.bench.BareTableApp;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of P6 that decide its figures: the medians, the marker's count, and the yardstick app itself. */
class DesktopStartBenchTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(DesktopStartBench.median(new double[] {400, 100, 300, 200})).isEqualTo(250);
        assertThat(DesktopStartBench.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(DesktopStartBench.median(new double[0])).isNaN();
        assertThat(DesktopStartBench.min(new double[] {4, 2, 9})).isEqualTo(2);
        assertThat(DesktopStartBench.max(new double[] {4, 2, 9})).isEqualTo(9);
    }

    @Test
    void theRatiosCompareMediansAndPairs() {
        DesktopStartBench.Result r = new DesktopStartBench.Result(new double[] {1000, 2000, 1000},
                new double[] {1500, 2000, 4000}, 0, 0, 25, 0, 0, 0, java.util.List.of());
        assertThat(r.ratio()).isEqualTo(2.0);
        assertThat(r.pairRatioMedian()).isEqualTo(1.5);
    }

    @Test
    void theDesktopsMarkerSaysHowManyContactsItShows() {
        assertThat(DesktopStartBench.shownWaiting(DesktopStartBench.DESKTOP_MARKER + "25 waiting")).isEqualTo(25);
        assertThat(DesktopStartBench.shownWaiting(DesktopStartBench.DESKTOP_MARKER + "0 waiting")).isZero();
        assertThat(DesktopStartBench.shownWaiting("something else")).isEqualTo(-1);
        assertThat(DesktopStartBench.shownWaiting(null)).isEqualTo(-1);
    }

    @Test
    void bothAppsStartWithTheSameJavaFlagsAndClasspath() {
        String before = System.getProperty("glass.platform");
        System.setProperty("glass.platform", "Monocle");
        try {
            List<String> jvm = DesktopStartBench.jvm();
            assertThat(jvm.get(0)).endsWith("java");
            assertThat(jvm).contains("-Dglass.platform=Monocle", "-Dsb.startupMarker=true");
            assertThat(jvm.get(jvm.size() - 2)).isEqualTo("-cp");
            assertThat(jvm.get(jvm.size() - 1)).isEqualTo(System.getProperty("java.class.path"));
        } finally {
            if (before == null) {
                System.clearProperty("glass.platform");
            } else {
                System.setProperty("glass.platform", before);
            }
        }
    }

    @Test
    void theBareTableAppSaysWhenItsTableIsDrawn() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BareTableApp.class.getName(), "7"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> marker = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(BareTableApp.DRAWN)) {
                        marker.complete(line);
                    }
                }
            } catch (Exception e) {
                marker.completeExceptionally(e);
            }
            marker.complete("");
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(marker.get(90, TimeUnit.SECONDS)).isEqualTo(BareTableApp.DRAWN + "7");
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
