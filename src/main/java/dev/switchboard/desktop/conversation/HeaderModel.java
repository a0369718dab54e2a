package dev.switchboard.desktop.conversation;

import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The strip above a conversation: where it takes place and with whom; for a chat the visitor, the page
 * they are on and whether they are still there; for an e-mail its ticket and how its answer stands
 * against the SLA.
 */
public final class HeaderModel {
    /** Whether a chat visitor is still there; NONE where that means nothing (e-mail, social). */
    public enum Presence { NONE, CONNECTED, AWAY, LEFT }

    /** An e-mail ticket's answer: due, overdue, or given. */
    public enum Sla { NONE, DUE, OVERDUE, ANSWERED }

    private final Messages messages;
    private final Formats formats;
    private final ReadOnlyObjectWrapper<Medium> medium = new ReadOnlyObjectWrapper<>(this, "medium");
    private final ReadOnlyStringWrapper mediumText = new ReadOnlyStringWrapper(this, "mediumText", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper visitor = new ReadOnlyStringWrapper(this, "visitor", "");
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper(this, "page", "");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(this, "presence",
            Presence.NONE);
    private final ReadOnlyStringWrapper presenceText = new ReadOnlyStringWrapper(this, "presenceText", "");
    private final ReadOnlyStringWrapper ticket = new ReadOnlyStringWrapper(this, "ticket", "");
    private final ReadOnlyObjectWrapper<Sla> sla = new ReadOnlyObjectWrapper<>(this, "sla", Sla.NONE);
    private final ReadOnlyStringWrapper slaText = new ReadOnlyStringWrapper(this, "slaText", "");
    private TicketView shownTicket;

    public HeaderModel(Messages messages, Formats formats, Medium initial, String initialAddress) {
        this.messages = messages;
        this.formats = formats;
        showMedium(initial);
        address.set(initialAddress == null ? "" : initialAddress);
    }

    void show(ConversationView v, Medium m) {
        showMedium(m);
        if (v.remote() != null && !v.remote().isBlank()) {
            address.set(v.remote().strip());
        }
        List<String> who = new ArrayList<>();
        add(who, v.visitorName());
        add(who, v.visitorEmail());
        visitor.set(String.join(" · ", who));
        page.set(v.page() == null ? "" : v.page().strip());
        showPresence(m == Medium.CHAT ? (v.connected() ? Presence.CONNECTED : Presence.AWAY) : Presence.NONE);
    }

    /** A chat visitor connected, dropped, came back, moved on or left. */
    void onConversation(ConversationEvent e) {
        if (e.page() != null && !e.page().isBlank()) {
            page.set(e.page().strip());
        }
        showPresence(e.left() ? Presence.LEFT : e.connected() ? Presence.CONNECTED : Presence.AWAY);
    }

    void showTicket(TicketView t, Instant now) {
        shownTicket = t;
        ticket.set(t == null ? "" : messages.format("conversation.ticket", messages.format("ticket.number", t.id())));
        tick(now);
    }

    /** Called every second: a due answer turns overdue. */
    void tick(Instant now) {
        TicketView t = shownTicket;
        if (t == null || (t.dueAt() == null && t.firstResponseAt() == null)) {
            sla.set(Sla.NONE);
            slaText.set("");
        } else if (t.firstResponseAt() != null) {
            Instant from = t.createdAt() != null ? t.createdAt() : t.firstResponseAt();
            sla.set(Sla.ANSWERED);
            slaText.set(messages.format("conversation.sla.answered",
                    duration(Duration.between(from, t.firstResponseAt()))));
        } else if (now.isAfter(t.dueAt())) {
            sla.set(Sla.OVERDUE);
            slaText.set(messages.format("conversation.sla.overdue", formats.dateTime(t.dueAt())));
        } else {
            sla.set(Sla.DUE);
            slaText.set(messages.format("conversation.sla.due", formats.dateTime(t.dueAt())));
        }
    }

    /** "2 h 5 min", "3 d 4 h", "12 min". */
    String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes >= 24 * 60) {
            return messages.format("conversation.duration.days", minutes / (24 * 60), (minutes / 60) % 24);
        }
        if (minutes >= 60) {
            return messages.format("conversation.duration.hours", minutes / 60, minutes % 60);
        }
        return messages.format("conversation.duration.minutes", minutes);
    }

    private void showMedium(Medium m) {
        medium.set(m);
        mediumText.set(switch (m) {
            case EMAIL -> messages.get("conversation.medium.email");
            case CHAT -> messages.get("conversation.medium.chat");
            case MESSENGER -> messages.get("conversation.medium.messenger");
            case WHATSAPP -> messages.get("conversation.medium.whatsapp");
            case SOCIAL -> messages.get("conversation.medium.social");
        });
    }

    private void showPresence(Presence p) {
        presence.set(p);
        presenceText.set(switch (p) {
            case NONE -> "";
            case CONNECTED -> messages.get("conversation.presence.connected");
            case AWAY -> messages.get("conversation.presence.away");
            case LEFT -> messages.get("conversation.presence.left");
        });
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }

    public Medium medium() {
        return medium.get();
    }

    public ReadOnlyObjectProperty<Medium> mediumProperty() {
        return medium.getReadOnlyProperty();
    }

    /** "E-mail", "Chat", "Messenger", "WhatsApp". */
    public ReadOnlyStringProperty mediumTextProperty() {
        return mediumText.getReadOnlyProperty();
    }

    /** The customer's address: e-mail, visitor, or the platform's id for them. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** A chat visitor's name and e-mail as they gave them; "" if they gave none. */
    public ReadOnlyStringProperty visitorProperty() {
        return visitor.getReadOnlyProperty();
    }

    /** The page a chat visitor is on. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presenceTextProperty() {
        return presenceText.getReadOnlyProperty();
    }

    /** "Ticket T-12"; "" when the conversation has none. */
    public ReadOnlyStringProperty ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sla> slaProperty() {
        return sla.getReadOnlyProperty();
    }

    /** "Answer by …", "Overdue: …", "Answered in 2 h 5 min"; "" when there is no SLA. */
    public ReadOnlyStringProperty slaTextProperty() {
        return slaText.getReadOnlyProperty();
    }
}
