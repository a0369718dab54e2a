package dev.switchboard.desktop.dial;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The dial box: type a number, Enter (or Call) to dial it; the failure, if any, reads under it. */
public final class DialController {
    private final DialViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();

    @FXML private TextField dialNumber;
    @FXML private ProgressIndicator dialProgress;
    @FXML private Button dialButton;
    @FXML private Label dialError;

    public DialController(DialViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bindBidirectional(dialNumber.textProperty(), vm.numberProperty());
        subscriptions.bind(dialError.textProperty(), vm.errorProperty());
        subscriptions.bind(dialError.visibleProperty(), Bindings.isNotEmpty(vm.errorProperty()));
        subscriptions.bind(dialError.managedProperty(), dialError.visibleProperty());
        subscriptions.bind(dialProgress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(dialProgress.managedProperty(), vm.busyProperty());
        subscriptions.bind(dialButton.disableProperty(), vm.busyProperty());
        String tip = messages.format("dial.tooltip", Shortcuts.DIAL.getDisplayText());
        dialNumber.setTooltip(new Tooltip(tip));
        dialButton.setTooltip(new Tooltip(tip));
        dialNumber.setAccessibleText(messages.get("dial.prompt"));
    }

    /** Ctrl+D: the cursor in the number field, its text selected to type over. */
    public void focus() {
        dialNumber.requestFocus();
        dialNumber.selectAll();
    }

    public void dispose() {
        subscriptions.close();
    }

    @FXML
    private void dial() {
        vm.dial();
    }
}
