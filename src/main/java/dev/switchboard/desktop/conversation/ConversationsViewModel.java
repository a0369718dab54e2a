package dev.switchboard.desktop.conversation;

import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.MessageEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.session.StreamEvents;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The conversations of the agent's text contacts, one per tab: made when an e-mail, chat or social
 * contact gets its tab, closed with the tab. Hands each conversation its events, and counts the
 * customer's new lines in the tabs the agent is not looking at.
 */
public final class ConversationsViewModel {
    private final ContactsViewModel contacts;
    private final ConversationTools t;
    private final CannedResponses canned;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<Long, ConversationViewModel> byId = new LinkedHashMap<>();
    private final ObservableList<ConversationViewModel> open = FXCollections.observableArrayList();
    private final ObservableMap<Long, Integer> unread = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<ConversationViewModel> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    public ConversationsViewModel(ContactsViewModel contacts, StreamEvents events, ConversationTools t) {
        this.contacts = contacts;
        this.t = t;
        this.canned = new CannedResponses(t);
        subscriptions.add(events.on(MessageEvent.class, this::onMessage));
        subscriptions.add(events.on(TypingEvent.class, e -> with(e.interactionId(), c -> c.onTyping(e))));
        subscriptions.add(events.on(ConversationEvent.class, e -> with(e.interactionId(), c -> c.onConversation(e))));
        subscriptions.add(events.on(TicketEvent.class, e -> byId.values().forEach(c -> c.onTicket(e.ticket()))));
        subscriptions.add(events.on(ResyncEvent.class, e -> byId.values().forEach(ConversationViewModel::load)));
        subscriptions.listen(contacts.tabs(), (ListChangeListener<ContactItem>) c -> reconcile());
        subscriptions.listen(contacts.selectedProperty(), (obs, old, now) -> select(now));
        reconcile();
    }

    /** The conversation of the selected tab; null when that is no text contact (or no tab is selected). */
    public ReadOnlyObjectProperty<ConversationViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The open conversations, in the order of their tabs. */
    public ObservableList<ConversationViewModel> open() {
        return open;
    }

    /** New customer lines per interaction, for the tabs not shown; absent when there are none. */
    public ObservableMap<Long, Integer> unread() {
        return unread;
    }

    public ConversationViewModel of(long interactionId) {
        return byId.get(interactionId);
    }

    /** Called every second. */
    public void tick(Instant now) {
        for (ConversationViewModel c : byId.values()) {
            c.tick(now);
        }
    }

    public void dispose() {
        subscriptions.close();
        byId.values().forEach(ConversationViewModel::dispose);
        byId.clear();
        open.clear();
        unread.clear();
        selected.set(null);
    }

    private void onMessage(MessageEvent e) {
        ConversationViewModel c = byId.get(e.interactionId());
        if (c != null && e.message() != null && c.onMessage(e.message()) && c != selected.get()) {
            unread.merge(e.interactionId(), 1, Integer::sum);
        }
    }

    private void with(long interactionId, Consumer<ConversationViewModel> action) {
        ConversationViewModel c = byId.get(interactionId);
        if (c != null) {
            action.accept(c);
        }
    }

    /** One conversation per text tab: new tabs get theirs (and load it), closed tabs lose theirs. */
    private void reconcile() {
        Set<Long> tabs = new HashSet<>();
        for (ContactItem item : contacts.tabs()) {
            if (!Medium.isText(item.channel())) {
                continue;
            }
            tabs.add(item.interactionId());
            if (!byId.containsKey(item.interactionId())) {
                ConversationViewModel c = new ConversationViewModel(item, t, canned);
                byId.put(item.interactionId(), c);
                c.load();
                canned.load();
            }
        }
        for (Long id : List.copyOf(byId.keySet())) {
            if (!tabs.contains(id)) {
                byId.remove(id).dispose();
                unread.remove(id);
            }
        }
        open.setAll(contacts.tabs().stream().map(i -> byId.get(i.interactionId())).filter(c -> c != null).toList());
        select(contacts.selectedProperty().get());
    }

    private void select(ContactItem item) {
        ConversationViewModel c = item == null ? null : byId.get(item.interactionId());
        selected.set(c);
        if (c != null) {
            unread.remove(c.interactionId());
        }
    }
}
