package dev.switchboard.desktop.ticket;

import dev.switchboard.api.TicketHistoryView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.TicketKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Locale;

/**
 * A new complaint's acknowledgement, shown on the card until the agent dismisses it: on a call the
 * words the server wants the customer told, read out by the agent; on a text channel what was sent.
 * Either way with the time promised.
 */
public final class NewTicketAcknowledgement {
    /** The server's history gives the words to read out (on a call, or when a text channel failed). */
    static final String TELL = "tell the customer: ";
    static final String SENT = "Acknowledgement sent on ";

    private final Messages messages;
    private final EnumText enums;
    private final Formats formats;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper readOut = new ReadOnlyBooleanWrapper(this, "readOut");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper words = new ReadOnlyStringWrapper(this, "words", "");
    private final ReadOnlyStringWrapper promised = new ReadOnlyStringWrapper(this, "promised", "");
    private long customerId = -1;

    NewTicketAcknowledgement(Messages messages, EnumText enums, Formats formats) {
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
    }

    /**
     * Shows what the new ticket's history says to tell the customer; false when it is no complaint.
     * {@code askedComplaint}: the agent created a complaint, even if the answer (a copy held while
     * the server is out of reach) does not say so yet.
     */
    boolean show(NewTicketViewModel.For who, TicketView ticket, boolean askedComplaint) {
        if (ticket.caseFile().kind() != TicketKind.COMPLAINT && !askedComplaint) {
            return false;
        }
        String number = messages.format("ticket.number", ticket.id());
        List<TicketHistoryView> history = ticket.caseFile().history();
        String told = after(history, TELL);
        String sent = told == null ? sentLine(history) : null;
        if (told != null) {
            readOut.set(true);
            caption.set(messages.format("ticket.new.ack.tell", number));
            words.set(told);
        } else if (sent != null) {
            readOut.set(false);
            int colon = sent.indexOf(": ");
            Channel channel = colon < 0 ? who.channel() : channelNamed(sent.substring(0, colon));
            caption.set(messages.format("ticket.new.ack.sent", number,
                    channel == null ? "" : enums.channel(channel)));
            words.set(colon < 0 ? "" : sent.substring(colon + 2).strip());
        } else {
            // no acknowledgement yet (the ticket waits to be sent): the agent acknowledges it in their own words
            readOut.set(true);
            caption.set(messages.format("ticket.new.ack.pending", number));
            words.set("");
        }
        promised.set(ticket.caseFile().promisedAt() == null ? ""
                : messages.format("ticket.new.promised", formats.dateTime(ticket.caseFile().promisedAt())));
        customerId = who.customerId();
        shown.set(true);
        return true;
    }

    void clear() {
        shown.set(false);
        customerId = -1;
        caption.set("");
        words.set("");
        promised.set("");
    }

    void keepOnlyFor(long customer) {
        if (shown.get() && customer != customerId) {
            clear();
        }
    }

    private static String after(List<TicketHistoryView> history, String marker) {
        for (TicketHistoryView h : history) {
            int at = h.what() == null ? -1 : h.what().indexOf(marker);
            if (at >= 0) {
                return h.what().substring(at + marker.length()).strip();
            }
        }
        return null;
    }

    /** "e-mail: We have received …" of "Acknowledgement sent on e-mail: We have received …". */
    private static String sentLine(List<TicketHistoryView> history) {
        for (TicketHistoryView h : history) {
            if (h.what() != null && h.what().startsWith(SENT)) {
                return h.what().substring(SENT.length());
            }
        }
        return null;
    }

    private static Channel channelNamed(String name) {
        try {
            return Channel.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- what the view binds ----

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The words are for the agent to say (a call), not already sent. */
    public ReadOnlyBooleanProperty readOutProperty() {
        return readOut.getReadOnlyProperty();
    }

    /** "Tell the customer (T-5013)" or "Sent to the customer by E-mail (T-5013)". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty wordsProperty() {
        return words.getReadOnlyProperty();
    }

    /** "Promised by 16 Nov 2025, 10:00"; "" when the ticket carries no promise. */
    public ReadOnlyStringProperty promisedProperty() {
        return promised.getReadOnlyProperty();
    }
}
