package dev.switchboard.desktop.merge;

import dev.switchboard.client.TicketConflict.Side;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The merge panel: a grid with one row per field both sides changed (its name, the value before, the
 * agent's and the colleague's, the last two as a choice), the fields that merged on their own below,
 * then Save merge (Ctrl+Enter), Keep colleague's, and Cancel (Esc).
 */
public final class MergeController {
    private final MergeViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final EventHandler<KeyEvent> keys = this::onKey;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Label intro;
    @FXML private GridPane grid;
    @FXML private HBox mergedRow;
    @FXML private Label merged;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private Button closeButton;
    @FXML private Button cancelMergeButton;
    @FXML private Button keepTheirsButton;
    @FXML private Button saveMergeButton;

    public MergeController(MergeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        subscriptions.bind(root.visibleProperty(), vm.openProperty());
        subscriptions.bind(root.managedProperty(), vm.openProperty());
        subscriptions.bind(title.textProperty(), vm.titleProperty());
        subscriptions.bind(intro.textProperty(), vm.introProperty());
        subscriptions.bind(merged.textProperty(), vm.mergedProperty());
        subscriptions.bind(mergedRow.visibleProperty(), vm.mergedProperty().isNotEmpty());
        subscriptions.bind(mergedRow.managedProperty(), mergedRow.visibleProperty());
        shownError(error, vm.errorProperty());
        subscriptions.bind(progress.visibleProperty(), vm.busyProperty());
        subscriptions.bind(saveMergeButton.disableProperty(), vm.busyProperty());
        subscriptions.bind(keepTheirsButton.disableProperty(), vm.busyProperty());
        saveMergeButton.setTooltip(new Tooltip(messages.format("merge.save.tooltip", Shortcuts.SUBMIT.getDisplayText())));
        keepTheirsButton.setTooltip(new Tooltip(messages.get("merge.keepTheirs.tooltip")));
        cancelMergeButton.setTooltip(new Tooltip(messages.get("merge.cancel.tooltip")));
        closeButton.setTooltip(new Tooltip(messages.get("panel.close.tooltip")));
        subscriptions.listen(vm.rows(), (ListChangeListener<MergeRow>) c -> showRows());
        showRows();
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        subscriptions.onClose(() -> root.removeEventFilter(KeyEvent.KEY_PRESSED, keys));
        subscriptions.listen(vm.openProperty(), (obs, old, now) -> {
            if (now) {
                focusFirstChoice();
            }
        });
    }

    public void dispose() {
        subscriptions.close();
        grid.getChildren().clear();
    }

    /** Ctrl+Enter of the window while the panel is open. */
    @FXML
    public void submit() {
        vm.save();
    }

    @FXML
    private void keepTheirs() {
        vm.keepTheirs();
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

    private void showRows() {
        grid.getChildren().clear();
        grid.addRow(0, header("merge.column.field"), header("merge.column.before"), header("merge.column.mine"),
                header("merge.column.theirs"));
        int r = 1;
        for (MergeRow row : vm.rows()) {
            String id = row.field().name().toLowerCase(Locale.ROOT);
            Label name = cell(new Label(row.name()), "merge-field");
            Label before = cell(new Label(row.before()), "merge-before");
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = choice(row.mine(), group, "merge-mine-" + id,
                    messages.format("merge.choice.mine", row.name(), row.mine()));
            RadioButton theirs = choice(row.theirs(), group, "merge-theirs-" + id,
                    messages.format("merge.choice.theirs", row.name(), row.theirs()));
            (row.choiceProperty().get() == Side.THEIRS ? theirs : mine).setSelected(true);
            group.selectedToggleProperty().addListener((obs, old, now) -> {
                if (now == null) {
                    old.setSelected(true); // one of the two is always chosen
                } else {
                    row.choiceProperty().set(now == theirs ? Side.THEIRS : Side.MINE);
                }
            });
            grid.addRow(r++, name, before, mine, theirs);
        }
    }

    private void focusFirstChoice() {
        grid.getChildren().stream().filter(n -> n instanceof RadioButton).findFirst().ifPresentOrElse(
                Node::requestFocus, saveMergeButton::requestFocus);
    }

    private Label header(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().addAll("merge-cell", "merge-header");
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label cell(Label label, String style) {
        label.getStyleClass().addAll("merge-cell", style);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static RadioButton choice(String text, ToggleGroup group, String id, String accessible) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setId(id);
        button.setWrapText(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAccessibleText(accessible);
        button.getStyleClass().addAll("merge-cell", "merge-choice");
        return button;
    }

    private void shownError(Label label, ObservableStringValue text) {
        subscriptions.bind(label.textProperty(), text);
        subscriptions.bind(label.visibleProperty(), Bindings.isNotEmpty(text));
        subscriptions.bind(label.managedProperty(), label.visibleProperty());
    }
}
