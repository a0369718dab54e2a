package dev.switchboard.desktop.customer;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Find a customer…: a search field (name, number, e-mail address, ticket number; searched once typing
 * pauses), the customers found, and Open, which hands the one picked on. Enter in the field searches
 * at once; Down moves to the list; Enter or a double-click on a customer picks them; Escape closes.
 */
public final class CustomerPickDialog {
    private static final Duration TYPING_PAUSE = Duration.millis(300);

    private final CustomerPickViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TextField query = new TextField();
    private final ListView<CustomerSummary> list = new ListView<>();
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);

    private CustomerPickDialog(CustomerPickViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    /** Opens the dialog over {@code owner}'s window; {@code picked} gets the customer chosen, after it closed. */
    public static void show(Node owner, CustomerPickViewModel vm, Messages messages, String title,
                            Consumer<CustomerSummary> picked) {
        new CustomerPickDialog(vm, messages).show(owner, title, picked);
    }

    private void show(Node owner, String title, Consumer<CustomerSummary> picked) {
        vm.reset();
        Dialog<CustomerSummary> d = new Dialog<>();
        CustomerMergeDialog.over(owner, d);
        d.getDialogPane().setId("customerPickDialog");
        d.setTitle(title);
        d.setResizable(true);
        ButtonType open = new ButtonType(messages.get("customer.pick.open"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        Button openButton = (Button) d.getDialogPane().lookupButton(open);
        openButton.setId("customerPickOpen");
        subscriptions.bind(openButton.disableProperty(), list.getSelectionModel().selectedItemProperty().isNull());
        d.getDialogPane().setContent(content(d));
        d.setResultConverter(b -> b == open ? list.getSelectionModel().getSelectedItem() : null);
        d.setOnShown(e -> query.requestFocus());
        d.setOnHidden(e -> {
            typing.stop();
            subscriptions.close();
            list.setItems(null);
            CustomerSummary chosen = d.getResult();
            if (chosen != null) {
                picked.accept(chosen);
            }
        });
        d.show();
    }

    private Node content(Dialog<CustomerSummary> d) {
        query.setId("customerPickQuery");
        query.setPromptText(messages.get("customer.pick.prompt"));
        typing.setOnFinished(e -> vm.search(query.getText()));
        subscriptions.listen(query.textProperty(), (obs, old, now) -> typing.playFromStart());
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                vm.search(query.getText());
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !vm.found().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        Label status = new Label();
        status.setId("customerPickStatus");
        status.getStyleClass().add("section-hint");
        subscriptions.bind(status.textProperty(), vm.statusProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("small-progress");
        subscriptions.bind(progress.visibleProperty(), vm.searchingProperty());
        subscriptions.bind(progress.managedProperty(), vm.searchingProperty());
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("customerPickError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        subscriptions.bind(error.textProperty(), vm.errorProperty());
        subscriptions.bind(error.visibleProperty(), Bindings.isNotEmpty(vm.errorProperty()));
        subscriptions.bind(error.managedProperty(), error.visibleProperty());

        list.setId("customerPickList");
        list.setItems(vm.found());
        list.setPrefSize(460, 280);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CustomerSummary c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(list.getSelectionModel().getSelectedItem());
                d.close();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(list.getSelectionModel().getSelectedItem());
                d.close();
                e.consume();
            }
        });
        VBox box = new VBox(8, query, statusRow, error, list);
        box.setPrefWidth(480);
        return box;
    }

    private String describe(CustomerSummary c) {
        StringBuilder out = new StringBuilder(c.displayName());
        if (c.company() != null && !c.company().isBlank()) {
            out.append(" · ").append(c.company());
        }
        c.contactPoints().stream().findFirst().ifPresent(p -> out.append(" · ").append(p.display()));
        return out.append("  #").append(c.id()).toString();
    }
}
