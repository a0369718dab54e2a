package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.api.MessageView;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;

/**
 * One line of a conversation as the pane shows it. The same line comes again when its status changes
 * (sent, delivered, read, failed): {@link #take} replaces it in place, so the pane keeps its node.
 */
public final class MessageItem {
    /** Where the line sits: the customer's on the left, the agent's on the right, the centre's in the middle. */
    public enum Side { CUSTOMER, AGENT, SYSTEM }

    private final long id;
    private final Side side;
    private final boolean mail;
    private final String author;
    private final String time;
    private final String from;
    private final String to;
    private final String cc;
    private final String subject;
    private final ReadOnlyObjectWrapper<MessageView> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final ReadOnlyObjectWrapper<MessageStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyBooleanWrapper formatted = new ReadOnlyBooleanWrapper(this, "formatted");
    /** The agent's own choice of formatted or plain; null while the pane decides. */
    private Boolean chosen;

    MessageItem(MessageView v, boolean mail, MessageTexts texts) {
        this.id = v.id();
        this.mail = mail;
        this.side = v.direction() == MessageDirection.INBOUND ? Side.CUSTOMER
                : v.direction() == MessageDirection.OUTBOUND ? Side.AGENT : Side.SYSTEM;
        this.author = v.author() == null ? "" : v.author().strip();
        this.time = texts.time(v, mail);
        this.from = texts.from(author);
        this.to = texts.to(v.to());
        this.cc = texts.cc(v.cc());
        this.subject = texts.subject(v.subject());
        take(v, texts);
    }

    void take(MessageView v, MessageTexts texts) {
        view.set(v);
        status.set(v.status());
        statusText.set(texts.status(v));
    }

    public long id() {
        return id;
    }

    public Side side() {
        return side;
    }

    /** An e-mail (a card with headers), not a chat line (a bubble). */
    public boolean mail() {
        return mail;
    }

    public MessageView view() {
        return view.get();
    }

    public ReadOnlyObjectProperty<MessageView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public String text() {
        String text = view.get().text();
        return text == null ? "" : text;
    }

    public String html() {
        return view.get().html();
    }

    public boolean hasHtml() {
        String html = view.get().html();
        return html != null && !html.isBlank();
    }

    /** The files that came with it, without the pictures shown inside an e-mail's text. */
    public List<AttachmentView> attachments() {
        return view.get().attachments().stream().filter(a -> !a.inline()).toList();
    }

    public String author() {
        return author;
    }

    public String time() {
        return time;
    }

    public String from() {
        return from;
    }

    /** "To a@x, b@y", or "" */
    public String to() {
        return to;
    }

    public String cc() {
        return cc;
    }

    public String subject() {
        return subject;
    }

    public ReadOnlyObjectProperty<MessageStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Sending…", "Read", "Failed: why"... for the agent's lines; "" for the customer's. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** An agent's line the channel refused: its text can be edited and sent again. */
    public boolean failed() {
        return side == Side.AGENT && status.get() == MessageStatus.FAILED;
    }

    /** The e-mail's HTML is shown rather than its text. */
    public ReadOnlyBooleanProperty formattedProperty() {
        return formatted.getReadOnlyProperty();
    }

    boolean chosen() {
        return chosen != null;
    }

    /** What the pane picks while the agent has not chosen. */
    void suggestFormatted(boolean value) {
        if (chosen == null) {
            formatted.set(value && hasHtml());
        }
    }

    void chooseFormatted(boolean value) {
        chosen = value;
        formatted.set(value && hasHtml());
    }
}
