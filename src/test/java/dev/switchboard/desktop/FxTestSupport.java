package dev.switchboard.desktop;

import dev.switchboard.desktop.main.StateChoice;
import dev.switchboard.desktop.ui.Marks;
import dev.switchboard.domain.AgentState;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return onFx(() -> find(robot, query).map(n -> n instanceof Labeled l ? l.getText() : "").orElse(""));
    }

    public static boolean visible(FxRobot robot, String query) {
        return onFx(() -> find(robot, query).map(FxTestSupport::treeVisible).orElse(false));
    }

    /**
     * The first node {@code query} finds (call on the FX thread): CSS selectors as
     * {@link FxRobot#lookup(String)} takes them, where a step {@code @name} is a node marked with
     * that name ({@link Marks}), e.g. {@code "@conversation-801 @line-4 .mail-format"}.
     */
    public static Optional<Node> find(FxRobot robot, String query) {
        return all(robot, query).stream().findFirst();
    }

    /** Every node {@code query} finds (see {@link #find}; call on the FX thread). */
    @SuppressWarnings("unchecked")
    public static <T extends Node> List<T> all(FxRobot robot, String query) {
        if (!query.contains("@")) {
            return List.copyOf(robot.lookup(query).<T>queryAll());
        }
        List<Node> found = robot.listTargetWindows().stream().filter(w -> w.getScene() != null)
                .map(w -> (Node) w.getScene().getRoot()).toList();
        for (String step : query.trim().split("\\s+")) {
            List<Node> next = new ArrayList<>();
            for (Node n : found) {
                if (step.startsWith("@")) {
                    marked(n, step.substring(1), next);
                } else {
                    next.addAll(n.lookupAll(step));
                }
            }
            found = next;
        }
        return (List<T>) found;
    }

    /** The first node {@code query} finds (call on the FX thread); fails when there is none. */
    @SuppressWarnings("unchecked")
    public static <T extends Node> T one(FxRobot robot, String query) {
        return (T) find(robot, query).orElseThrow(() -> new AssertionError("no node for " + query));
    }

    /** The node {@code query} finds, for clicking on; fails when there is none. */
    public static Node node(FxRobot robot, String query) {
        return onFx(() -> one(robot, query));
    }

    private static void marked(Node n, String mark, List<Node> into) {
        if (mark.equals(Marks.of(n))) {
            into.add(n);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                marked(child, mark, into);
            }
        }
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

    /** Opens a choice box and clicks the item with this text, as an agent would. */
    public static void choose(FxRobot robot, String box, String item) {
        robot.clickOn(box);
        waitUntil(() -> menuItem(robot, item) != null);
        robot.clickOn(menuItem(robot, item));
    }

    private static Node menuItem(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(".menu-item").queryAll().stream()
                .filter(n -> treeVisible(n) && n.lookup(".label") instanceof Labeled l && text.equals(l.getText()))
                .findFirst().orElse(null));
    }

    /** Opens a combo box's list and clicks the entry with this text. */
    public static void pick(FxRobot robot, String box, String item) {
        robot.clickOn(box);
        waitUntil(() -> listCell(robot, item) != null);
        robot.clickOn(listCell(robot, item));
    }

    private static Node listCell(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> treeVisible(n) && n instanceof Labeled l && text.equals(l.getText()))
                .findFirst().orElse(null));
    }

    /** Waits until the agent is no longer busy, then sets Ready (Ctrl+Shift+R) unless they are already. */
    public static void becomeReady(FxRobot robot) {
        waitUntil(() -> stateShown(robot) != AgentState.BUSY);
        if (stateShown(robot) != AgentState.READY) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        }
        waitUntil(() -> stateShown(robot) == AgentState.READY);
    }

    /** The state the status bar's state box shows. */
    public static AgentState stateShown(FxRobot robot) {
        return onFx(() -> {
            StateChoice c = robot.lookup("#stateBox").<ComboBox<StateChoice>>query().getValue();
            return c == null ? null : c.state();
        });
    }
}
