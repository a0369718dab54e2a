package dev.switchboard.desktop;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Small helpers for the window tests: read the scene on the FX thread, wait on what a person sees. */
public final class FxTestSupport {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private FxTestSupport() {
    }

    /** Runs on the FX thread and returns its answer. */
    public static <T> T onFx(Callable<T> question) {
        try {
            return WaitForAsyncUtils.asyncFx(question).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    public static void waitUntil(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> onFx(condition));
    }

    /** The text of the labelled node {@code query} (e.g. "#name"), or "" if absent. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery()
                .map(n -> n instanceof Labeled l ? l.getText() : "").orElse(""));
    }

    public static boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(FxTestSupport::treeVisible).orElse(false));
    }

    /** Shown on screen: it and all its parents visible, and in a window. */
    public static boolean treeVisible(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Signs in through the login form, as an agent would: type, then Enter. */
    public static void signIn(FxRobot robot, FakeApi api) {
        waitUntil(() -> robot.lookup("#username").tryQuery().isPresent());
        robot.clickOn("#username").write(FakeApi.USER);
        robot.clickOn("#password").write(FakeApi.PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "Alex Morgan".equals(robot.lookup("#agentName").tryQuery()
                .map(n -> ((Labeled) n).getText()).orElse("")));
        await().atMost(PATIENCE).until(api::subscribed);
    }
}
