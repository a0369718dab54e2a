package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waiting contacts…: who waits in a queue now (or in all queues), most urgent first, and moving the
 * selected one to another queue or to a named agent. The list is asked for when the dialog opens, on
 * Refresh and after each move; the outcome of a move shows in the dialog as on the dashboard.
 */
final class WaitingDialog {
    private final Messages messages;
    private final QueueActions actions;
    private final Feedback feedback;
    private final List<QueueChoice> queues;
    private final Supplier<List<AgentRow>> agents;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<WaitingItem> table = new TableView<>();

    private WaitingDialog(Messages messages, QueueActions actions, Feedback feedback, List<QueueChoice> queues,
                          Supplier<List<AgentRow>> agents) {
        this.messages = messages;
        this.actions = actions;
        this.feedback = feedback;
        this.queues = queues;
        this.agents = agents;
    }

    static void open(Node owner, Messages messages, SupervisorViewModel vm, Long queueId) {
        new WaitingDialog(messages, vm.queueActions(), vm.feedback(), List.copyOf(vm.queues()), vm::allAgents)
                .show(owner, queueId);
    }

    private void show(Node owner, Long queueId) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle(messages.get("supervisor.waiting.title"));
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.SUPERVISOR.stylesheet().toExternalForm());
        d.getDialogPane().getStyleClass().addAll("supervisor-dialog", "waiting-dialog");
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        ComboBox<QueueChoice> queue = new ComboBox<>();
        queue.setId("waitingQueue");
        queue.getItems().setAll(queues);
        queue.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(QueueChoice q) {
                return q == null ? "" : q.name();
            }

            @Override
            public QueueChoice fromString(String s) {
                return null;
            }
        });
        subscriptions.listen(queue.valueProperty(), (obs, old, q) ->
                actions.waitingQueueProperty().set(q == null ? null : q.id()));
        queue.setValue(queues.stream().filter(q -> queueId == null ? q.id() == null : queueId.equals(q.id()))
                .findFirst().orElse(queues.isEmpty() ? null : queues.get(0)));
        Label queueLabel = new Label(messages.get("supervisor.waiting.queue"));
        queueLabel.setLabelFor(queue);
        Button refresh = new Button(messages.get("supervisor.waiting.refresh"));
        refresh.setOnAction(e -> actions.loadWaiting());
        HBox top = new HBox(8, queueLabel, queue, spacer(), refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("waitingTable");
        table.setItems(actions.waiting());
        table.getColumns().setAll(List.of(
                column("supervisor.waiting.channel", WaitingItem::channel, 80),
                column("supervisor.waiting.who", WaitingItem::who, 170),
                column("supervisor.waiting.subject", WaitingItem::subject, 190),
                column("supervisor.waiting.inQueue", WaitingItem::queueName, 130),
                column("supervisor.waiting.waited", WaitingItem::waited, 80),
                column("supervisor.waiting.forAgent", WaitingItem::forAgent, 120)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("supervisor.waiting.none")));
        table.setPrefSize(780, 300);

        Button toQueue = new Button(messages.get("supervisor.waiting.toQueue"));
        toQueue.setId("moveToQueue");
        toQueue.setTooltip(new Tooltip(SupervisorKeys.MOVE_TO_QUEUE.getDisplayText()));
        toQueue.setOnAction(e -> moveToQueue(table));
        Button toAgent = new Button(messages.get("supervisor.waiting.toAgent"));
        toAgent.setId("moveToAgent");
        toAgent.setTooltip(new Tooltip(SupervisorKeys.MOVE_TO_AGENT.getDisplayText()));
        toAgent.setOnAction(e -> moveToAgent(table));
        var none = table.getSelectionModel().selectedItemProperty().isNull().or(feedback.busyProperty());
        toQueue.disableProperty().bind(none);
        toAgent.disableProperty().bind(none);
        MenuItem queueItem = new MenuItem(toQueue.getText());
        queueItem.setOnAction(e -> moveToQueue(table));
        queueItem.setAccelerator(SupervisorKeys.MOVE_TO_QUEUE);
        MenuItem agentItem = new MenuItem(toAgent.getText());
        agentItem.setOnAction(e -> moveToAgent(table));
        agentItem.setAccelerator(SupervisorKeys.MOVE_TO_AGENT);
        table.setContextMenu(new ContextMenu(queueItem, agentItem));
        table.setOnKeyPressed(e -> {
            if (SupervisorKeys.MOVE_TO_QUEUE.match(e) && !toQueue.isDisabled()) {
                moveToQueue(table);
                e.consume();
            } else if (SupervisorKeys.MOVE_TO_AGENT.match(e) && !toAgent.isDisabled()) {
                moveToAgent(table);
                e.consume();
            }
        });

        Label status = new Label();
        status.setId("waitingStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("supervisor-feedback-text");
        subscriptions.bind(status.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                () -> !actions.waitingErrorProperty().get().isEmpty() ? actions.waitingErrorProperty().get()
                        : feedback.textProperty().get(),
                actions.waitingErrorProperty(), feedback.textProperty()));
        subscriptions.listen(feedback.errorProperty(), (obs, old, bad) -> mark(status, bad));
        subscriptions.listen(actions.waitingErrorProperty(), (obs, old, bad) -> mark(status, !bad.isEmpty()));
        feedback.dismiss();
        HBox buttons = new HBox(8, toQueue, toAgent, spacer());
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, top, table, buttons, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        d.getDialogPane().setContent(content);
        d.setOnShown(e -> table.requestFocus());
        d.setOnHidden(e -> {
            subscriptions.close();
            table.setItems(null);
        });
        // the list comes back in the background: the most urgent contact is selected when it does
        subscriptions.listen(actions.waiting(), (javafx.collections.ListChangeListener<WaitingItem>) c -> {
            if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        actions.loadWaiting();
        d.show();
        if (!table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private void moveToQueue(TableView<WaitingItem> table) {
        WaitingItem item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        List<QueueChoice> targets = queues.stream().filter(q -> q.id() != null && q.id() != item.queueId()).toList();
        Dialogs.choose(table, messages.get("supervisor.move.queue.title"),
                messages.format("supervisor.move.queue.prompt", item.who(), item.queueName()),
                messages.get("supervisor.move.ok"), "move-queue", targets, QueueChoice::name,
                q -> actions.moveToQueue(item, q));
    }

    private void moveToAgent(TableView<WaitingItem> table) {
        WaitingItem item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        Dialogs.choose(table, messages.get("supervisor.move.agent.title"),
                messages.format("supervisor.move.agent.prompt", item.who()), messages.get("supervisor.move.ok"),
                "move-agent", agents.get(), a -> messages.format("supervisor.move.agent.choice", a.name(),
                        a.stateText()), a -> actions.moveToAgent(item, a));
    }

    private static void mark(Label status, boolean bad) {
        status.getStyleClass().remove("supervisor-feedback-error");
        if (bad) {
            status.getStyleClass().add("supervisor-feedback-error");
        }
    }

    private TableColumn<WaitingItem, String> column(String key, Function<WaitingItem, String> text, double width) {
        TableColumn<WaitingItem, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
