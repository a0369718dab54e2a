package dev.switchboard.desktop.callback;

import dev.switchboard.api.QueueView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The callback panel: Tab through number, when, to whom and note; Ctrl+Enter to book it; Escape to close. */
public final class CallbackController {
    private final CallbackViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private ComboBox<String> numberBox;
    @FXML private Label numberError;
    @FXML private ToggleGroup whenGroup;
    @FXML private RadioButton nowButton;
    @FXML private RadioButton laterButton;
    @FXML private DatePicker datePicker;
    @FXML private TextField timeField;
    @FXML private Label whenError;
    @FXML private ToggleGroup toGroup;
    @FXML private RadioButton queueButton;
    @FXML private RadioButton meButton;
    @FXML private ComboBox<QueueView> queueBox;
    @FXML private TextField note;
    @FXML private Label error;
    @FXML private Button closeButton;
    @FXML private Button submitButton;
    @FXML private ProgressIndicator progress;

    public CallbackController(CallbackViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bind(root.managedProperty(), vm.openProperty());
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        numberBox.setItems(vm.numbers());
        subscriptions.bindBidirectional(numberBox.getEditor().textProperty(), vm.numberProperty());
        subscriptions.listen(numberBox.valueProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.numberProperty().set(now);
            }
        });
        subscriptions.bind(nowButton.textProperty(), vm.nowTextProperty());
        nowButton.setUserData(CallbackViewModel.When.NOW);
        laterButton.setUserData(CallbackViewModel.When.LATER);
        follow(whenGroup, vm.whenProperty().get());
        subscriptions.listen(whenGroup.selectedToggleProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.whenProperty().set((CallbackViewModel.When) now.getUserData());
            }
        });
        subscriptions.listen(vm.whenProperty(), (obs, old, now) -> follow(whenGroup, now));
        subscriptions.bindBidirectional(datePicker.valueProperty(), vm.dateProperty());
        subscriptions.bindBidirectional(timeField.textProperty(), vm.timeProperty());
        subscriptions.bind(datePicker.disableProperty(), vm.whenProperty().isNotEqualTo(CallbackViewModel.When.LATER));
        subscriptions.bind(timeField.disableProperty(), datePicker.disableProperty());

        queueButton.setUserData(CallbackViewModel.To.QUEUE);
        meButton.setUserData(CallbackViewModel.To.ME);
        follow(toGroup, vm.toProperty().get());
        subscriptions.listen(toGroup.selectedToggleProperty(), (obs, old, now) -> {
            if (now != null) {
                vm.toProperty().set((CallbackViewModel.To) now.getUserData());
            }
        });
        subscriptions.listen(vm.toProperty(), (obs, old, now) -> follow(toGroup, now));
        queueBox.setItems(vm.queues());
        queueBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueueView q) {
                return q == null ? "" : q.name();
            }

            @Override
            public QueueView fromString(String s) {
                return null;
            }
        });
        subscriptions.bindBidirectional(queueBox.valueProperty(), vm.queueProperty());
        subscriptions.bind(queueBox.disableProperty(), vm.toProperty().isNotEqualTo(CallbackViewModel.To.QUEUE));
        subscriptions.bindBidirectional(note.textProperty(), vm.noteProperty());

        error(numberError, vm.numberErrorProperty());
        error(whenError, vm.whenErrorProperty());
        error(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(submitButton.disableProperty(), vm.busyProperty());
        submitButton.setTooltip(new Tooltip(messages.format("callback.submit.tooltip",
                Shortcuts.SUBMIT.getDisplayText())));
        closeButton.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                numberBox.getEditor().requestFocus();
                numberBox.getEditor().selectAll();
            }
        });
    }

    public boolean focusWithin() {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    public void dispose() {
        subscriptions.close();
        numberBox.setItems(null);
        queueBox.setItems(null);
    }

    @FXML
    public void submit() {
        vm.submit();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.cancel();
            e.consume();
        }
    }

    private static void follow(ToggleGroup group, Object value) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == value && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }

    private void error(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }
}
