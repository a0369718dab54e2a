package dev.switchboard.desktop.contacts;

import dev.switchboard.desktop.Urgency;
import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.desktop.ui.UrgencyStyle;
import dev.switchboard.domain.InteractionState;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
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
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A contact in the list: channel icon, who (customer or address), what (subject or first line), its
 * state and running clock, and for an offer the time left to take it; an offer's icon rings (a pulsing
 * accent halo) until it is answered.
 */
final class ContactCell extends ListCell<ContactItem> {
    private static final PseudoClass OFFERED = PseudoClass.getPseudoClass("offered");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass WRAP_UP = PseudoClass.getPseudoClass("wrap-up");

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label timer = new Label();
    private final Label subject = new Label();
    private final Label state = new Label();
    private final Label remainingText = new Label();
    private final ProgressBar remaining = new ProgressBar();
    private final Region ring = new Region();
    private final FadeTransition pulse = new FadeTransition(Duration.millis(700), ring);
    private final HBox box;
    private final ChangeListener<InteractionState> stateListener = (obs, old, now) -> showState(now);
    private final ChangeListener<Urgency> urgencyListener = (obs, old, now) -> UrgencyStyle.show(timer, now);
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
        StackPane iconBox = new StackPane(ring, icon);
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
        ring.getStyleClass().add("contact-ring");
        pulse.setFromValue(0.9);
        pulse.setToValue(0.15);
        pulse.setAutoReverse(true);
        pulse.setCycleCount(Animation.INDEFINITE);
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
        item.urgencyProperty().addListener(urgencyListener);
        UrgencyStyle.show(timer, item.urgencyProperty().get());
        showState(item.state());
        setGraphic(box);
    }

    private void showState(InteractionState now) {
        boolean offered = now == InteractionState.OFFERED;
        pseudoClassStateChanged(OFFERED, offered);
        pseudoClassStateChanged(ACTIVE, now == InteractionState.ACTIVE);
        pseudoClassStateChanged(WRAP_UP, now == InteractionState.WRAP_UP);
        ringing(offered);
        remaining.setVisible(offered);
        remaining.setManaged(offered);
        remainingText.setVisible(offered);
        remainingText.setManaged(offered);
    }

    /** The halo behind the icon pulses while the offer stands. */
    private void ringing(boolean on) {
        ring.setVisible(on);
        if (on) {
            if (pulse.getStatus() != Animation.Status.RUNNING) {
                pulse.playFromStart();
            }
        } else {
            pulse.stop();
        }
    }

    private void release() {
        ringing(false);
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
            shown.urgencyProperty().removeListener(urgencyListener);
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
