package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.ui.Marks;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An e-mail of the thread as a card: from, to, copies, date and subject, then its body (text, or its
 * HTML while the pane lets it be formatted), its files, and for the agent's mails where they stand.
 */
final class MailCard implements LineNode {

    private final VBox card = new VBox(6);
    private final StackPane body = new StackPane();
    private final Subscriptions subscriptions = new Subscriptions();
    private final MessageItem item;
    private final MailBodies bodies;
    private final LineActions actions;
    private final Button format;
    private final Messages messages;
    private MailBodies.Html html;

    MailCard(MessageItem item, MessageTexts texts, Messages messages, LineActions actions, MailBodies bodies) {
        this.item = item;
        this.bodies = bodies;
        this.actions = actions;
        this.messages = messages;
        card.getStyleClass().addAll("mail-card", switch (item.side()) {
            case CUSTOMER -> "mail-customer";
            case AGENT -> "mail-agent";
            case SYSTEM -> "mail-system";
        });
        Marks.mark(card, "line-" + item.id());
        card.getChildren().addAll(headers(), subject(), body);
        body.getStyleClass().add("mail-body");
        format = new Button();
        format.getStyleClass().addAll("flat", "line-action", "mail-format");
        format.setOnAction(e -> actions.toggleFormatted(item));
        format.setVisible(item.hasHtml());
        format.setManaged(item.hasHtml());
        HBox foot = new HBox(8, format);
        foot.setAlignment(Pos.CENTER_LEFT);
        if (item.side() == MessageItem.Side.AGENT) {
            foot.getChildren().addAll(new Region(), status());
            HBox.setHgrow(foot.getChildren().get(1), Priority.ALWAYS);
        }
        if (!item.attachments().isEmpty()) {
            FlowPane files = new FlowPane(6, 6);
            files.getStyleClass().add("line-files");
            for (AttachmentView file : item.attachments()) {
                files.getChildren().add(AttachmentChips.received(file, texts, messages, () -> actions.save(file)));
            }
            card.getChildren().add(files);
        }
        if (item.hasHtml() || item.side() == MessageItem.Side.AGENT) {
            card.getChildren().add(foot);
        }
        subscriptions.listen(item.formattedProperty(), (obs, old, now) -> showBody());
        showBody();
    }

    private Node headers() {
        FontIcon icon = new FontIcon(item.side() == MessageItem.Side.AGENT ? "mdi2r-reply" : "mdi2e-email-outline");
        icon.getStyleClass().add("mail-icon");
        StackPane iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("mail-icon-box");
        Label from = new Label(item.from());
        from.getStyleClass().add("mail-from");
        from.setMinWidth(0);
        VBox who = new VBox(1, from);
        who.setMinWidth(0);
        for (String line : new String[] {item.to(), item.cc()}) {
            if (!line.isEmpty()) {
                Label l = new Label(line);
                l.getStyleClass().add("mail-recipients");
                l.setMinWidth(0);
                who.getChildren().add(l);
            }
        }
        Label date = new Label(item.time());
        date.getStyleClass().add("mail-date");
        date.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, iconBox, who, new Region(), date);
        HBox.setHgrow(top.getChildren().get(2), Priority.ALWAYS);
        top.setAlignment(Pos.TOP_LEFT);
        return top;
    }

    private Node subject() {
        Label subject = new Label(item.subject());
        subject.getStyleClass().add("mail-subject");
        subject.setWrapText(true);
        return subject;
    }

    private Node status() {
        Label status = new Label();
        status.getStyleClass().add("mail-status");
        return LineStatus.of(item, status, messages, actions, subscriptions, () -> { });
    }

    /** Formatted while the pane (or the agent) says so and a web view can be made; otherwise the text. */
    private void showBody() {
        dropHtml();
        Node shown = null;
        if (item.formattedProperty().get()) {
            html = bodies.html(item.html(), item.text(), actions::linkClicked);
            shown = html == null ? null : html.node();
        }
        boolean formatted = shown != null;
        if (shown == null) {
            shown = bodies.text(item.text());
        }
        body.getChildren().setAll(shown);
        format.setText(messages.get(formatted ? "conversation.mail.plain" : "conversation.mail.formatted"));
        // the text is all there is when no web view can be made here
        format.setDisable(!formatted && item.formattedProperty().get());
    }

    private void dropHtml() {
        if (html != null) {
            html.dispose();
            html = null;
        }
    }

    @Override
    public Node node() {
        return card;
    }

    @Override
    public void dispose() {
        subscriptions.close();
        dropHtml();
        body.getChildren().clear();
    }
}
