package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Campaigns tab's content: a table of the campaigns with their progress and abandon rate, and Pause…
 * / Resume for the selected one (button, context menu, {@link SupervisorKeys#PAUSE_RESUME}). Pausing asks
 * first. The selected campaign stays selected while refreshes replace its row. Built in code, like the
 * tiles and the chart; the columns are {@link CampaignGrid}'s.
 */
final class CampaignsPane {
    private final CampaignsViewModel vm;
    private final Messages messages;
    private final VBox root = new VBox(6);
    private final TableView<CampaignRow> table = new TableView<>();
    private final Button toggleButton = new Button();
    private final MenuItem toggleItem = new MenuItem();
    private final Label placeholder = new Label();
    private final Label errorLine = new Label();
    private final SortedList<CampaignRow> sorted;
    private Long selectedId;
    private boolean showing;

    CampaignsPane(CampaignsViewModel vm, Messages messages, Subscriptions subscriptions) {
        this.vm = vm;
        this.messages = messages;
        root.getStyleClass().add("supervisor-campaigns");

        Label title = new Label(messages.get("supervisor.campaigns.title"));
        title.getStyleClass().add("supervisor-section");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label(messages.format("supervisor.campaigns.caption", CampaignsViewModel.REFRESH_SECONDS));
        caption.getStyleClass().add("supervisor-caption");
        caption.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        toggleButton.setId("campaignToggle");
        toggleButton.setMinWidth(Region.USE_PREF_SIZE);
        toggleButton.setOnAction(e -> toggle());
        HBox header = new HBox(10, title, caption, gap, toggleButton);
        header.setAlignment(Pos.CENTER_LEFT);

        errorLine.setId("campaignsError");
        errorLine.getStyleClass().add("supervisor-error");
        errorLine.setWrapText(true);
        errorLine.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bind(errorLine.textProperty(), vm.errorProperty());
        // with no rows the error takes the table's place instead
        subscriptions.bind(errorLine.visibleProperty(), vm.errorProperty().isNotEmpty()
                .and(Bindings.isNotEmpty(vm.campaigns())));
        subscriptions.bind(errorLine.managedProperty(), errorLine.visibleProperty());

        table.setId("campaignTable");
        table.getStyleClass().add("supervisor-table");
        sorted = new SortedList<>(vm.campaigns());
        subscriptions.bind(sorted.comparatorProperty(), table.comparatorProperty());
        table.setItems(sorted);
        new CampaignGrid(messages).columns(table);
        placeholder.setId("campaignsPlaceholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        subscriptions.listen(vm.errorProperty(), (obs, old, now) -> showPlaceholder());
        subscriptions.listen(vm.loadedProperty(), (obs, old, now) -> showPlaceholder());
        showPlaceholder();

        toggleItem.setAccelerator(SupervisorKeys.PAUSE_RESUME);
        toggleItem.setOnAction(e -> toggle());
        table.setContextMenu(new ContextMenu(toggleItem));
        keepSelection(subscriptions);
        subscriptions.listen(vm.busyProperty(), (obs, old, now) -> enable());
        subscriptions.onClose(() -> {
            table.setContextMenu(null);
            table.setItems(null);
        });
        enable();

        StackPane tableHost = new StackPane(table);
        VBox.setVgrow(tableHost, Priority.ALWAYS);
        root.getChildren().addAll(header, errorLine, tableHost);
    }

    Node node() {
        return root;
    }

    /** The tab was opened or left: the list is asked for while it is open. */
    void showing(boolean now) {
        showing = now;
        vm.showing(now);
    }

    /** The cursor goes to the table, so the arrows choose a campaign. */
    void focus() {
        table.requestFocus();
    }

    /** Pause… (after asking) or Resume on the selected campaign; only while the tab is open. */
    void toggle() {
        CampaignRow row = table.getSelectionModel().getSelectedItem();
        if (!showing || row == null || vm.busyProperty().get()) {
            return;
        }
        if (!row.active()) {
            vm.toggle(row);
            return;
        }
        Dialog<Boolean> d = Dialogs.create(table, messages.get("supervisor.campaigns.pause.title"),
                messages.get("supervisor.campaigns.pause.ok"), "campaign-pause");
        Label question = new Label(vm.pauseQuestion(row));
        question.setId("campaign-pause-question");
        question.setWrapText(true);
        question.setPrefWidth(380);
        question.getStyleClass().add("supervisor-dialog-prompt");
        d.getDialogPane().setContent(question);
        d.setResultConverter(Dialogs::isOk);
        d.resultProperty().addListener((obs, old, yes) -> {
            if (Boolean.TRUE.equals(yes)) {
                vm.toggle(row);
            }
        });
        d.show();
    }

    private void enable() {
        CampaignRow row = table.getSelectionModel().getSelectedItem();
        boolean off = row == null || vm.busyProperty().get();
        String text = vm.actionText(row);
        String tip = vm.actionTip(row, SupervisorKeys.PAUSE_RESUME.getDisplayText());
        toggleButton.setText(text);
        toggleButton.setGraphic(new FontIcon(row != null && !row.active() ? "mdi2p-play-circle-outline"
                : "mdi2p-pause-circle-outline"));
        toggleButton.setTooltip(new Tooltip(tip));
        toggleButton.setDisable(off);
        toggleItem.setText(text);
        toggleItem.setDisable(off);
    }

    private void showPlaceholder() {
        String error = vm.errorProperty().get();
        placeholder.setText(!error.isEmpty() ? error
                : !vm.loadedProperty().get() ? messages.get("supervisor.campaigns.loading")
                : messages.get("supervisor.campaigns.empty"));
        placeholder.getStyleClass().setAll("label", error.isEmpty() ? "supervisor-campaign-empty" : "supervisor-error");
    }

    /**
     * Refreshes replace rows (the selected one's too); the campaign chosen is chosen again, so a pause is
     * never lost to the next refresh.
     */
    private void keepSelection(Subscriptions subscriptions) {
        subscriptions.listen(table.getSelectionModel().selectedItemProperty(), (obs, old, row) -> {
            if (row != null) {
                selectedId = row.id();
            }
            enable();
        });
        subscriptions.listen(sorted, (ListChangeListener<CampaignRow>) change -> {
            if (selectedId != null) {
                for (int i = 0; i < sorted.size(); i++) {
                    if (sorted.get(i).id() == selectedId) {
                        if (table.getSelectionModel().getSelectedItem() != sorted.get(i)) {
                            table.getSelectionModel().select(i);
                        }
                        break;
                    }
                }
            }
            enable();
        });
    }
}
