package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ArticleView;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.knowledge.KnowledgeEditorViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor writes an article and a queue's call script from the dashboard's Knowledge…. */
@ExtendWith(ApplicationExtension.class)
class KnowledgeEditorFxTest {
    private static final ArticleView REFUNDS = new ArticleView(7, "Refunds", "Money goes back to the card.",
            List.of("refund"), Fixtures.BILLING, "Billing", Fixtures.NOW, 3);

    private DashboardOnStage dashboard;
    private Harness h;

    @Start
    void start(Stage stage) {
        dashboard = new DashboardOnStage(stage, harness -> harness.api.articles.add(REFUNDS), (harness, c) ->
                c.editKnowledgeWith(new KnowledgeEditorViewModel(harness.api, new InlineTaskRunner(), harness.messages,
                        new ErrorText(harness.messages, "test server"), () -> Fixtures.config().queues())));
        h = dashboard.h;
    }

    @Stop
    void stop() {
        dashboard.close();
    }

    @Test
    void anArticleIsChangedAndANewOneRefusedUntilItHasItsText(FxRobot robot) {
        robot.clickOn("#toolsMenu").clickOn("Knowledge and call scripts…");
        waitUntil(() -> visible(robot, "#knowledgeEditorList") && listSize(robot) == 1);
        assertThat(text(robot, "#knowledgeEditorStatus")).isEqualTo("1 article");

        onFx(() -> ((ListView<?>) one(robot, "#knowledgeEditorList")).getSelectionModel().select(0));
        waitUntil(() -> field(robot, "#knowledgeEditorTitle").equals("Refunds"));
        assertThat(field(robot, "#knowledgeEditorKeywords")).isEqualTo("refund");
        assertThat(onFx(() -> String.valueOf(((ComboBox<?>) one(robot, "#knowledgeEditorQueue")).getValue())))
                .isEqualTo("Billing");
        robot.clickOn("#knowledgeEditorKeywords").write(", Money Back");
        robot.clickOn("#knowledgeEditorSave");
        waitUntil(() -> text(robot, "#knowledgeEditorStatus").equals("Saved “Refunds”."));
        assertThat(h.api.calls).contains("saveArticle 7");
        assertThat(h.api.articles).singleElement().satisfies(a ->
                assertThat(a.keywords()).containsExactly("refund", "money back"));

        robot.clickOn("#knowledgeEditorNew");
        robot.clickOn("#knowledgeEditorTitle").write("Moving home");
        robot.clickOn("#knowledgeEditorSave");
        waitUntil(() -> text(robot, "#knowledgeEditorError").equals("Write its text."));
        assertThat(invalid(robot, "#knowledgeEditorBody")).isTrue();
        assertThat(h.api.articles).hasSize(1);

        // the server's refusal names its field, and what was typed stays
        h.api.knowledgeRefusal = new ApiException(400, new ApiError("bad_request",
                "each keyword is 1 to 40 characters without commas", "keywords"));
        robot.clickOn("#knowledgeEditorBody").write("Give us the new address.");
        robot.clickOn("#knowledgeEditorSave");
        waitUntil(() -> text(robot, "#knowledgeEditorError").contains("each keyword is 1 to 40 characters"));
        assertThat(invalid(robot, "#knowledgeEditorKeywords")).isTrue();
        assertThat(invalid(robot, "#knowledgeEditorBody")).isFalse();
        assertThat(field(robot, "#knowledgeEditorTitle")).isEqualTo("Moving home");
    }

    @Test
    void aQueuesCallScriptIsWritten(FxRobot robot) {
        // the keys open it too
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#knowledgeEditorTabs"));
        assertThat(onFx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).count()))
                .as("the dashboard and one editor").isEqualTo(2L);
        onFx(() -> ((TabPane) one(robot, "#knowledgeEditorTabs")).getSelectionModel().select(1));
        waitUntil(() -> visible(robot, "#knowledgeEditorScriptFor"));
        String target = onFx(() -> String.valueOf(((ComboBox<?>) one(robot, "#knowledgeEditorScriptFor")).getValue()));
        robot.clickOn("#knowledgeEditorScriptTitle").write("Welcome");
        robot.clickOn("#knowledgeEditorScriptBody").write("Greet: Hello, {agent.name} speaking.");
        robot.clickOn("#knowledgeEditorScriptSave");
        waitUntil(() -> text(robot, "#knowledgeEditorStatus").equals("Saved the script for " + target + "."));
        assertThat(h.api.scripts).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Welcome");
            assertThat(s.body()).isEqualTo("Greet: Hello, {agent.name} speaking.");
            assertThat(s.queueId()).isEqualTo(Fixtures.config().queues().get(0).id());
        });
    }

    private static int listSize(FxRobot robot) {
        return onFx(() -> ((ListView<?>) one(robot, "#knowledgeEditorList")).getItems().size());
    }

    private static String field(FxRobot robot, String query) {
        return onFx(() -> ((TextInputControl) one(robot, query)).getText());
    }

    private static boolean invalid(FxRobot robot, String query) {
        return onFx(() -> one(robot, query).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("invalid")));
    }
}
