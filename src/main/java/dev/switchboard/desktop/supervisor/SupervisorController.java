package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.admin.AdminController;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.FileChoosers;
import dev.switchboard.desktop.ui.FileDialogs;
import dev.switchboard.domain.AgentState;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.input.KeyEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Binds the supervisor's dashboard: the settings (treatment with its explanation, short-abandon
 * cut-off), the alerts, the line about the last action, a tile per queue (with its priority and
 * actions), the chart of today or the outbound campaigns, and the agent grid with its filters and actions;
 * the report export and the case report.
 */
public final class SupervisorController {
    private final SupervisorViewModel vm;
    private final Messages messages;
    private final TileView tiles;
    private Map<Long, TileView.Tile> tileNodes = Map.of();
    private Long selectedAgent;
    private final FileDialogs files;
    private final QueueMenu queueMenu;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private SortedList<AgentRow> sorted;
    private AgentMenu agentMenu;
    private IntervalChart chart;
    private CampaignsPane campaigns;
    private final Supplier<AdminController> admin;
    private AdminController adminView;

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
    @FXML private ComboBox<QueueChoice> queueFilter;
    @FXML private Button makeReadyButton;
    @FXML private Button makeNotReadyButton;
    @FXML private Button exportButton;
    @FXML private Button caseReportButton;
    @FXML private HBox feedbackRow;
    @FXML private ProgressIndicator feedbackBusy;
    @FXML private Label feedbackLabel;
    @FXML private Button feedbackClose;
    @FXML private TabPane sections;
    @FXML private Tab queuesTab;
    @FXML private Tab chartTab;
    @FXML private Tab campaignsTab;
    @FXML private StackPane campaignsHost;
    @FXML private Label chartCaption;
    @FXML private ComboBox<QueueChoice> chartQueue;
    @FXML private Label targetLegend;
    @FXML private Label chartNote;
    @FXML private StackPane chartHost;
    @FXML private Label chartEmpty;
    @FXML private javafx.scene.control.MenuButton toolsMenu;
    @FXML private javafx.scene.control.MenuItem duplicatesItem;
    @FXML private javafx.scene.control.MenuItem knowledgeEditorItem;
    private final SupervisorTools tools = new SupervisorTools();

    /** With the platform's save dialog. */
    public SupervisorController(SupervisorViewModel vm, Messages messages) {
        this(vm, messages, new FileChoosers());
    }

    /** With the file dialogs to ask where a report goes (a test answers them). */
    public SupervisorController(SupervisorViewModel vm, Messages messages, FileDialogs files) {
        this(vm, messages, files, null);
    }

    /** With {@code admin}, which loads the Administration tab; null for everyone but administrators. */
    public SupervisorController(SupervisorViewModel vm, Messages messages, FileDialogs files,
                                Supplier<AdminController> admin) {
        this.admin = admin;
        this.vm = vm;
        this.messages = messages;
        this.files = files;
        this.tiles = new TileView(messages);
        this.queueMenu = new QueueMenu(messages, vm);
    }

