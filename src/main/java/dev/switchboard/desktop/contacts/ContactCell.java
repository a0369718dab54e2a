package dev.switchboard.desktop.contacts;

import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.domain.InteractionState;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A contact in the list: channel icon, who (customer or address), what (subject or first line), its
 * state and running clock, and for an offer the time left to take it.
 */
final class ContactCell extends ListCell<ContactItem> {
    private static final PseudoClass OFFERED = PseudoClass.getPseudoClass("offered");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label timer = new Label();
    private final Label subject = new Label();
    private final Label state = new Label();
    private final Label remainingText = new Label();
    private final ProgressBar remaining = new ProgressBar();
    private final HBox box;
    private final ChangeListener<InteractionState> stateListener = (obs, old, now) -> showState(now);
    private ContactItem shown;

    ContactCell() {
        getStyleClass().add("contact-cell");
        title.getStyleClass().add("contact-title");
        timer.getStyleClass().add("contact-timer");
        subject.getStyleClass().add("contact-subject");
        state.getStyleClass().add("contact-state");
        remainingText.getStyleClass().add("contact-remaining-text");
        remaining.getStyleClass().add("contact-remaining");
        remaining.setMaxWidth(Double.MAX_VALUE);
        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("contact-icon");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox top = new HBox(6, title, spacer, timer);
        HBox.setHgrow(remaining, Priority.ALWAYS);
        HBox bottom = new HBox(8, state, remaining, remainingText);
        bottom.getStyleClass().add("contact-status-row");
        VBox text = new VBox(2, top, subject, bottom);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, iconBox, text);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ContactItem item, boolean empty) {
        super.updateItem(item, empty);
        release();
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        shown = item;
        Icons.showChannel(icon, item.channel());
        title.textProperty().bind(item.titleProperty());
        subject.textProperty().bind(item.subjectProperty());
        state.textProperty().bind(item.stateTextProperty());
        timer.textProperty().bind(item.timerProperty());
        remainingText.textProperty().bind(item.remainingTextProperty());
        remaining.progressProperty().bind(item.remainingProperty());
        item.stateProperty().addListener(stateListener);
        showState(item.state());
        setGraphic(box);
    }

    private void showState(InteractionState now) {
        boolean offered = now == InteractionState.OFFERED;
        pseudoClassStateChanged(OFFERED, offered);
        pseudoClassStateChanged(ACTIVE, now == InteractionState.ACTIVE);
        remaining.setVisible(offered);
        remaining.setManaged(offered);
        remainingText.setVisible(offered);
        remainingText.setManaged(offered);
    }

    private void release() {
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
            title.textProperty().unbind();
            subject.textProperty().unbind();
            state.textProperty().unbind();
            timer.textProperty().unbind();
            remainingText.textProperty().unbind();
            remaining.progressProperty().unbind();
            shown = null;
        }
    }
}
