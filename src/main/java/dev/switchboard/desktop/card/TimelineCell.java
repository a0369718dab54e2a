package dev.switchboard.desktop.card;

import dev.switchboard.desktop.ui.Icons;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** One row of the timeline: channel, direction, subject and time; expanded, the whole body. */
final class TimelineCell extends ListCell<TimelineEntry> {
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");

    private final FontIcon channel = new FontIcon();
    private final FontIcon direction = new FontIcon();
    private final Label subject = new Label();
    private final Label when = new Label();
    private final FontIcon chevron = new FontIcon("mdi2c-chevron-right");
    private final Label body = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Tooltip directionTip = new Tooltip();
    private final VBox box;
    private final ChangeListener<Boolean> expandedListener = (obs, old, now) -> showExpanded(now);
    private TimelineEntry shown;

    TimelineCell(Consumer<TimelineEntry> toggle) {
        getStyleClass().add("timeline-cell");
        channel.getStyleClass().add("channel-icon");
        direction.getStyleClass().add("direction-icon");
        subject.getStyleClass().add("timeline-subject");
        when.getStyleClass().add("timeline-when");
        chevron.getStyleClass().add("timeline-chevron");
        body.getStyleClass().add("timeline-body");
        body.setWrapText(true);
        body.setMinHeight(Label.USE_PREF_SIZE);
        loading.getStyleClass().add("small-progress");
        Tooltip.install(direction, directionTip);
        StackPane icon = new StackPane(channel);
        icon.getStyleClass().add("timeline-icon");
        subject.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(subject, Priority.ALWAYS);
        HBox header = new HBox(8, icon, direction, subject, loading, when, chevron);
        header.getStyleClass().add("timeline-header");
        header.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, header, body);
        VBox.setMargin(body, new Insets(2, 26, 4, 60));
        setPrefWidth(0);
        setOnMouseClicked(e -> {
            if (!isEmpty() && e.getButton() == MouseButton.PRIMARY) {
                toggle.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(TimelineEntry item, boolean empty) {
        super.updateItem(item, empty);
        release();
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        shown = item;
        Icons.showChannel(channel, item.channel());
        direction.setIconLiteral(Icons.direction(item.direction()));
        directionTip.setText(item.directionText());
        subject.setText(item.subject());
        when.setText(item.when());
        body.textProperty().bind(item.bodyProperty());
        loading.visibleProperty().bind(item.loadingProperty());
        loading.managedProperty().bind(item.loadingProperty());
        item.expandedProperty().addListener(expandedListener);
        showExpanded(item.expandedProperty().get());
        setGraphic(box);
    }

    private void showExpanded(boolean expanded) {
        body.setVisible(expanded);
        body.setManaged(expanded);
        chevron.setIconLiteral(expanded ? "mdi2c-chevron-down" : "mdi2c-chevron-right");
        pseudoClassStateChanged(EXPANDED, expanded);
    }

    private void release() {
        if (shown != null) {
            shown.expandedProperty().removeListener(expandedListener);
            body.textProperty().unbind();
            loading.visibleProperty().unbind();
            loading.managedProperty().unbind();
            shown = null;
        }
    }
}
