package dev.switchboard.desktop.card;

import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

import java.util.function.Consumer;

/**
 * Binds the card's open tickets: badges for priority and status, as tall as its rows (up to six) so
 * the timeline gets the rest; Enter or a double-click on a row, or the Edit button, opens the editor.
 */
final class TicketTable {
    private static final double ROW = 30;
    /** Column header (28 + its 1 px rule) and the table's 1 px frame above and below. */
    private static final double HEADER = 32;

    private final TicketsModel model;
    private final TableView<TicketRow> table;
    private final Consumer<TicketView> editor;
    private final EventHandler<KeyEvent> keys = this::onKey;

    /** The columns: number, priority, status, age, subject. */
    record Columns(TableColumn<TicketRow, String> number, TableColumn<TicketRow, TicketRow> priority,
                   TableColumn<TicketRow, TicketRow> status, TableColumn<TicketRow, String> age,
                   TableColumn<TicketRow, String> subject) {
    }

    TicketTable(TicketsModel model, TableView<TicketRow> table, Columns columns, Button editButton,
                Messages messages, Consumer<TicketView> editor, Subscriptions subscriptions) {
        this.model = model;
        this.table = table;
        this.editor = editor;
        columns.number().setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().number()));
        columns.priority().setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        columns.priority().setCellFactory(col -> TicketCells.priority());
        columns.status().setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        columns.status().setCellFactory(col -> TicketCells.status());
        columns.age().setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().age()));
        columns.subject().setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subject()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        table.setItems(model.rows());
        table.setRowFactory(t -> {
            TableRow<TicketRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> table.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.bind(editButton.disableProperty(), Bindings.isEmpty(model.rows()));
        editButton.setTooltip(new Tooltip(messages.format("card.tickets.edit.tooltip",
                Shortcuts.EDIT_TICKET.getDisplayText())));
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER + ROW * Math.max(1, Math.min(6, model.rows().size())), model.rows()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
        subscriptions.onClose(() -> {
            table.prefHeightProperty().unbind();
            table.minHeightProperty().unbind();
            table.maxHeightProperty().unbind();
            table.setItems(null);
        });
    }

    /** The editor on the selected ticket, else the first; false when there is none. */
    boolean editSelected() {
        if (table.getItems().isEmpty()) {
            return false;
        }
        TicketRow row = table.getSelectionModel().getSelectedItem();
        return edit(row != null ? row : table.getItems().get(0));
    }

    boolean isEmpty() {
        return table.getItems() == null || table.getItems().isEmpty();
    }

    void focus() {
        table.requestFocus();
    }

    private boolean edit(TicketRow row) {
        TicketView ticket = row == null ? null : model.ticket(row.id());
        if (ticket == null) {
            return false;
        }
        table.getSelectionModel().select(row);
        editor.accept(ticket);
        return true;
    }

    private void onKey(KeyEvent e) {
        TicketRow row = table.getSelectionModel().getSelectedItem();
        if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && row != null && edit(row)) {
            e.consume();
        }
    }
}
