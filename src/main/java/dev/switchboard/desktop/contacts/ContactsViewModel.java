package dev.switchboard.desktop.contacts;

import dev.switchboard.api.HandoverEvent;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The agent's incoming, active and wrap-up contacts: offers arrive from the event stream, the agent
 * accepts, rejects or ends them, and the server's answers and events move them along. Several can be
 * active at once: those being worked (active or in wrap-up) are also the centre's tabs, in the order
 * they were taken. Actions on a worked contact apply to the selected one only, never to a guess.
 */
public final class ContactsViewModel {
    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Clock clock;
    private final ContactTexts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<ContactItem> items = FXCollections.observableArrayList();
    private final ObservableList<ContactItem> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<ContactItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyBooleanWrapper canEnd = new ReadOnlyBooleanWrapper(this, "canEnd");
    private final ReadOnlyBooleanWrapper canCallback = new ReadOnlyBooleanWrapper(this, "canCallback");
    /** What was selected when an offer popped: shown again if the offer goes away unanswered. */
    private ContactItem beforeOffer;

    public ContactsViewModel(AgentSession session, SwitchboardApi api, TaskRunner tasks, Messages messages,
                             EnumText enums, ErrorText errors, NoticeBoard notices, Clock clock) {
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.notices = notices;
        this.clock = clock;
        this.texts = new ContactTexts(messages, enums);
        subscriptions.add(session.events().on(OfferEvent.class, this::onOffer));
        subscriptions.add(session.events().on(OfferRevokedEvent.class, this::onRevoked));
        subscriptions.add(session.events().on(InteractionEvent.class, e -> onInteraction(e.interaction())));
        subscriptions.add(session.events().on(HandoverEvent.class, e -> opened(e.pop())));
        subscriptions.add(session.events().on(ResyncEvent.class, e -> restoreActiveWork()));
        subscriptions.listen(selected, (obs, old, now) -> refreshActions());
    }

    public ObservableList<ContactItem> items() {
        return items;
    }

    /** The contacts being worked (active or in wrap-up), in the order they were taken: the centre's tabs. */
    public ObservableList<ContactItem> tabs() {
        return tabs;
    }

    public ObjectProperty<ContactItem> selectedProperty() {
        return selected;
    }

    /** The worked contact the actions (end, transfer, callback) apply to: the selected one, if active. */
    public Optional<ContactItem> current() {
        ContactItem item = selected.get();
        if (item != null && !item.pending.get() && item.state() == InteractionState.ACTIVE) {
            return Optional.of(item);
        }
        if (item == null) {
            List<ContactItem> active = tabs.stream().filter(i -> i.state() == InteractionState.ACTIVE).toList();
            if (active.size() == 1 && !active.get(0).pending.get()) {
                return Optional.of(active.get(0));
            }
        }
        return Optional.empty();
    }

    public ReadOnlyBooleanProperty canAcceptProperty() {
        return canAccept.getReadOnlyProperty();
    }