    @FXML
    private void initialize() {
        tools.bind(toolsMenu, duplicatesItem, knowledgeEditorItem, root, messages);
        subscriptions.bind(updatedLabel.textProperty(), vm.updatedProperty());
        bindSettings();
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
        keepSelectedAgent();
        new AgentGrid(messages, tiles).columns(agentTable);
        agentTable.setPlaceholder(new Label(messages.get("supervisor.agents.none")));

        bindQueueFilter();
        agentMenu = new AgentMenu(vm.agentActions(), messages, agentTable, makeReadyButton, makeNotReadyButton,
                subscriptions);
        subscriptions.listen(vm.agents(), (ListChangeListener<AgentRow>) c -> agentMenu.enable());
        bindFeedback();
        bindChart();
        bindCampaigns();
        addAdminTab();
        exportButton.setTooltip(new Tooltip(messages.format("supervisor.report.tip",
                SupervisorKeys.EXPORT.getDisplayText())));
        caseReportButton.setTooltip(new Tooltip(messages.format("supervisor.caseReport.tip",
                SupervisorKeys.CASE_REPORT.getDisplayText())));
        refreshButton.setTooltip(new Tooltip(messages.format("supervisor.refresh.tip",
                SupervisorKeys.REFRESH.getDisplayText())));
        queuesTab.setTooltip(new Tooltip(SupervisorKeys.SHOW_QUEUES.getDisplayText()));
        chartTab.setTooltip(new Tooltip(SupervisorKeys.SHOW_CHART.getDisplayText()));
        campaignsTab.setTooltip(new Tooltip(SupervisorKeys.SHOW_CAMPAIGNS.getDisplayText()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
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
        tileNodes = Map.of();
        queueFilter.setItems(null);
        chartQueue.setItems(null);
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void makeReady() {
        agentMenu.makeReady();
    }

    @FXML
    private void makeNotReady() {
        agentMenu.makeNotReady();
    }

    @FXML
    private void exportReport() {
        ReportDialog.open(root, messages, vm, files);
    }

    @FXML
    private void openCaseReport() {
        CaseReportDialog.open(root, messages, vm);
    }

    /** Gives the dashboard Tools › Duplicate customers… (see {@link SupervisorTools}). */
    public void mergeCustomersWith(dev.switchboard.desktop.customer.CustomerPickViewModel pick,
                                   dev.switchboard.desktop.customer.CustomerMergeViewModel merge) {
        tools.mergeCustomersWith(pick, merge);
    }

    /** Gives the dashboard Tools › Knowledge and call scripts… (see {@link SupervisorTools}). */
    public void editKnowledgeWith(dev.switchboard.desktop.knowledge.KnowledgeEditorViewModel editor) {
        tools.editKnowledgeWith(editor);
    }

    @FXML
    private void dismissFeedback() {
        vm.feedback().dismiss();
    }

    /** The dashboard's shortcuts; a filter, so that no control in it swallows them first. */
    private void onKey(KeyEvent e) {
        if (SupervisorKeys.MAKE_READY.match(e)) {
            agentMenu.makeReady();
        } else if (SupervisorKeys.MAKE_NOT_READY.match(e)) {
            agentMenu.makeNotReady();
        } else if (SupervisorKeys.CHANGE_PRIORITY.match(e)) {
            queueMenu.changePriority(root, queueInFocus());
        } else if (SupervisorKeys.WAITING.match(e)) {
            queueMenu.showWaiting(root, queueInFocus());
        } else if (SupervisorKeys.EXPORT.match(e)) {
            exportReport();
        } else if (SupervisorKeys.CASE_REPORT.match(e)) {
            openCaseReport();
        } else if (SupervisorKeys.REFRESH.match(e)) {
            vm.refresh();
        } else if (SupervisorKeys.SHOW_QUEUES.match(e)) {
            sections.getSelectionModel().select(queuesTab);
        } else if (SupervisorKeys.SHOW_CHART.match(e)) {
            sections.getSelectionModel().select(chartTab);
        } else if (SupervisorKeys.SHOW_CAMPAIGNS.match(e)) {
            sections.getSelectionModel().select(campaignsTab);
            campaigns.focus();
        } else if (SupervisorKeys.PAUSE_RESUME.match(e) && campaignsTab.isSelected()) {
            campaigns.toggle();
        } else if (SupervisorKeys.SHOW_AGENTS.match(e)) {
            agentTable.requestFocus();
        } else {
            return;
        }
        e.consume();
    }

    /** The queue of the tile holding the cursor, else the one the chart shows (null: none chosen). */
    private Long queueInFocus() {
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n.getUserData() instanceof Long id && n.getStyleClass().contains("supervisor-tile")) {
                return id;
            }
        }
        return vm.chart().queueProperty().get();
    }

    private void bindQueueFilter() {
        queueFilter.setItems(vm.queues());
        queueFilter.setConverter(queueNames());
        queueFilter.setAccessibleText(messages.get("supervisor.agents.queueFilter"));
        queueFilter.setTooltip(new Tooltip(messages.get("supervisor.agents.queueFilter")));
        selectQueue(queueFilter, vm.queueFilterProperty().get());
        subscriptions.listen(queueFilter.valueProperty(), (obs, old, q) -> {
            if (q != null) {
                vm.queueFilterProperty().set(q.id());
            }
        });
        // the list is replaced when a queue's priority changes: keep the choice
        subscriptions.listen(vm.queues(), (ListChangeListener<QueueChoice>) c ->
                selectQueue(queueFilter, vm.queueFilterProperty().get()));
    }

    private void bindFeedback() {
        subscriptions.bind(feedbackLabel.textProperty(), vm.feedback().textProperty());
        shown(feedbackRow, vm.feedback().textProperty().isNotEmpty());
        shown(feedbackBusy, vm.feedback().busyProperty());
        subscriptions.bind(feedbackClose.disableProperty(), vm.feedback().busyProperty());
        feedbackClose.setAccessibleText(messages.get("supervisor.feedback.dismiss"));
        feedbackClose.setTooltip(new Tooltip(messages.get("supervisor.feedback.dismiss")));
        subscriptions.listen(vm.feedback().errorProperty(), (obs, old, bad) -> markError(bad));
        markError(vm.feedback().errorProperty().get());
    }

    private void markError(boolean bad) {
        feedbackRow.getStyleClass().remove("supervisor-feedback-error");
        if (bad) {
            feedbackRow.getStyleClass().add("supervisor-feedback-error");
        }
    }

    private void bindChart() {
        IntervalChartModel model = vm.chart();
        chart = new IntervalChart(messages);
        chart.setId("intervalChart");
        chartHost.getChildren().add(0, chart);
        chartQueue.setItems(model.queues());
        chartQueue.setConverter(queueNames());
        chartQueue.setAccessibleText(messages.get("supervisor.chart.queue"));
        selectQueue(chartQueue, model.queueProperty().get());
        subscriptions.listen(chartQueue.valueProperty(), (obs, old, q) -> {
            if (q != null) {
                model.queueProperty().set(q.id());
            }
        });
        subscriptions.listen(model.queues(), (ListChangeListener<QueueChoice>) c ->
                selectQueue(chartQueue, model.queueProperty().get()));
        subscriptions.listen(model.dataProperty(), (obs, old, data) -> showChart());
        subscriptions.listen(model.errorProperty(), (obs, old, data) -> showChart());
        subscriptions.listen(model.loadedProperty(), (obs, old, data) -> showChart());
        showChart();
    }

    /** The Campaigns tab: asked for while it is open. */
    private void bindCampaigns() {
        campaigns = new CampaignsPane(vm.campaigns(), messages, subscriptions);
        campaignsHost.getChildren().add(campaigns.node());
        subscriptions.listen(campaignsTab.selectedProperty(), (obs, old, open) -> campaigns.showing(open));
        campaigns.showing(campaignsTab.isSelected());
        subscriptions.onClose(() -> campaigns.showing(false));
    }

    /** The Administration tab, for administrators only: asked for each time it is opened. */
    private void addAdminTab() {
        if (admin == null) {
            return;
        }
        adminView = admin.get();
        Tab tab = new Tab(messages.get("admin.tab"), adminView.root());
        tab.setId("adminTab");
        sections.getTabs().add(tab);
        subscriptions.listen(tab.selectedProperty(), (obs, old, open) -> {
            if (open) {
                adminView.opened();
            }
        });
        subscriptions.onClose(adminView::dispose);
    }

    private void showChart() {
        IntervalChartModel model = vm.chart();
        ChartData data = model.dataProperty().get();
        chart.show(data);
        chartCaption.setText(data.caption());
        chartNote.setText(data.note());
        targetLegend.setVisible(data.target() != null);
        targetLegend.setManaged(targetLegend.isVisible());
        String error = model.errorProperty().get();
        String empty = !error.isEmpty() ? error
                : !model.loadedProperty().get() ? messages.get("supervisor.chart.loading")
                : !data.hasContacts() ? messages.get("supervisor.chart.empty") : "";
        chartEmpty.setText(empty);
        chartEmpty.setVisible(!empty.isEmpty());
        chartEmpty.getStyleClass().remove("supervisor-error");
        if (!error.isEmpty()) {
            chartEmpty.getStyleClass().add("supervisor-error");
        }
        chart.setVisible(data.hasContacts());
    }

    private static void selectQueue(ComboBox<QueueChoice> box, Long id) {
        QueueChoice match = box.getItems().stream().filter(q -> java.util.Objects.equals(q.id(), id))
                .findFirst().orElse(box.getItems().isEmpty() ? null : box.getItems().get(0));
        if (match != null && !match.equals(box.getValue())) {
            box.setValue(match);
        }
    }

    private static StringConverter<QueueChoice> queueNames() {
        return new StringConverter<>() {
            @Override
            public String toString(QueueChoice q) {
                return q == null ? "" : q.name();
            }

            @Override
            public QueueChoice fromString(String text) {
                return null;
            }
        };
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

    /**
     * The agent a supervisor selected stays selected while newer dashboards replace rows (theirs
     * included), so an action on them is not lost to the next update.
     */
    private void keepSelectedAgent() {
        subscriptions.listen(agentTable.getSelectionModel().selectedItemProperty(), (obs, old, row) -> {
            if (row != null) {
                selectedAgent = row.agentId();
            }
        });
        subscriptions.listen(sorted, (javafx.collections.ListChangeListener<AgentRow>) change -> {
            if (selectedAgent == null || agentTable.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            for (AgentRow row : sorted) {
                if (row.agentId() == selectedAgent) {
                    agentTable.getSelectionModel().select(row);
                    return;
                }
            }
        });
    }

    /** Each queue keeps its tile's nodes; only what changed on it is shown anew. */
    private void showTiles() {
        Map<Long, TileView.Tile> next = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (QueueTile t : vm.tiles()) {
            TileView.Tile tile = tileNodes.get(t.queueId());
            if (tile != null && tile.fits(t)) {
                tile.update(t);
            } else {
                tile = tiles.tile(t, queueMenu);
            }
            next.put(t.queueId(), tile);
            nodes.add(tile.node());
        }
        tileNodes = next;
        if (!nodes.equals(tilesPane.getChildren())) {
            tilesPane.getChildren().setAll(nodes);
        }
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
