package dev.switchboard.desktop;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
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

/** Renders a supervisor's dashboard (tiles, alerts, agents), light and dark, to target/screenshots. */
@ExtendWith(ApplicationExtension.class)
class SupervisorScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        api.useRole(Role.SUPERVISOR);
        api.dashboard = dashboard();
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
        Path light = snapshot("supervisor-light.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path dark = snapshot("supervisor-dark.png");
        for (Path p : List.of(light, dark)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private static SupervisorView dashboard() {
        return new SupervisorView(Fixtures.NOW, List.of(
                queue(1, "Billing", 72.4, 79.0, 4, 42, 6, 8, 38.0, 312.0, 9.5, 126, 112, 9),
                queue(2, "Sales", 91.2, 88.0, 0, 0, 5, 4, 11.0, 268.0, 2.1, 64, 62, 1),
                queue(3, "Technical support", 58.0, 66.5, 7, 95, 9, 12, 71.0, 540.0, 14.2, 210, 176, 28)),
                List.of(agent(7, "Alex Morgan", AgentState.BUSY, null, 312, 14, 255.0, 86.0),
                        agent(8, "Bea Cruz", AgentState.NOT_READY, "BREAK", 1260, 9, 301.0, 71.0),
                        agent(9, "Chen Li", AgentState.READY, null, 25, 17, 198.0, 90.0),
                        agent(10, "Dara Okafor", AgentState.WRAP_UP, null, 48, 11, null, null)),
                List.of(new AlertView("SERVICE_LEVEL", "WARNING", 1L, null,
                                "Billing: service level 72 % is below its target of 80 %"),
                        new AlertView("NOT_READY", "WARNING", null, 8L, "Bea Cruz has been on Break for 21:00"),
                        new AlertView("LONGEST_WAIT", "CRITICAL", 3L, null,
                                "Technical support: a contact has waited 1:35, past the 20 s threshold")));
    }

    private static QueueMetricsView queue(long id, String name, double sl, double slToday, int waiting, long longest,
                                          int in, Integer needed, double asa, double aht, double abandonment,
                                          int offered, int answered, int abandoned) {
        return new QueueMetricsView(id, name, 0, waiting, longest, 20, 80, "AGAINST", 5,
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
                                          long handled, Double aht, Double occupancy) {
        return new AgentMetricsView(id, name, state, reason, Fixtures.NOW.minusSeconds(seconds), null, java.util.List.of(), handled,
                new KpiView("average-handle-time", aht, "s", "(talk + wrap-up) ÷ handled", Map.of()),
                new KpiView("occupancy", occupancy, "%", "(busy + wrap-up) ÷ (busy + wrap-up + ready) × 100",
                        Map.of()));
    }

    private Path snapshot(String name) throws Exception {
        Path file = DIR.resolve(name);
        onFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage image = scene.snapshot(null);
            PngWriter.write(image, file);
            return null;
        });
        return file;
    }
}
