package dev.switchboard.desktop.card;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.CustomerCell;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Binds the card's choice between customers who share the contact's address: as tall as its rows (up
 * to six), so it reads as a short list; arrow keys and Enter, a double-click or the link button pick.
 */
final class CandidateList {
    private final CardViewModel vm;
    private final ListView<CustomerSummary> list;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<MouseEvent> clicks = this::onClick;

    CandidateList(CardViewModel vm, ListView<CustomerSummary> list, Button linkButton, ProgressIndicator progress,
                  Label error, Messages messages, Subscriptions subscriptions) {
        this.vm = vm;
        this.list = list;
        list.setItems(vm.candidates());
        list.setCellFactory(view -> new CustomerCell());
        list.setFixedCellSize(CustomerCell.HEIGHT);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 2 + CustomerCell.HEIGHT * Math.max(1, Math.min(6, vm.candidates().size())), vm.candidates()));
        list.maxHeightProperty().bind(list.prefHeightProperty());
        subscriptions.bind(linkButton.disableProperty(),
                list.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(error.textProperty(), vm.errorProperty());
        linkButton.setTooltip(new Tooltip(messages.get("card.several.link.tooltip")));
        list.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, clicks);
        subscriptions.onClose(() -> {
            list.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            list.removeEventHandler(MouseEvent.MOUSE_CLICKED, clicks);
            list.prefHeightProperty().unbind();
            list.maxHeightProperty().unbind();
            list.setItems(null);
        });
    }

    void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** A fresh choice starts with nobody picked. */
    void clearSelection() {
        list.getSelectionModel().clearSelection();
    }

    void pickSelected() {
        vm.pick(list.getSelectionModel().getSelectedItem());
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            pickSelected();
            e.consume();
        }
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            pickSelected();
        }
    }
}
