package dev.switchboard.desktop.customer;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * Merge duplicates…: the card's customer and the duplicate picked side by side (name, company,
 * numbers, e-mail addresses, postcode, and why it was suggested), the list of duplicates to pick
 * from, Merge… and its confirmation, progress while it runs, and what moved or why it was refused.
 * Enter asks to merge the picked one, and in the question merges; Escape goes back from the question,
 * else closes.
 */
public final class CustomerMergeDialog {
    private final CustomerMergeViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ListView<DuplicateRow> list = new ListView<>();
    private final Button ask = new Button();
    private final Button confirm = new Button();
    private final Button back = new Button();

    private CustomerMergeDialog(CustomerMergeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    /** Opens the dialog over {@code owner}'s window; {@code vm} has been opened for the card's customer. */
    public static void show(Node owner, CustomerMergeViewModel vm, Messages messages) {
        new CustomerMergeDialog(vm, messages).show(owner);
    }

    /** A customer dialog over {@code owner}'s window: modal to it, styled like it and with the customer sheet. */
    static void over(Node owner, Dialog<?> d) {
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.CUSTOMER.stylesheet().toExternalForm());
    }

    private void show(Node owner) {
        Dialog<Void> d = new Dialog<>();
        over(owner, d);
        d.getDialogPane().getStyleClass().add("customer-merge-dialog");
        d.getDialogPane().setId("customerMergeDialog");
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE); // and Esc
        subscriptions.bind(d.titleProperty(), vm.titleProperty());
        d.getDialogPane().setContent(content());
        EventHandler<KeyEvent> keys = this::onKey;
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, keys);
        d.setOnShown(e -> list.requestFocus());
        d.setOnHidden(e -> {
            d.getDialogPane().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            subscriptions.close();
            list.setItems(null);
        });
        d.show();
    }

    private Node content() {
        Label title = new Label();
        title.getStyleClass().add("customer-merge-title");
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        Label status = new Label();
        status.setId("customerMergeStatus");
        subscriptions.bind(status.textProperty(), vm.statusProperty());
        ProgressIndicator loading = progress(vm.loadingProperty());
        HBox statusRow = new HBox(8, status, loading);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        list.setId("customerMergeList");
        list.getStyleClass().add("customer-duplicate-list");
        list.setItems(vm.duplicates());
        list.setPrefSize(250, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DuplicateRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.name() + "  #" + row.customer().id());
            }
        });
        subscriptions.listen(vm.selectedProperty(), (obs, old, now) -> {
            if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        subscriptions.listen(list.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                askToMerge();
            }
        });
        HBox sides = new HBox(14, list, comparison());
        HBox.setHgrow(sides.getChildren().get(1), Priority.ALWAYS);
        subscriptions.bind(sides.disableProperty(), vm.confirmingProperty().or(vm.mergingProperty()));

        ask.setId("customerMergeAsk");
        ask.setText(messages.get("customer.merge.ask"));
        ask.setGraphic(new FontIcon("mdi2c-call-merge"));
        ask.setOnAction(e -> askToMerge());
        subscriptions.bind(ask.disableProperty(), vm.selectedProperty().isNull().or(vm.confirmingProperty())
                .or(vm.mergingProperty()));
        ProgressIndicator running = progress(vm.mergingProperty());
        running.setId("customerMergeProgress");
        Label runningText = new Label(messages.get("customer.merge.running"));
        subscriptions.bind(runningText.visibleProperty(), vm.mergingProperty());
        subscriptions.bind(runningText.managedProperty(), vm.mergingProperty());
        HBox actions = new HBox(8, ask, running, runningText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label result = message("customerMergeResult", "customer-merge-result", vm.resultProperty());
        Label error = message("customerMergeError", "inline-error", vm.errorProperty());
        return new VBox(10, title, statusRow, sides, question(), actions, result, error);
    }

    /** The card's customer and the duplicate picked, field by field. */
    private Node comparison() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("customer-merge-compare");
        grid.setHgap(14);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(90);
        ColumnConstraints side = new ColumnConstraints(170, 220, Double.MAX_VALUE);
        side.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, side, side);
        grid.add(heading(messages.get("customer.merge.keep")), 1, 0);
        grid.add(heading(messages.get("customer.merge.other")), 2, 0);
        row(grid, 1, "customer.merge.name", "Name", CustomerMergeViewModel.Side::name);
        row(grid, 2, "customer.merge.company", "Company", CustomerMergeViewModel.Side::company);
        row(grid, 3, "customer.merge.phones", "Phones", CustomerMergeViewModel.Side::phones);
        row(grid, 4, "customer.merge.emails", "Emails", CustomerMergeViewModel.Side::emails);
        row(grid, 5, "customer.merge.postcode", "Postcode", CustomerMergeViewModel.Side::postcode);
        grid.add(fieldLabel(messages.get("customer.merge.reasons")), 0, 6);
        Label reasons = new Label();
        reasons.setId("customerMergeReasons");
        reasons.setWrapText(true);
        reasons.getStyleClass().add("customer-duplicate-reasons");
        subscriptions.bind(reasons.textProperty(), Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? "" : vm.selectedProperty().get().reasons(), vm.selectedProperty()));
        grid.add(reasons, 2, 6);
        return grid;
    }

    private void row(GridPane grid, int at, String key, String id,
                     Function<CustomerMergeViewModel.Side, String> part) {
        grid.add(fieldLabel(messages.get(key)), 0, at);
        grid.add(value("customerMergeKeep" + id, vm.keepProperty(), part), 1, at);
        grid.add(value("customerMergeOther" + id, vm.otherProperty(), part), 2, at);
    }

    private Label value(String id, ObservableValue<CustomerMergeViewModel.Side> side,
                        Function<CustomerMergeViewModel.Side, String> part) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("customer-merge-value");
        subscriptions.bind(l.textProperty(), Bindings.createStringBinding(() -> side.getValue() == null ? ""
                : part.apply(side.getValue()), side));
        return l;
    }

    /** The question before a merge, with Merge and Back. */
    private Node question() {
        FontIcon icon = new FontIcon("mdi2a-alert-outline");
        icon.getStyleClass().add("customer-merge-warning-icon");
        Label text = new Label();
        text.setId("customerMergeQuestion");
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        subscriptions.bind(text.textProperty(), vm.questionProperty());
        confirm.setId("customerMergeConfirm");
        confirm.setText(messages.get("customer.merge.confirm"));
        confirm.getStyleClass().add("danger");
        confirm.setOnAction(e -> vm.merge());
        subscriptions.bind(confirm.disableProperty(), vm.mergingProperty());
        back.setId("customerMergeBack");
        back.setText(messages.get("customer.merge.back"));
        back.setOnAction(e -> goBack());
        subscriptions.bind(back.disableProperty(), vm.mergingProperty());
        HBox buttons = new HBox(8, confirm, back);
        VBox words = new VBox(8, text, buttons);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox box = new HBox(10, icon, words);
        box.getStyleClass().add("customer-merge-question");
        subscriptions.bind(box.visibleProperty(), vm.confirmingProperty());
        subscriptions.bind(box.managedProperty(), vm.confirmingProperty());
        subscriptions.listen(vm.confirmingProperty(), (obs, old, now) -> {
            if (now) {
                confirm.requestFocus();
            } else {
                list.requestFocus();
            }
        });
        return box;
    }

    private void askToMerge() {
        vm.ask();
    }

    private void goBack() {
        vm.back();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && vm.confirmingProperty().get()) {
            goBack();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
            if (vm.confirmingProperty().get()) {
                vm.merge();
            } else {
                askToMerge();
            }
            e.consume();
        }
    }

    private Label message(String id, String styleClass, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        subscriptions.bind(l.textProperty(), text);
        subscriptions.bind(l.visibleProperty(), Bindings.createBooleanBinding(() -> !text.getValue().isEmpty(), text));
        subscriptions.bind(l.managedProperty(), l.visibleProperty());
        return l;
    }

    private ProgressIndicator progress(ObservableValue<Boolean> shown) {
        ProgressIndicator p = new ProgressIndicator();
        p.getStyleClass().add("small-progress");
        subscriptions.bind(p.visibleProperty(), shown);
        subscriptions.bind(p.managedProperty(), shown);
        return p;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("customer-merge-heading");
        return l;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }
}
