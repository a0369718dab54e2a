package dev.switchboard.desktop.contacts;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** The contact list: cells bind to the items; the list's selection and the view model's stay in step. */
public final class ContactsController {
    private final ContactsViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();

    @FXML private ListView<ContactItem> list;
    @FXML private Label countLabel;

    public ContactsController(ContactsViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        list.setItems(vm.items());
        list.setCellFactory(view -> new ContactCell());
        subscriptions.bind(countLabel.textProperty(), Bindings.size(vm.items()).asString());
        subscriptions.bind(countLabel.visibleProperty(), Bindings.isNotEmpty(vm.items()));
        subscriptions.listen(list.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        subscriptions.listen(vm.selectedProperty(), (obs, old, now) -> select(now));
        select(vm.selectedProperty().get());
        list.setAccessibleText(messages.get("contacts.title"));
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

    private void select(ContactItem item) {
        if (item == null) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedItem() != item) {
            list.getSelectionModel().select(item);
            list.scrollTo(item);
        }
    }
}
