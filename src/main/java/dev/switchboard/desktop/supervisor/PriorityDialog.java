package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Change priority…: the queue (the one the supervisor came from, or another) and its new priority,
 * 0 to 100, on a spinner that starts at the queue's priority now.
 */
final class PriorityDialog {
    private PriorityDialog() {
    }

    static void open(Node owner, Messages messages, List<QueueChoice> queues, QueueChoice first,
                     QueueActions actions) {
        List<QueueChoice> real = queues.stream().filter(q -> q.id() != null).toList();
        if (real.isEmpty()) {
            return;
        }
        Dialog<Integer> d = Dialogs.create(owner, messages.get("supervisor.priority.title"),
                messages.get("supervisor.priority.ok"), "priority-dialog");
        ComboBox<QueueChoice> queue = new ComboBox<>();
        queue.setId("priorityQueue");
        queue.getItems().setAll(real);
        queue.setCellFactory(v -> new QueueCell(messages));
        queue.setButtonCell(new QueueCell(messages));
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId("prioritySpinner");
        spinner.setEditable(true);
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                QueueActions.MIN_PRIORITY, QueueActions.MAX_PRIORITY, 0);
        spinner.setValueFactory(values);
        spinner.setPrefWidth(110);
        queue.valueProperty().addListener((obs, old, q) -> {
            if (q != null) {
                values.setValue(q.priority());
            }
        });
        queue.setValue(first != null && first.id() != null ? real.stream()
                .filter(q -> q.id().equals(first.id())).findFirst().orElse(real.get(0)) : real.get(0));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label queueLabel = new Label(messages.get("supervisor.priority.queue"));
        queueLabel.setLabelFor(queue);
        Label valueLabel = new Label(messages.get("supervisor.priority.value"));
        valueLabel.setLabelFor(spinner);
        grid.addRow(0, queueLabel, queue);
        grid.addRow(1, valueLabel, spinner);
        Label help = new Label(messages.format("supervisor.priority.help", QueueActions.MIN_PRIORITY,
                QueueActions.MAX_PRIORITY));
        help.setWrapText(true);
        help.setMaxWidth(360);
        help.getStyleClass().add("supervisor-help");
        d.getDialogPane().setContent(new VBox(10, grid, help));
        d.setResultConverter(b -> {
            if (!Dialogs.isOk(b)) {
                return null;
            }
            commit(spinner);
            return spinner.getValue();
        });
        d.setOnShown(e -> spinner.requestFocus());
        d.resultProperty().addListener((obs, old, value) -> {
            if (value != null && queue.getValue() != null) {
                actions.setPriority(queue.getValue(), value);
            }
        });
        d.show();
    }

    /** Takes what was typed into the spinner, if it is a number (else the value shown stays). */
    private static void commit(Spinner<Integer> spinner) {
        String typed = spinner.getEditor().getText();
        try {
            int v = Integer.parseInt(typed.strip());
            spinner.getValueFactory().setValue(Math.max(QueueActions.MIN_PRIORITY,
                    Math.min(QueueActions.MAX_PRIORITY, v)));
        } catch (NumberFormatException e) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
    }

    /** "Billing · priority 5". */
    private static final class QueueCell extends ListCell<QueueChoice> {
        private final Messages messages;

        QueueCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(QueueChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : messages.format("supervisor.priority.choice", item.name(), item.priority()));
        }
    }
}