    /** Reject needs the same thing as accept: an offer standing. */
    public ReadOnlyBooleanProperty canRejectProperty() {
        return canAccept.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canEndProperty() {
        return canEnd.getReadOnlyProperty();
    }

    /** Transfer needs what End needs: the selected contact active. */
    public ReadOnlyBooleanProperty canTransferProperty() {
        return canEnd.getReadOnlyProperty();
    }

    /** The selected contact is an active call: it can be turned into a callback. */
    public ReadOnlyBooleanProperty canCallbackProperty() {
        return canCallback.getReadOnlyProperty();
    }

    /** An offer for this agent: it joins the list at the top and is selected, so the card pops. */
    public void onOffer(OfferEvent offer) {
        if (offer.agentId() != session.agentId() || offer.pop() == null || offer.pop().interaction() == null) {
            return;
        }
        find(offer.interactionId()).ifPresent(items::remove);
        ContactItem item = new ContactItem(offer.pop(), offer.offeredAt(), offer.expiresAt());
        item.title.set(texts.title(offer.pop()));
        item.subject.set(texts.subject(offer.pop().interaction()));
        texts.describe(item, clock.instant());
        items.add(0, item);
        ContactItem previous = selected.get();
        if (previous != null && previous.state() != InteractionState.OFFERED) {
            beforeOffer = previous;
        }
        selected.set(item);
        refreshActions();
    }

    /** Asks the server for the contacts still active with this agent and lists them. */
    /** How long past its deadline an offer is kept, waiting for the server to say it took it back. */
    private static final java.time.Duration OFFER_GRACE = java.time.Duration.ofSeconds(10);

    public void restoreActiveWork() {
        tasks.run(api::activeWork, this::restore, e -> notices.post(errors.of(e)));
    }

    /** Contacts already active with the agent when the window opens (signed in again, restarted). */
    public void restore(List<ScreenPop> active) {
        for (ScreenPop pop : active) {
            if (pop.interaction() == null || find(pop.interaction().id()).isPresent()) {
                continue;
            }
            ContactItem item = new ContactItem(pop, pop.interaction().createdAt(), pop.interaction().createdAt());
            item.title.set(texts.title(pop));
            item.subject.set(texts.subject(pop.interaction()));
            items.add(item);
            apply(item, pop.interaction());
        }
        if (selected.get() == null && !items.isEmpty()) {
            selected.set(items.get(0));
        }
    }

    /** A contact the agent started (a call they dialled): it arrives active, gets its tab and is shown. */
    public void opened(ScreenPop pop) {
        if (pop == null || pop.interaction() == null) {
            return;
        }
        restore(List.of(pop));
        find(pop.interaction().id()).ifPresent(selected::set);
    }

    public void onRevoked(OfferRevokedEvent revoked) {
        if (revoked.agentId() != session.agentId()) {
            return;
        }
        find(revoked.interactionId())
                .filter(item -> item.state() == InteractionState.OFFERED)
                .ifPresent(item -> {
                    remove(item);
                    notices.post(messages.format("contacts.revoked", item.title.get(), texts.reason(revoked.reason())));
                });
    }

    public void onInteraction(InteractionView view) {
        find(view.id()).ifPresent(item -> apply(item, view));
    }

    public void accept() {
        target(InteractionState.OFFERED).ifPresent(item -> send(item, () -> api.accept(item.interactionId()), view -> {
            apply(item, view);
            selected.set(item);
        }));
    }

    public void reject() {
        target(InteractionState.OFFERED).ifPresent(item ->
                send(item, () -> api.reject(item.interactionId()), view -> remove(item)));
    }

    /** Ends the selected contact: it stays, in wrap-up, until the disposition is given (or its time runs out). */
    public void end() {
        current().ifPresent(item -> send(item, () -> api.end(item.interactionId()), view -> apply(item, view)));
    }

    /** The contact left this agent (transferred, turned into a callback): its tab closes. */
    public void handedOff(long interactionId) {
        find(interactionId).ifPresent(this::remove);
    }

    /** Shows the tab at {@code index} (0-based); false if there is none. */
    public boolean selectTab(int index) {
        if (index < 0 || index >= tabs.size()) {
            return false;
        }
        selected.set(tabs.get(index));
        return true;
    }

    /** Moves to the next (or previous) tab, round the end; from an offer or nothing, to the first (last). */
    public void cycleTabs(boolean forward) {
        if (tabs.isEmpty()) {
            return;
        }
        int at = tabs.indexOf(selected.get());
        int next = at < 0 ? (forward ? 0 : tabs.size() - 1) : Math.floorMod(at + (forward ? 1 : -1), tabs.size());
        selected.set(tabs.get(next));
    }

    /** Called every second: the waiting and talking clocks, and the offer's time left. */
    public void tick(Instant now) {
        for (ContactItem item : List.copyOf(items)) {
            if (lapsedOffer(item, now)) {
                remove(item);
                continue;
            }
            texts.describe(item, now);
        }
    }

    /**
     * An offer long past its deadline with no word from the server: the server took it back while the
     * desktop could not hear it (offline, or the server restarted).
     */
    private static boolean lapsedOffer(ContactItem item, Instant now) {
        return item.state() == InteractionState.OFFERED && !item.pending.get() && item.expiresAt() != null
                && item.expiresAt().plus(OFFER_GRACE).isBefore(now);
    }

    public void dispose() {
        subscriptions.close();
    }

    private void send(ContactItem item, Callable<InteractionView> call, Consumer<InteractionView> done) {
        item.markPending(true);
        refreshActions();
        tasks.run(call, view -> {
            item.markPending(false);
            done.accept(view);
            refreshActions();
        }, e -> {
            item.markPending(false);
            refreshActions();
            notices.post(errors.of(e));
        });
    }

    private void apply(ContactItem item, InteractionView view) {
        boolean wasOffer = item.state() == InteractionState.OFFERED;
        item.update(view);
        if (view.state().isFinished() || leftThisAgent(view, wasOffer)) {
            remove(item);
        } else {
            texts.describe(item, clock.instant());
            if (view.state() == InteractionState.ACTIVE || view.state() == InteractionState.WRAP_UP) {
                if (!tabs.contains(item)) {
                    tabs.add(item);
                }
            } else {
                tabs.remove(item);
            }
        }
        refreshActions();
    }

    /**
     * A worked contact that is queued again, scheduled, or with another agent has left this one (a
     * transfer, a callback). An offer going back to the queue is left to its revocation, which says why.
     */
    private boolean leftThisAgent(InteractionView view, boolean wasOffer) {
        if (view.agentId() != null && view.agentId() != session.agentId()) {
            return true;
        }
        boolean waiting = view.state() == InteractionState.QUEUED || view.state() == InteractionState.SCHEDULED;
        return waiting && !wasOffer;
    }

    /** The selected contact if it is in the wanted state, otherwise the oldest one that is. */
    private Optional<ContactItem> target(InteractionState wanted) {
        ContactItem current = selected.get();
        if (current != null && current.state() == wanted && !current.pending.get()) {
            return Optional.of(current);
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            ContactItem item = items.get(i);
            if (item.state() == wanted && !item.pending.get()) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private void remove(ContactItem item) {
        int index = items.indexOf(item);
        if (index < 0) {
            return;
        }
        int tab = tabs.indexOf(item);
        items.remove(index);
        tabs.remove(item);
        if (selected.get() == item) {
            selected.set(nextShown(item, index, tab));
        }
        if (beforeOffer == item) {
            beforeOffer = null;
        }
        refreshActions();
    }

    /**
     * What the card shows once the selected contact goes: for an offer, what was shown before it popped;
     * for a tab, its neighbour; otherwise the nearest contact of the list.
     */
    private ContactItem nextShown(ContactItem gone, int index, int tab) {
        if (gone.state() == InteractionState.OFFERED && beforeOffer != null && items.contains(beforeOffer)) {
            return beforeOffer;
        }
        if (tab >= 0 && !tabs.isEmpty()) {
            return tabs.get(Math.min(tab, tabs.size() - 1));
        }
        return items.isEmpty() ? null : items.get(Math.min(index, items.size() - 1));
    }

    private void refreshActions() {
        canAccept.set(target(InteractionState.OFFERED).isPresent());
        Optional<ContactItem> current = current();
        canEnd.set(current.isPresent());
        canCallback.set(current.filter(i -> i.channel() == Channel.PHONE).isPresent());
    }

    private Optional<ContactItem> find(long interactionId) {
        return items.stream().filter(i -> i.interactionId() == interactionId).findFirst();
    }
}
