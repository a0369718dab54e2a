package dev.switchboard.desktop.conversation;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Where an agent's line stands, under a chat bubble or a mail: the status text (marked failed when
 * it is) and, on a failed line with text, "Edit and send again". Kept up to date with the line.
 */
final class LineStatus {
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private LineStatus() {
    }

    /**
     * {@code status} is the caller's label (its style, maybe a graphic); {@code changed} runs after
     * each change of the line's status, for what only that caller shows.
     */
    static HBox of(MessageItem item, Label status, Messages messages, LineActions actions,
                   Subscriptions subscriptions, Runnable changed) {
        status.setWrapText(true);
        subscriptions.bind(status.textProperty(), item.statusTextProperty());
        Button again = new Button(messages.get("conversation.useAgain"), new FontIcon("mdi2p-pencil-outline"));
        again.getStyleClass().addAll("flat", "line-action");
        again.setOnAction(e -> actions.useAgain(item));
        HBox box = new HBox(6, status, again);
        box.setAlignment(Pos.CENTER_RIGHT);
        Runnable show = () -> {
            status.pseudoClassStateChanged(FAILED, item.failed());
            again.setVisible(item.failed() && !item.text().isBlank());
            again.setManaged(again.isVisible());
            changed.run();
        };
        subscriptions.listen(item.statusProperty(), (obs, old, now) -> show.run());
        show.run();
        return box;
    }
}
