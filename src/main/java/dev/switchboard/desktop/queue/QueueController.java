package dev.switchboard.desktop.queue;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** The merged queue: cells bind to the items; the list's selection and the view model's stay in step. */
public final class QueueController {
    private final QueueViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();

    @FXML private ListView<QueueItem> list;
    @FXML private Label countLabel;
    @FXML private Label longestLabel;
    @FXML private Label errorLabel;

    public QueueController(QueueViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        list.setItems(vm.items());
        list.setCellFactory(view -> new QueueCell());
        subscriptions.bind(countLabel.textProperty(), Bindings.size(vm.items()).asString());
        subscriptions.bind(countLabel.visibleProperty(), Bindings.isNotEmpty(vm.items()));
        subscriptions.bind(longestLabel.textProperty(), vm.longestProperty());
        subscriptions.bind(errorLabel.textProperty(), vm.errorProperty());
        subscriptions.bind(errorLabel.visibleProperty(), vm.errorProperty().isNotEmpty());
        subscriptions.bind(errorLabel.managedProperty(), errorLabel.visibleProperty());
        subscriptions.listen(list.getSelectionModel().selectedItemProperty(),
                (obs, old, now) -> vm.selectedProperty().set(now));
        subscriptions.listen(vm.selectedProperty(), (obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setAccessibleText(messages.get("queue.title"));
    }

    /** The waiting contact the agent has picked in the list while the list has the focus, or null. */
    public QueueItem focusedItem() {
        boolean focused = list.getScene() != null && list.getScene().getFocusOwner() == list;
        return focused ? list.getSelectionModel().getSelectedItem() : null;
    }

    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    public void dispose() {
        subscriptions.close();
        list.setItems(null);
    }
}
