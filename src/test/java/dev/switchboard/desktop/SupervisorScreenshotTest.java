package dev.switchboard.desktop;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.CurrentContactView;
import dev.switchboard.api.IntervalPointView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.domain.Channel;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a supervisor's dashboard at 1400×900 to target/screenshots: tiles, alerts, agents and a
 * refused action (light and dark), the chart of today for all queues and for one, and the waiting
 * contacts of a queue.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");
    private static final double WIDTH = 1400;
    private static final double HEIGHT = 900;

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        api.useRole(Role.SUPERVISOR);
        api.dashboard = dashboard();
        api.intervals = intervals();
        api.allWaiting.add(new QueueEntryView(801, Channel.PHONE, "Ada Lovelace", "Invoice charged twice", 3,
                "Technical support", 5, Fixtures.NOW.minusSeconds(95), 20, false, null, null));
        api.allWaiting.add(new QueueEntryView(802, Channel.CHAT, "Grace Hopper", "Router keeps dropping", 3,
                "Technical support", 5, Fixtures.NOW.minusSeconds(41), 20, false, null, null));
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesTheDashboard(FxRobot robot) throws Exception {
        signIn(robot, api);
        waitUntil(() -> visible(robot, "#tile-3"));
        onFx(() -> robot.lookup("#agentTable").<javafx.scene.control.TableView<?>>query().getSelectionModel().select(1));
        api.stateFailure = new dev.switchboard.client.ApiException(409, new dev.switchboard.api.ApiError(
                "not_signed_in", "Bea Cruz is not signed in", null));
        robot.clickOn("#makeReadyButton");
        waitUntil(() -> FxTestSupport.text(robot, "#feedbackLabel").endsWith("not signed in"));
        Path light = snapshot("supervisor-light.png");
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        waitUntil(() -> visible(robot, "#intervalChart"));
        Path chartLight = snapshot("supervisor-chart-light.png");
        onFx(() -> robot.lookup("#chartQueue").<javafx.scene.control.ComboBox<?>>query().getSelectionModel().select(1));
        Path chartQueue = snapshot("supervisor-chart-queue-light.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path chartDark = snapshot("supervisor-chart-dark.png");
        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        Path dark = snapshot("supervisor-dark.png");
        onFx(() -> robot.lookup("#tile-3").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#waitingTable"));
        Path waiting = snapshotOf(robot.lookup("#waitingTable").query().getScene(), "supervisor-waiting-dark.png");
        for (Path p : List.of(light, dark, chartLight, chartQueue, chartDark, waiting)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private static SupervisorView dashboard() {
        return new SupervisorView(Fixtures.NOW, List.of(
                queue(1, "Billing", 72.4, 79.0, 4, 42, 6, 8, 38.0, 312.0, 9.5, 126, 112, 9),
                queue(2, "Sales", 91.2, 88.0, 0, 0, 5, 4, 11.0, 268.0, 2.1, 64, 62, 1),
                queue(3, "Technical support", 58.0, 66.5, 7, 95, 9, 12, 71.0, 540.0, 14.2, 210, 176, 28)),
                List.of(agent(7, "Alex Morgan", AgentState.BUSY, null, 312, 14, 255.0, 86.0,
                                new CurrentContactView(5001, Channel.PHONE, "Ada Lovelace"), List.of(1L, 3L)),
                        agent(8, "Bea Cruz", AgentState.NOT_READY, "BREAK", 1260, 9, 301.0, 71.0, null, List.of(1L)),
                        agent(9, "Chen Li", AgentState.READY, null, 25, 17, 198.0, 90.0, null, List.of(2L)),
                        agent(10, "Dara Okafor", AgentState.WRAP_UP, null, 48, 11, null, null,
                                new CurrentContactView(5002, Channel.CHAT, "Charles Babbage"), List.of(3L))),
                List.of(new AlertView("SERVICE_LEVEL", "WARNING", 1L, null,
                                "Billing: service level 72 % is below its target of 80 %"),
                        new AlertView("NOT_READY", "WARNING", null, 8L, "Bea Cruz has been on Break for 21:00"),
                        new AlertView("LONGEST_WAIT", "CRITICAL", 3L, null,
                                "Technical support: a contact has waited 1:35, past the 20 s threshold")));
    }

    private static QueueMetricsView queue(long id, String name, double sl, double slToday, int waiting, long longest,
                                          int in, Integer needed, double asa, double aht, double abandonment,
                                          int offered, int answered, int abandoned) {
        return new QueueMetricsView(id, name, id == 3 ? 20 : 10, waiting, longest, 20, 80, "AGAINST", 5,
                kpis(sl, asa, aht, abandonment, offered / 4, answered / 4, abandoned / 4),
                kpis(slToday, asa * 0.9, aht, abandonment * 0.8, offered, answered, abandoned), in, needed);
    }

    private static Map<String, KpiView> kpis(double sl, double asa, double aht, double abandonment, int offered,
                                             int answered, int abandoned) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("threshold", "20 s");
        p.put("target", "80 %");
        p.put("treatment", "AGAINST");
        Map<String, KpiView> m = new LinkedHashMap<>();
        m.put("service-level", new KpiView("service-level", sl, "%", "answered within threshold ÷ offered × 100", p));
        m.put("average-speed-of-answer", new KpiView("average-speed-of-answer", asa, "s",
                "total wait of answered ÷ answered", Map.of()));
        m.put("average-handle-time", new KpiView("average-handle-time", aht, "s", "(talk + wrap-up) ÷ handled",
                Map.of()));
        m.put("abandonment-rate", new KpiView("abandonment-rate", abandonment, "%", "abandoned ÷ offered × 100",
                Map.of()));
        m.put("offered", new KpiView("offered", (double) offered, "contacts", "answered + abandoned", Map.of()));
        m.put("answered", new KpiView("answered", (double) answered, "contacts", "contacts answered", Map.of()));
        m.put("abandoned", new KpiView("abandoned", (double) abandoned, "contacts", "contacts abandoned", Map.of()));
        return m;
    }

    private static AgentMetricsView agent(long id, String name, AgentState state, String reason, long seconds,
                                          long handled, Double aht, Double occupancy, CurrentContactView current,
                                          List<Long> queues) {
        return new AgentMetricsView(id, name, state, reason, Fixtures.NOW.minusSeconds(seconds), current, queues, handled,
                new KpiView("average-handle-time", aht, "s", "(talk + wrap-up) ÷ handled", Map.of()),
                new KpiView("occupancy", occupancy, "%", "(busy + wrap-up) ÷ (busy + wrap-up + ready) × 100",
                        Map.of()));
    }

    /**
     * Today from 07:00 to 10:00: a morning peak in Technical support that misses its target, Billing
     * and Sales close to theirs; the queues' targets differ (Sales aims at 90 %).
     */
    private static SupervisorIntervalsView intervals() {
        java.time.Instant midnight = Fixtures.NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long[] load = {0, 3, 6, 9, 14, 18, 22, 26, 24, 21, 19, 17};
        List<IntervalSeriesView> series = new java.util.ArrayList<>();
        String[] names = {"Billing", "Sales", "Technical support"};
        for (int q = 0; q < 3; q++) {
            List<IntervalPointView> points = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                java.time.Instant start = midnight.plus(java.time.Duration.ofMinutes(15L * i));
                int k = i - 28; // 07:00 is interval 28
                if (k < 0) {
                    points.add(new IntervalPointView(start, 0, 0, 0, null));
                    continue;
                }
                long offered = load[k] * (q + 2) / 3;
                long abandoned = offered * (q == 2 ? 2 + k % 3 : 1) / 12;
                long answered = offered - abandoned;
                Double sl = offered == 0 ? null : Math.max(35.0, (q == 2 ? 86.0 : 96.0) - offered * (q == 2 ? 1.6 : 0.7));
                points.add(new IntervalPointView(start, offered, answered, abandoned, sl));
            }
            series.add(new IntervalSeriesView(q + 1, names[q], q == 1 ? 90 : 80, 20, points));
        }
        return new SupervisorIntervalsView(java.time.LocalDate.of(2025, 11, 14), Fixtures.NOW, "AGAINST", 5, series);
    }

    private Path snapshotOf(Scene scene, String name) throws Exception {
        Path file = DIR.resolve(name);
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            PngWriter.write(scene.snapshot(null), file);
            return null;
        });
        return file;
    }

    private Path snapshot(String name) throws Exception {
        return Snapshots.write(stage, WIDTH, HEIGHT, DIR.resolve(name));
    }
}
