package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.CodeView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Make ready and Make not ready… on the agent selected in the grid: as buttons over the grid, in the
 * grid's context menu and on {@link SupervisorKeys#MAKE_READY} / {@link SupervisorKeys#MAKE_NOT_READY}.
 * Each is enabled only when it can apply to the selected agent.
 */
final class AgentMenu {
    private final AgentActions actions;
    private final Messages messages;
    private final TableView<AgentRow> table;
    private final Button readyButton;
    private final Button notReadyButton;
    private final MenuItem readyItem;
    private final MenuItem notReadyItem;

    AgentMenu(AgentActions actions, Messages messages, TableView<AgentRow> table, Button readyButton,
              Button notReadyButton, Subscriptions subscriptions) {
        this.actions = actions;
        this.messages = messages;
        this.table = table;
        this.readyButton = readyButton;
        this.notReadyButton = notReadyButton;
        readyItem = new MenuItem(messages.get("supervisor.agents.makeReady"));
        readyItem.setAccelerator(SupervisorKeys.MAKE_READY);
        readyItem.setOnAction(e -> makeReady());
        notReadyItem = new MenuItem(messages.get("supervisor.agents.makeNotReady"));
        notReadyItem.setAccelerator(SupervisorKeys.MAKE_NOT_READY);
        notReadyItem.setOnAction(e -> makeNotReady());
        table.setContextMenu(new ContextMenu(readyItem, notReadyItem));
        readyButton.setTooltip(new Tooltip(messages.format("supervisor.agents.makeReady.tip",
                SupervisorKeys.MAKE_READY.getDisplayText())));
        notReadyButton.setTooltip(new Tooltip(messages.format("supervisor.agents.makeNotReady.tip",
                SupervisorKeys.MAKE_NOT_READY.getDisplayText())));
        subscriptions.listen(table.getSelectionModel().selectedItemProperty(), (obs, old, row) -> enable());
        // the selected row is replaced by each new dashboard; its agent may have changed state
        subscriptions.listen(table.itemsProperty(), (obs, old, items) -> enable());
        subscriptions.onClose(() -> table.setContextMenu(null));
        enable();
    }

    /** Called when the grid's rows change. */
    void enable() {
        AgentRow row = selected();
        boolean ready = actions.canMakeReady(row);
        boolean notReady = actions.canMakeNotReady(row);
        readyButton.setDisable(!ready);
        readyItem.setDisable(!ready);
        notReadyButton.setDisable(!notReady);
        notReadyItem.setDisable(!notReady);
    }

    void makeReady() {
        actions.makeReady(selected());
    }

    void makeNotReady() {
        AgentRow row = selected();
        if (!actions.canMakeNotReady(row)) {
            return;
        }
        Dialogs.choose(table, messages.get("supervisor.notReady.title"),
                messages.format("supervisor.notReady.prompt", row.name()), messages.get("supervisor.notReady.ok"),
                "not-ready", actions.reasons(), CodeView::label, reason -> actions.makeNotReady(row, reason));
    }

    private AgentRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }
}
