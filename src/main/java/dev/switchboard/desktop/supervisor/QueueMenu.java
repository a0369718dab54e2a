package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A queue tile's actions, Change priority… and Waiting contacts…: in a menu button on the tile and
 * in its context menu (and, for the tile holding the cursor, on {@link SupervisorKeys}).
 */
final class QueueMenu {
    private final Messages messages;
    private final SupervisorViewModel vm;

    QueueMenu(Messages messages, SupervisorViewModel vm) {
        this.messages = messages;
        this.vm = vm;
    }

    MenuButton button(QueueTile t, Node tile) {
        MenuButton b = new MenuButton(null, new FontIcon("mdi2d-dots-vertical"), items(t, tile));
        b.setId("queueMenu-" + t.queueId());
        b.getStyleClass().addAll("flat", "supervisor-tile-menu");
        b.setAccessibleText(messages.format("supervisor.queue.actions", t.name()));
        return b;
    }

    ContextMenu contextMenu(QueueTile t, Node tile) {
        return new ContextMenu(items(t, tile));
    }

    private MenuItem[] items(QueueTile t, Node tile) {
        MenuItem priority = new MenuItem(messages.get("supervisor.queue.priority"));
        priority.setAccelerator(SupervisorKeys.CHANGE_PRIORITY);
        priority.setOnAction(e -> changePriority(tile, t.queueId()));
        MenuItem waiting = new MenuItem(messages.get("supervisor.queue.waiting"));
        waiting.setAccelerator(SupervisorKeys.WAITING);
        waiting.setOnAction(e -> showWaiting(tile, t.queueId()));
        return new MenuItem[] {priority, waiting};
    }

    void changePriority(Node owner, Long queueId) {
        QueueChoice first = vm.queues().stream().filter(q -> q.id() != null && q.id().equals(queueId))
                .findFirst().orElse(null);
        PriorityDialog.open(owner, messages, vm.queues(), first, vm.queueActions());
    }

    void showWaiting(Node owner, Long queueId) {
        WaitingDialog.open(owner, messages, vm, queueId);
    }
}
