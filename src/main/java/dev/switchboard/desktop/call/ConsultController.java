package dev.switchboard.desktop.call;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
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

/**
 * The consult panel under the call bar's Consult button: a colleague (type to filter, Down into the
 * list) or an outside number; Enter starts the consultation, Escape closes the panel.
 */
public final class ConsultController {
    private static final double ROW = 30;

    private final ConsultViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private ToggleGroup consultKind;
    @FXML private ToggleButton consultColleagueToggle;
    @FXML private ToggleButton consultNumberToggle;
    @FXML private VBox consultColleagueBox;
    @FXML private TextField consultFilter;
    @FXML private ListView<ConsultViewModel.Colleague> consultColleagues;
    @FXML private Label consultColleagueError;
    @FXML private VBox consultNumberBox;
    @FXML private TextField consultNumber;
    @FXML private Label consultNumberError;
    @FXML private Label consultError;
    @FXML private Button consultClose;
    @FXML private Button consultSubmit;
    @FXML private ProgressIndicator consultProgress;

    public ConsultController(ConsultViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bindBidirectional(consultFilter.textProperty(), vm.filterProperty());
        consultColleagues.setItems(vm.colleagues());
        consultColleagues.setCellFactory(list -> new ColleagueCell());
        consultColleagues.setFixedCellSize(ROW);
        subscriptions.listen(consultColleagues.getSelectionModel().selectedItemProperty(),
                (obs, old, now) -> vm.colleagueProperty().set(now));
        subscriptions.listen(vm.colleagueProperty(), (obs, old, now) -> {
            if (now == null) {
                consultColleagues.getSelectionModel().clearSelection();
            } else if (consultColleagues.getSelectionModel().getSelectedItem() != now) {
                consultColleagues.getSelectionModel().select(now);
            }
        });
        subscriptions.bindBidirectional(consultNumber.textProperty(), vm.numberProperty());
        error(consultColleagueError, vm.colleagueErrorProperty());
        error(consultNumberError, vm.numberErrorProperty());
        error(consultError, vm.errorProperty());
        subscriptions.bind(consultNumberBox.visibleProperty(), vm.toNumberProperty());
        subscriptions.bind(consultNumberBox.managedProperty(), vm.toNumberProperty());
        subscriptions.bind(consultColleagueBox.visibleProperty(), vm.toNumberProperty().not());
        subscriptions.bind(consultColleagueBox.managedProperty(), consultColleagueBox.visibleProperty());
        subscriptions.listen(consultKind.selectedToggleProperty(), (obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                vm.toNumberProperty().set(now == consultNumberToggle);
            }
        });
        subscriptions.listen(vm.toNumberProperty(), (obs, old, now) -> showKind(now));
        showKind(vm.toNumberProperty().get());
        subscriptions.bind(consultProgress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(consultSubmit.disableProperty(), vm.busyProperty());
        consultSubmit.setTooltip(new Tooltip(messages.get("call.consult.submit.tooltip")));
        consultClose.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                focusField();
            }
        });
    }

    public void dispose() {
        subscriptions.close();
        consultColleagues.setItems(null);
    }

    /** The focus is in the panel. */
    boolean focusWithin() {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    private void showKind(boolean toNumber) {
        Toggle wanted = toNumber ? consultNumberToggle : consultColleagueToggle;
        if (!wanted.isSelected()) {
            wanted.setSelected(true);
        }
        if (vm.openProperty().get()) {
            focusField();
        }
    }

    private void focusField() {
        (vm.toNumberProperty().get() ? consultNumber : consultFilter).requestFocus();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.close();
            e.consume();
        } else if (e.getTarget() == consultFilter && e.getCode() == KeyCode.DOWN
                && !consultColleagues.getItems().isEmpty()) {
            consultColleagues.requestFocus();
            if (consultColleagues.getSelectionModel().isEmpty()) {
                consultColleagues.getSelectionModel().select(0);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !(e.getTarget() instanceof Button)) {
            vm.start();
            e.consume();
        }
    }

    private void error(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }

    @FXML
    private void start() {
        vm.start();
    }

    @FXML
    private void close() {
        vm.close();
    }

    /** A colleague: name, and their state on the right. */
    private static final class ColleagueCell extends ListCell<ConsultViewModel.Colleague> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final HBox box;

        ColleagueCell() {
            name.getStyleClass().add("consult-colleague-name");
            state.getStyleClass().add("consult-colleague-state");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, name, spacer, state);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConsultViewModel.Colleague item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            state.setText(item.state());
            setGraphic(box);
        }
    }
}
