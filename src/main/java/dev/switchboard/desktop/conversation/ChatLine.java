package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Marks;
import dev.switchboard.domain.MessageStatus;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * A chat or social line: the customer's bubble on the left, the agent's on the right with where it
 * stands (sent, delivered, read, failed and why), the centre's notes in the middle, muted.
 */
final class ChatLine implements LineNode {

    private final HBox row = new HBox();
    private final Subscriptions subscriptions = new Subscriptions();

    ChatLine(MessageItem item, MessageTexts texts, Messages messages, LineActions actions,
             ObservableDoubleValue maxBubble) {
        row.getStyleClass().add("chat-row");
        Marks.mark(row, "line-" + item.id());
        if (item.side() == MessageItem.Side.SYSTEM) {
            Label note = new Label(messages.format("conversation.system", item.text(), item.time()));
            note.getStyleClass().add("chat-system");
            note.setWrapText(true);
            row.setAlignment(Pos.CENTER);
            row.getChildren().add(note);
            return;
        }
        boolean agent = item.side() == MessageItem.Side.AGENT;
        Label meta = new Label(messages.format("conversation.meta", item.author(), item.time()));
        meta.getStyleClass().add("chat-meta");
        Label text = new Label(item.text());
        text.getStyleClass().add("chat-text");
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        VBox bubble = new VBox(3, meta, text);
        bubble.getStyleClass().addAll("chat-bubble", agent ? "chat-bubble-agent" : "chat-bubble-customer");
        // the bubble gives the text its own width, so a wrapped line's height is measured at that width
        bubble.setFillWidth(true);
        if (!item.attachments().isEmpty()) {
            FlowPane files = new FlowPane(6, 6);
            files.getStyleClass().add("line-files");
            for (AttachmentView file : item.attachments()) {
                files.getChildren().add(AttachmentChips.received(file, texts, messages, () -> actions.save(file)));
            }
            bubble.getChildren().add(files);
        }
        subscriptions.bind(bubble.maxWidthProperty(), maxBubble);
        VBox column = new VBox(2, bubble);
        column.setAlignment(agent ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        if (agent) {
            column.getChildren().add(status(item, messages, actions));
        }
        row.setAlignment(agent ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        row.getChildren().add(column);
    }

    private Node status(MessageItem item, Messages messages, LineActions actions) {
        Label status = new Label();
        status.getStyleClass().add("chat-status");
        FontIcon tick = new FontIcon();
        tick.getStyleClass().add("chat-status-icon");
        status.setGraphic(tick);
        return LineStatus.of(item, status, messages, actions, subscriptions, () -> {
            MessageStatus s = item.statusProperty().get();
            tick.setIconLiteral(icon(s));
            for (MessageStatus each : MessageStatus.values()) {
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)),
                        each == s);
            }
        });
    }

    static String icon(MessageStatus s) {
        if (s == null) {
            return "mdi2c-clock-outline";
        }
        return switch (s) {
            case RECEIVED, SENT -> "mdi2c-check";
            case SENDING -> "mdi2c-clock-outline";
            case DELIVERED, READ -> "mdi2c-check-all";
            case FAILED -> "mdi2a-alert-circle-outline";
        };
    }

    @Override
    public Node node() {
        return row;
    }

    @Override
    public void dispose() {
        subscriptions.close();
    }
}
