package dev.switchboard.desktop;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.ui.Marks;
import dev.switchboard.domain.Channel;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.node;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Several contacts at once, worked in tabs with the keyboard, against the fake server. */
@ExtendWith(ApplicationExtension.class)
class WorkInTabsFxTest {
    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void anAgentWithTwoChatsAndAnEmailWorksThemInTabs(FxRobot robot) {
        signIn(robot, api);

        offerAndAccept(robot, 801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example", "Grace Hopper", 1);
        offerAndAccept(robot, 802, Fixtures.ADA, Channel.CHAT, "ada@engines.example", "Ada Lovelace", 2);
        offerAndAccept(robot, 803, Fixtures.CHARLES, Channel.EMAIL, "charles@difference.example",
                "Charles Babbage", 3);
        assertThat(api.calls).contains("accept 801", "accept 802", "accept 803");

        // Ctrl+Tab goes round, Ctrl+Page Down / Up too, Alt+n straight to a tab; the card follows
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        assertThat(text(robot, "#contactTitle")).isEqualTo("Chat · grace@compilers.example");
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> text(robot, "#name").equals("Charles Babbage"));
        assertThat(text(robot, "#contactTitle")).isEqualTo("E-mail · charles@difference.example");
        robot.clickOn(node(robot, "@tab-802"));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));

        // ending the selected one leads to its wrap-up; the other two stay active
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".wrapup") && text(robot, "#contactState").equals("Wrap-up"));
        assertThat(api.calls).contains("end 802").doesNotContain("end 801", "end 803");
        assertThat(tabs(robot)).containsExactly(801L, 802L, 803L);
        assertThat(text(robot, "#countdown")).isEqualTo("1:00");

        // one key picks the disposition; Ctrl+Enter finishes the wrap-up and its tab closes
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> chosenDisposition(robot).equals("Resolved"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> tabs(robot).equals(List.of(801L, 803L)));
        assertThat(api.wrapUps).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(802L);
            assertThat(e.getValue().disposition()).isEqualTo("RESOLVED");
        });
        waitUntil(() -> !visible(robot, ".wrapup"));
        waitUntil(() -> text(robot, "#name").equals("Charles Babbage"));
    }

    private void offerAndAccept(FxRobot robot, long id, long customer, Channel channel, String address, String name,
                                int tabsAfter) {
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, id, customer, channel, address, null,
                "Hello, I need some help with my account.", null));
        waitUntil(() -> text(robot, "#name").equals(name) && visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> tabs(robot).size() == tabsAfter && visible(robot, "#endButton"));
        assertThat(text(robot, "#name")).as("the accepted contact stays on the card").isEqualTo(name);
    }

    private static List<Long> tabs(FxRobot robot) {
        return onFx(() -> robot.lookup(".work-tab").queryAll().stream().filter(FxTestSupport::treeVisible)
                .map(Marks::of).map(mark -> Long.parseLong(mark.substring("tab-".length()))).toList());
    }

    private static String chosenDisposition(FxRobot robot) {
        return onFx(() -> {
            CodeView c = robot.lookup("#dispositions").<ListView<CodeView>>query().getSelectionModel()
                    .getSelectedItem();
            return c == null ? "" : c.label();
        });
    }

}
