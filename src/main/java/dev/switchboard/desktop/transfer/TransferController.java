package dev.switchboard.desktop.transfer;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The transfer panel: type to filter, Down into the list, Tab to the note, Ctrl+Enter to transfer,
 * Escape to close. For a call, a switch at the top swaps the list for an outside number.
 */
public final class TransferController {
    private static final double ROW = 34;

    private final TransferViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private HBox kindBox;
    @FXML private ToggleGroup kindGroup;
    @FXML private ToggleButton directoryToggle;
    @FXML private ToggleButton numberToggle;
    @FXML private VBox directoryBox;
    @FXML private VBox transferNumberBox;
    @FXML private TextField transferNumber;
    @FXML private Label transferNumberError;
    @FXML private TextField filter;
    @FXML private ListView<TransferTarget> targets;
    @FXML private Label targetError;
    @FXML private TextArea note;
    @FXML private Label error;
    @FXML private Button closeButton;
    @FXML private Button submitButton;
    @FXML private ProgressIndicator progress;

    public TransferController(TransferViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bind(root.managedProperty(), vm.openProperty());
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        subscriptions.bindBidirectional(filter.textProperty(), vm.filterProperty());
        targets.setItems(vm.targets());
        targets.setCellFactory(list -> new TargetCell());
        targets.setFixedCellSize(ROW);
        subscriptions.listen(targets.getSelectionModel().selectedItemProperty(),
                (obs, old, now) -> vm.targetProperty().set(now));
        subscriptions.listen(vm.targetProperty(), (obs, old, now) -> {
            if (now == null) {
                targets.getSelectionModel().clearSelection();
            } else if (targets.getSelectionModel().getSelectedItem() != now) {
                targets.getSelectionModel().select(now);
            }
        });
        subscriptions.bindBidirectional(note.textProperty(), vm.noteProperty());
        error(targetError, vm.targetErrorProperty());
        bindNumber();
        error(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(submitButton.disableProperty(), vm.busyProperty());
        submitButton.setTooltip(new Tooltip(messages.format("transfer.submit.tooltip",
                Shortcuts.SUBMIT.getDisplayText())));
        closeButton.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                filter.requestFocus();
            }
        });
    }

    private void bindNumber() {
        subscriptions.bind(kindBox.visibleProperty(), vm.canNumberProperty());
        subscriptions.bind(kindBox.managedProperty(), vm.canNumberProperty());
        subscriptions.bind(transferNumberBox.visibleProperty(), vm.toNumberProperty());
        subscriptions.bind(transferNumberBox.managedProperty(), vm.toNumberProperty());
        subscriptions.bind(directoryBox.visibleProperty(), vm.toNumberProperty().not());
        subscriptions.bind(directoryBox.managedProperty(), directoryBox.visibleProperty());
        subscriptions.bindBidirectional(transferNumber.textProperty(), vm.numberProperty());
        error(transferNumberError, vm.numberErrorProperty());
        subscriptions.listen(kindGroup.selectedToggleProperty(), (obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                vm.toNumberProperty().set(now == numberToggle);
            }
        });
        subscriptions.listen(vm.toNumberProperty(), (obs, old, now) -> showKind(now));
        showKind(vm.toNumberProperty().get());
    }

    private void showKind(boolean toNumber) {
        Toggle wanted = toNumber ? numberToggle : directoryToggle;
        if (!wanted.isSelected()) {
            wanted.setSelected(true);
        }
        if (vm.openProperty().get()) {
            (toNumber ? transferNumber : filter).requestFocus();
        }
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
        targets.setItems(null);
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
        } else if (e.getTarget() == filter && e.getCode() == KeyCode.DOWN && !targets.getItems().isEmpty()) {
            targets.requestFocus();
            if (targets.getSelectionModel().isEmpty()) {
                targets.getSelectionModel().select(0);
            }
            e.consume();
        } else if (e.getTarget() == filter && e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            if (targets.getItems().size() >= 1 && vm.targetProperty().get() == null) {
                targets.getSelectionModel().select(0);
            }
            note.requestFocus();
            e.consume();
        } else if ((e.getTarget() == targets || e.getTarget() == transferNumber) && e.getCode() == KeyCode.ENTER
                && !e.isShortcutDown()) {
            note.requestFocus();
            e.consume();
        }
    }

    private void error(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    /** A queue or an agent: icon, name, and the kind or the agent's state. */
    private static final class TargetCell extends ListCell<TransferTarget> {
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box;

        TargetCell() {
            getStyleClass().add("target-cell");
            icon.getStyleClass().add("target-icon");
            name.getStyleClass().add("target-name");
            detail.getStyleClass().add("target-detail");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(10, icon, name, spacer, detail);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TransferTarget item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            icon.setIconLiteral(item.kind() == TransferTarget.Kind.QUEUE ? "mdi2t-tray-full" : "mdi2a-account-outline");
            name.setText(item.name());
            detail.setText(item.detail());
            setGraphic(box);
        }
    }
}
