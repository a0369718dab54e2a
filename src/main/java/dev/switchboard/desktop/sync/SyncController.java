package dev.switchboard.desktop.sync;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the banner: the headline with its facts (changes waiting, the oldest of them in a tooltip,
 * when the desktop last synced, the last error) and Try now; a resync's progress; one row per ticket
 * change to merge (Review) and per refused write (Dismiss). Hidden, taking no room, when all is well.
 */
public final class SyncController {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final SyncViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Tooltip pendingTip = new Tooltip();
    private final Tooltip syncTip = new Tooltip();

    @FXML private VBox root;
    @FXML private HBox statusRow;
    @FXML private FontIcon statusIcon;
    @FXML private Label syncHeadline;
    @FXML private HBox factsRow;
    @FXML private Label pendingLabel;
    @FXML private Label lastSyncLabel;
    @FXML private Button syncRetryButton;
    @FXML private HBox resyncRow;
    @FXML private ProgressBar resyncBar;
    @FXML private Label resyncLabel;
    @FXML private VBox issuesBox;
    @FXML private Label syncError;

    public SyncController(SyncViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        shown(root, vm.shownProperty());
        shown(statusRow, vm.headlineProperty().isNotEmpty());
        subscriptions.bind(syncHeadline.textProperty(), vm.headlineProperty());
        shown(factsRow, vm.offlineProperty());
        subscriptions.bind(pendingLabel.textProperty(), vm.pendingProperty());
        shown(pendingLabel, vm.pendingProperty().isNotEmpty());
        tip(pendingLabel, pendingTip, vm.pendingListProperty());
        subscriptions.bind(lastSyncLabel.textProperty(), vm.lastSyncProperty());
        tip(lastSyncLabel, syncTip, vm.lastErrorProperty());
        shown(syncRetryButton, vm.canRetryProperty());
        syncRetryButton.setTooltip(new Tooltip(messages.get("sync.retry.tooltip")));
        shown(resyncRow, vm.resyncingProperty());
        subscriptions.bind(resyncBar.progressProperty(), vm.resyncProgressProperty());
        subscriptions.bind(resyncLabel.textProperty(), vm.resyncTextProperty());
        subscriptions.bind(syncError.textProperty(), vm.errorProperty());
        shown(syncError, vm.errorProperty().isNotEmpty());
        subscriptions.listen(vm.offlineProperty(), (obs, old, now) -> showOffline(now));
        showOffline(vm.offlineProperty().get());
        subscriptions.listen(vm.issues(), (ListChangeListener<SyncIssue>) c -> showIssues());
        showIssues();
    }

    public void dispose() {
        subscriptions.close();
        issuesBox.getChildren().clear();
    }

    @FXML
    private void retry() {
        vm.retryNow();
    }

    private void showOffline(boolean offline) {
        root.pseudoClassStateChanged(OFFLINE, offline);
        statusIcon.setIconLiteral(offline ? "mdi2c-cloud-off-outline" : "mdi2c-cloud-upload-outline");
    }

    private void showIssues() {
        issuesBox.getChildren().clear();
        for (SyncIssue issue : vm.issues()) {
            issuesBox.getChildren().add(row(issue));
        }
        issuesBox.setVisible(!vm.issues().isEmpty());
        issuesBox.setManaged(issuesBox.isVisible());
    }

    private Node row(SyncIssue issue) {
        FontIcon icon = new FontIcon(switch (issue.kind()) {
            case CONFLICT -> "mdi2s-source-merge";
            case REFUSED -> "mdi2a-alert-circle-outline";
            case MORE -> "mdi2d-dots-horizontal";
        });
        icon.getStyleClass().add("sync-issue-icon");
        Label text = new Label(issue.text());
        text.getStyleClass().add("sync-issue-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("sync-issue", switch (issue.kind()) {
            case CONFLICT -> "sync-conflict";
            case REFUSED -> "sync-refused";
            case MORE -> "sync-more";
        });
        if (issue.kind() == SyncIssue.Kind.CONFLICT) {
            row.getChildren().add(button(messages.get("sync.review"), "mdi2s-source-merge",
                    messages.get("sync.review.tooltip"), () -> vm.review(issue.conflict())));
        } else if (issue.kind() == SyncIssue.Kind.REFUSED) {
            row.getChildren().add(button(messages.get("sync.dismiss"), "mdi2c-check",
                    messages.get("sync.dismiss.tooltip"), () -> vm.dismiss(issue.failed())));
        }
        return row;
    }

    private static Button button(String text, String icon, String tooltip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void tip(Label label, Tooltip tooltip, ObservableStringValue text) {
        subscriptions.bind(tooltip.textProperty(), text);
        subscriptions.bind(label.accessibleHelpProperty(), text);
        subscriptions.listen(text, (obs, old, now) -> label.setTooltip(now == null || now.isEmpty() ? null : tooltip));
        label.setTooltip(text.get() == null || text.get().isEmpty() ? null : tooltip);
    }

    private void shown(Node node, ObservableBooleanValue visible) {
        subscriptions.bind(node.visibleProperty(), visible);
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }
}
