package dev.switchboard.desktop.admin;

import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.Snapshots;
import dev.switchboard.domain.Role;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Path;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's desktop against the real server: the Administration tab beside the dashboard's,
 * a person created through the dialog (a weak password refused first, named in the dialog, nothing
 * typed lost), the person in the table and their creation in the audit log. A supervisor has no such tab.
 */
@ExtendWith(ApplicationExtension.class)
class AdminEndToEndFxTest {
    private static SwitchboardServer server;
    private Desktop desktop;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ServerOptions.inMemory("admin-e2e", 20));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desktop = new Desktop(new DesktopOptions(server.baseUrl(),
                List.of(new DemoAccount("admin", "admin", Role.ADMINISTRATOR)), "light", null),
                new HttpSwitchboardApi(server.baseUrl()));
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void anAdministratorCreatesAPersonAndFindsItInTheAuditLog(FxRobot robot) throws Exception {
        signIn(robot, "admin", "admin");
        waitUntil(() -> tab(robot, "adminTab") != null);
        onFx(() -> sections(robot).getSelectionModel().select(tab(robot, "adminTab")));
        waitUntil(() -> people(robot).getItems().stream().anyMatch(p -> p.username().equals("supervisor")));

        robot.clickOn("#newButton");
        waitUntil(() -> visible(robot, "#admin-username"));
        robot.clickOn("#admin-username").write("jamie.ortiz");
        robot.clickOn("#admin-name").write("Jamie Ortiz");
        onFx(() -> robot.lookup("#admin-role").<ComboBox<Role>>query().setValue(Role.AGENT));
        robot.clickOn("#admin-skills").write("billing=3, english=5");
        robot.clickOn("#admin-password").write("short");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#admin-person-error"));
        assertThat(text(robot, "#admin-person-error")).contains("10 characters");
        assertThat(onFx(() -> robot.lookup("#admin-password").query().getStyleClass()))
                .contains("admin-field-error");
        assertThat(onFx(() -> robot.lookup("#admin-name").<javafx.scene.control.TextField>query().getText()))
                .isEqualTo("Jamie Ortiz");

        robot.clickOn("#admin-password").eraseText(5).write("harbour-lantern-42");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !visible(robot, "#admin-username"));
        waitUntil(() -> people(robot).getItems().stream().anyMatch(p -> p.username().equals("jamie.ortiz")
                && p.skillsText().equals("billing=3, english=5")));

        robot.clickOn("#auditAction").write("admin.user");
        robot.clickOn("#searchButton");
        waitUntil(() -> audit(robot).getItems().stream().anyMatch(a -> a.action().equals("admin.user.create")
                && a.subject().equals("user jamie.ortiz") && a.who().equals("Robin Hale")));

        robot.clickOn("#auditAction").press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F)
                .release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#filterField").query().isFocused());
        robot.write("jamie");
        waitUntil(() -> people(robot).getItems().size() == 1);
        Path png = Snapshots.write(stage, 1280, 800, Path.of("target", "screenshots", "admin-tab.png"));
        assertThat(png).exists();
    }

    @Test
    void aSupervisorHasNoAdministrationTab(FxRobot robot) {
        signIn(robot, "supervisor", "supervisor");
        waitUntil(() -> visible(robot, "#agentTable"));
        assertThat(tab(robot, "adminTab")).isNull();
        assertThat(onFx(() -> sections(robot).getTabs().size())).isEqualTo(3);
    }

    private static void signIn(FxRobot robot, String user, String password) {
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write(password);
        robot.type(KeyCode.ENTER);
    }

    private static TabPane sections(FxRobot robot) {
        return robot.lookup(".supervisor-sections").query();
    }

    private static Tab tab(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(".supervisor-sections").tryQuery()
                .map(n -> ((TabPane) n).getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElse(null))
                .orElse(null));
    }

    private static TableView<PersonRow> people(FxRobot robot) {
        return robot.lookup("#peopleTable").query();
    }

    private static TableView<AuditRow> audit(FxRobot robot) {
        return robot.lookup("#auditTable").query();
    }
}
