package dev.switchboard.desktop.conversation;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Registration;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a conversation as nodes, one per line, kept in step with the view model's list: a new
 * line gets its node where it belongs, a line that changes updates its own node. Stays at the newest
 * line while the agent is there (or just wrote), and leaves them where they are while they read back.
 */
final class MessageList implements Registration {
    /** A chat bubble takes at most this share of the pane's width. */
    private static final double BUBBLE_SHARE = 0.72;
    /** Scrolled this close to the end counts as at the end. */
    private static final double AT_END = 0.98;

    private final ScrollPane scroll;
    private final VBox box;
    private final MessageTexts texts;
    private final Messages messages;
    private final LineActions actions;
    private final MailBodies bodies;
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<LineNode> nodes = new ArrayList<>();
    private final DoubleBinding maxBubble;
    /** Keep showing the newest line: the agent is at the end (or just wrote). */
    private boolean stick = true;
    private boolean scrolling;
    private double seenContent;
    private double seenViewport;

    MessageList(ScrollPane scroll, VBox box, ConversationViewModel vm, MessageTexts texts, Messages messages,
                LineActions actions, MailBodies bodies) {
        this.scroll = scroll;
        this.box = box;
        this.texts = texts;
        this.messages = messages;
        this.actions = actions;
        this.bodies = bodies;
        this.maxBubble = scroll.widthProperty().multiply(BUBBLE_SHARE);
        subscriptions.onClose(maxBubble::dispose);
        subscriptions.listen(vm.lines(), (ListChangeListener<MessageItem>) this::changed);
        for (MessageItem item : vm.lines()) {
            add(nodes.size(), item);
        }
        // the content grows in the layout after a line is added: that is when the end is known
        subscriptions.listen(box.heightProperty(), (obs, old, now) -> keepAtEnd());
        subscriptions.listen(scroll.heightProperty(), (obs, old, now) -> keepAtEnd());
        subscriptions.listen(scroll.vvalueProperty(), (obs, old, now) -> {
            double content = box.getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (content != seenContent || viewport != seenViewport) {
                // a layout moved it (content grew, pane shown), not the agent
                seenContent = content;
                seenViewport = viewport;
            } else if (!scrolling) {
                stick = atEnd();
            }
        });
        keepAtEnd();
    }

    private boolean atEnd() {
        return scroll.getVvalue() >= AT_END * scroll.getVmax() || box.getHeight() <= scroll.getViewportBounds().getHeight();
    }

    private void keepAtEnd() {
        seenContent = box.getHeight();
        seenViewport = scroll.getViewportBounds().getHeight();
        if (stick) {
            scrolling = true;
            scroll.setVvalue(scroll.getVmax());
            scrolling = false;
        }
    }

    private void changed(ListChangeListener.Change<? extends MessageItem> c) {
        boolean own = false;
        while (c.next()) {
            if (c.wasRemoved()) {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    LineNode gone = nodes.remove(c.getFrom());
                    box.getChildren().remove(gone.node());
                    gone.dispose();
                }
            }
            if (c.wasAdded()) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    MessageItem item = c.getList().get(i);
                    add(i, item);
                    own |= item.side() == MessageItem.Side.AGENT;
                }
            }
        }
        if (own) {
            stick = true; // the agent wrote: they want to see it
        }
        keepAtEnd();
    }

    private void add(int at, MessageItem item) {
        LineNode node = item.mail() ? new MailCard(item, texts, messages, actions, bodies)
                : new ChatLine(item, texts, messages, actions, maxBubble);
        nodes.add(at, node);
        box.getChildren().add(at, node.node());
    }

    @Override
    public void close() {
        subscriptions.close();
        nodes.forEach(LineNode::dispose);
        nodes.clear();
        box.getChildren().clear();
    }
}
