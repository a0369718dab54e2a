package dev.switchboard.desktop.search;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.sync.SyncViewModel;
import dev.switchboard.desktop.ui.CustomerCell;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/**
 * The search field and its results. Enter searches; Down moves into the results; Enter or a
 * double-click opens a customer; Escape goes back to the contact list.
 */
public final class SearchController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SearchViewModel vm;
    private final SyncViewModel sync;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> fieldKeys = this::onFieldKey;
    private final EventHandler<KeyEvent> listKeys = this::onListKey;
    private final EventHandler<MouseEvent> listClicks = this::onListClick;
    private Runnable onClosed = () -> { };

    @FXML private VBox resultsBox;
    @FXML private TextField field;
    @FXML private Label summaryLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button closeButton;
    @FXML private Label messageLabel;
    @FXML private Label offlineMark;
    @FXML private ListView<CustomerSummary> results;

    public SearchController(SearchViewModel vm, SyncViewModel sync, Messages messages) {
        this.vm = vm;
        this.sync = sync;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bindBidirectional(field.textProperty(), vm.queryProperty());
        field.setOnAction(e -> vm.search());
        field.setTooltip(new Tooltip(messages.format("search.tooltip", Shortcuts.SEARCH.getDisplayText())));
        closeButton.setTooltip(new Tooltip(messages.get("search.close.tooltip")));
        closeButton.setAccessibleText(messages.get("search.close.tooltip"));
        subscriptions.bind(resultsBox.visibleProperty(), vm.activeProperty());
        subscriptions.bind(resultsBox.managedProperty(), vm.activeProperty());
        subscriptions.bind(summaryLabel.textProperty(), vm.summaryProperty());
        subscriptions.bind(progress.visibleProperty(), vm.searchingProperty());
        subscriptions.bind(messageLabel.textProperty(), vm.messageProperty());
        subscriptions.bind(messageLabel.visibleProperty(), vm.messageProperty().isNotEmpty());
        subscriptions.bind(messageLabel.managedProperty(), messageLabel.visibleProperty());
        // working offline, the results come from this desktop's copy of the customers
        subscriptions.bind(offlineMark.textProperty(), sync.searchMarkProperty());
        subscriptions.bind(offlineMark.visibleProperty(), sync.searchMarkProperty().isNotEmpty());
        subscriptions.bind(offlineMark.managedProperty(), offlineMark.visibleProperty());
        subscriptions.listen(vm.failedProperty(), (obs, old, now) -> messageLabel.pseudoClassStateChanged(ERROR, now));
        subscriptions.bind(results.visibleProperty(), Bindings.isNotEmpty(vm.results()));
        subscriptions.bind(results.managedProperty(), results.visibleProperty());
        results.setItems(vm.results());
        results.setCellFactory(view -> new CustomerCell());
        results.setFixedCellSize(CustomerCell.HEIGHT);
        field.addEventFilter(KeyEvent.KEY_PRESSED, fieldKeys);
        results.addEventFilter(KeyEvent.KEY_PRESSED, listKeys);
        results.addEventHandler(MouseEvent.MOUSE_CLICKED, listClicks);
        subscriptions.onClose(() -> {
            field.removeEventFilter(KeyEvent.KEY_PRESSED, fieldKeys);
            results.removeEventFilter(KeyEvent.KEY_PRESSED, listKeys);
            results.removeEventHandler(MouseEvent.MOUSE_CLICKED, listClicks);
        });
    }

    /** Ctrl+F: into the field, text selected so typing replaces it. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Where focus goes when the results close (the contact list). */
    public void onClosed(Runnable action) {
        this.onClosed = action;
    }

    public void dispose() {
        subscriptions.close();
        results.setItems(null);
        onClosed = () -> { };
    }

    @FXML
    private void close() {
        vm.close();
        onClosed.run();
    }

    private void onFieldKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && vm.activeProperty().get()) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN && !vm.results().isEmpty()) {
            results.requestFocus();
            if (results.getSelectionModel().isEmpty()) {
                results.getSelectionModel().select(0);
            }
            e.consume();
        }
    }

    private void onListKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            vm.open(results.getSelectionModel().getSelectedItem());
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && results.getSelectionModel().getSelectedIndex() == 0) {
            field.requestFocus();
            e.consume();
        }
    }

    private void onListClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            vm.open(results.getSelectionModel().getSelectedItem());
        }
    }
}
