package dev.switchboard.desktop.queue;

import dev.switchboard.desktop.Urgency;
import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.desktop.ui.UrgencyStyle;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A waiting contact: channel icon, who and how long they have waited (the clock coloured against the
 * queue's threshold), what it is about, and its queue, priority and any badge.
 */
final class QueueCell extends ListCell<QueueItem> {
    private final FontIcon icon = new FontIcon();
    private final Label who = new Label();
    private final Label waited = new Label();
    private final Label subject = new Label();
    private final Label queue = new Label();
    private final Label priority = new Label();
    private final Label badge = new Label();
    private final HBox box;
    private final ChangeListener<Urgency> urgencyListener = (obs, old, now) -> UrgencyStyle.show(waited, now);
    private final ChangeListener<String> badgeListener = (obs, old, now) -> showBadge(now);
    private QueueItem shown;

    QueueCell() {
        getStyleClass().add("queue-cell");
        who.getStyleClass().add("queue-who");
        waited.getStyleClass().add("queue-waited");
        subject.getStyleClass().add("queue-subject");
        queue.getStyleClass().add("queue-name");
        priority.getStyleClass().add("queue-priority");
        badge.getStyleClass().add("queue-badge");
        who.setMinWidth(0);
        subject.setMinWidth(0);
        queue.setMinWidth(0);
        waited.setMinWidth(Region.USE_PREF_SIZE);
        priority.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("queue-icon");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, who, spacer, waited);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(6, queue, priority, gap, badge);
        bottom.getStyleClass().add("queue-detail-row");
        VBox text = new VBox(1, top, subject, bottom);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, iconBox, text);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(QueueItem item, boolean empty) {
        super.updateItem(item, empty);
        release();
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        shown = item;
        Icons.showChannel(icon, item.channel());
        who.textProperty().bind(item.whoProperty());
        subject.textProperty().bind(item.subjectProperty());
        queue.textProperty().bind(item.queueNameProperty());
        priority.textProperty().bind(item.priorityTextProperty());
        waited.textProperty().bind(item.waitedProperty());
        badge.textProperty().bind(item.badgeProperty());
        item.urgencyProperty().addListener(urgencyListener);
        item.badgeProperty().addListener(badgeListener);
        UrgencyStyle.show(waited, item.urgencyProperty().get());
        showBadge(item.badgeProperty().get());
        setGraphic(box);
    }

    private void showBadge(String text) {
        boolean any = text != null && !text.isEmpty();
        badge.setVisible(any);
        badge.setManaged(any);
    }

    private void release() {
        if (shown != null) {
            shown.urgencyProperty().removeListener(urgencyListener);
            shown.badgeProperty().removeListener(badgeListener);
            who.textProperty().unbind();
            subject.textProperty().unbind();
            queue.textProperty().unbind();
            priority.textProperty().unbind();
            waited.textProperty().unbind();
            badge.textProperty().unbind();
            shown = null;
        }
    }
}
