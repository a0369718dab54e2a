package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.domain.AgentState;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the supervisor's dashboard: the settings (treatment with its explanation, short-abandon
 * cut-off), the alerts, a tile per queue and the agent grid with its filters.
 */
public final class SupervisorController {
    private final SupervisorViewModel vm;
    private final Messages messages;
    private final TileView tiles;
    private final Subscriptions subscriptions = new Subscriptions();
    private SortedList<AgentRow> sorted;

    @FXML private VBox root;
    @FXML private Label updatedLabel;
    @FXML private ComboBox<Treatment> treatmentBox;
    @FXML private Spinner<Integer> cutoffSpinner;
    @FXML private Button refreshButton;
    @FXML private Label treatmentHelp;
    @FXML private VBox alertsBox;
    @FXML private Label noAlerts;
    @FXML private HBox statusRow;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label loadingLabel;
    @FXML private Label errorLabel;
    @FXML private FlowPane tilesPane;
    @FXML private TextField nameFilter;
    @FXML private ComboBox<AgentState> stateFilter;
    @FXML private TableView<AgentRow> agentTable;

    public SupervisorController(SupervisorViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.tiles = new TileView(messages);
    }

    @FXML
    private void initialize() {
        subscriptions.bind(updatedLabel.textProperty(), vm.updatedProperty());
        bindSettings();
        refreshButton.setTooltip(new Tooltip(messages.get("supervisor.refresh")));
        refreshButton.setAccessibleText(messages.get("supervisor.refresh"));

        ObservableBooleanValue waitingForFirst = vm.loadingProperty().and(vm.loadedProperty().not());
        shown(loadingIndicator, waitingForFirst);
        shown(loadingLabel, waitingForFirst);
        subscriptions.bind(errorLabel.textProperty(), vm.errorProperty());
        shown(errorLabel, vm.errorProperty().isNotEmpty());
        shown(statusRow, Bindings.createBooleanBinding(() -> waitingForFirst.get()
                || !vm.errorProperty().get().isEmpty(), waitingForFirst, vm.errorProperty()));

        subscriptions.listen(vm.alerts(), (ListChangeListener<AlertItem>) c -> showAlerts());
        showAlerts();
        subscriptions.listen(vm.tiles(), (ListChangeListener<QueueTile>) c -> showTiles());
        showTiles();

        subscriptions.bindBidirectional(nameFilter.textProperty(), vm.nameFilterProperty());
        List<AgentState> states = new ArrayList<>();
        states.add(null);
        states.addAll(List.of(AgentState.READY, AgentState.NOT_READY, AgentState.BUSY, AgentState.WRAP_UP));
        stateFilter.setItems(FXCollections.observableArrayList(states));
        stateFilter.setConverter(converter());
        stateFilter.setButtonCell(new StateCell());
        stateFilter.setCellFactory(list -> new StateCell());
        stateFilter.setValue(vm.stateFilterProperty().get());
        subscriptions.bindBidirectional(stateFilter.valueProperty(), vm.stateFilterProperty());
        stateFilter.setAccessibleText(messages.get("supervisor.agents.stateFilter"));
        nameFilter.setAccessibleText(messages.get("supervisor.agents.filter"));

        sorted = new SortedList<>(vm.agents());
        subscriptions.bind(sorted.comparatorProperty(), agentTable.comparatorProperty());
        agentTable.setItems(sorted);
        new AgentGrid(messages, tiles).columns(agentTable);
        agentTable.setPlaceholder(new Label(messages.get("supervisor.agents.none")));
    }

    /** Where the cursor starts: the treatment, first of the settings. */
    public void focus() {
        treatmentBox.requestFocus();
    }

    /** Every second, from the window's ticker. */
    public void tick(Instant now) {
        vm.tick(now);
    }

    public void dispose() {
        subscriptions.close();
        agentTable.setItems(null);
        tilesPane.getChildren().clear();
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    private void bindSettings() {
        treatmentBox.setItems(FXCollections.observableArrayList(Treatment.values()));
        treatmentBox.setCellFactory(list -> new TreatmentCell(true));
        treatmentBox.setButtonCell(new TreatmentCell(false));
        treatmentBox.setValue(vm.treatmentProperty().get());
        treatmentBox.setAccessibleText(messages.get("supervisor.treatment"));
        cutoffSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                SupervisorViewModel.MAX_CUTOFF, vm.cutoffProperty().get()));
        cutoffSpinner.setAccessibleText(messages.get("supervisor.cutoff"));
        cutoffSpinner.setTooltip(new Tooltip(messages.get("supervisor.cutoff.help")));
        subscriptions.listen(treatmentBox.valueProperty(), (obs, old, now) -> apply());
        subscriptions.listen(cutoffSpinner.valueProperty(), (obs, old, now) -> apply());
        subscriptions.bind(treatmentHelp.textProperty(), Bindings.createStringBinding(
                () -> vm.treatmentHelp(vm.treatmentProperty().get()), vm.treatmentProperty()));
    }

    private void apply() {
        Integer cutoff = cutoffSpinner.getValue();
        vm.use(treatmentBox.getValue(), cutoff == null ? vm.cutoffProperty().get() : cutoff);
    }

    private void showAlerts() {
        alertsBox.getChildren().setAll(noAlerts);
        noAlerts.setVisible(vm.alerts().isEmpty());
        noAlerts.setManaged(noAlerts.isVisible());
        for (AlertItem a : vm.alerts()) {
            FontIcon icon = new FontIcon(a.critical() ? "mdi2a-alert-circle" : "mdi2a-alert-outline");
            icon.getStyleClass().add("supervisor-alert-icon");
            Label l = new Label(a.text(), icon);
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().addAll("supervisor-alert", a.critical() ? "supervisor-critical" : "supervisor-warning");
            alertsBox.getChildren().add(l);
        }
    }

    private void showTiles() {
        List<Node> nodes = new ArrayList<>();
        for (QueueTile t : vm.tiles()) {
            nodes.add(tiles.tile(t));
        }
        tilesPane.getChildren().setAll(nodes);
    }

    private void shown(Node node, ObservableBooleanValue visible) {
        subscriptions.bind(node.visibleProperty(), visible);
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private StringConverter<AgentState> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(AgentState state) {
                return vm.stateText(state);
            }

            @Override
            public AgentState fromString(String text) {
                return null;
            }
        };
    }

    private final class StateCell extends ListCell<AgentState> {
        @Override
        protected void updateItem(AgentState item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : vm.stateText(item));
        }
    }

    /** A treatment; in the open list with its one-line explanation under it. */
    private final class TreatmentCell extends ListCell<Treatment> {
        private final boolean explained;

        TreatmentCell(boolean explained) {
            this.explained = explained;
        }

        @Override
        protected void updateItem(Treatment item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (!explained) {
                setText(vm.treatmentText(item));
                setGraphic(null);
                return;
            }
            Label name = new Label(vm.treatmentText(item));
            name.getStyleClass().add("supervisor-option-name");
            Label help = new Label(vm.treatmentHelp(item));
            help.getStyleClass().add("supervisor-option-help");
            setText(null);
            setGraphic(new VBox(1, name, help));
        }
    }
}
