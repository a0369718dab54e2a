package dev.switchboard.desktop.contacts;

import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The agent's incoming and active contacts: offers arrive from the event stream, the agent accepts,
 * rejects or ends them, and the server's answers and events move them along.
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
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<ContactItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ContactItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyBooleanWrapper canEnd = new ReadOnlyBooleanWrapper(this, "canEnd");

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
        subscriptions.add(session.events().on(OfferEvent.class, this::onOffer));
        subscriptions.add(session.events().on(OfferRevokedEvent.class, this::onRevoked));
        subscriptions.add(session.events().on(InteractionEvent.class, e -> onInteraction(e.interaction())));
        subscriptions.listen(selected, (obs, old, now) -> refreshActions());
    }

    public ObservableList<ContactItem> items() {
        return items;
    }

    public ObjectProperty<ContactItem> selectedProperty() {
        return selected;
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

    /** An offer for this agent: it joins the list at the top and is selected, so the card pops. */
    public void onOffer(OfferEvent offer) {
        if (offer.agentId() != session.agentId() || offer.pop() == null || offer.pop().interaction() == null) {
            return;
        }
        find(offer.interactionId()).ifPresent(items::remove);
        ContactItem item = new ContactItem(offer.pop(), offer.offeredAt(), offer.expiresAt());
        item.title.set(title(offer.pop()));
        item.subject.set(subject(offer.pop().interaction()));
        describe(item, clock.instant());
        items.add(0, item);
        selected.set(item);
        refreshActions();
    }

    /** Asks the server for the contacts still active with this agent and lists them. */
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
            item.title.set(title(pop));
            item.subject.set(subject(pop.interaction()));
            items.add(item);
            apply(item, pop.interaction());
        }
        if (selected.get() == null && !items.isEmpty()) {
            selected.set(items.get(0));
        }
    }

    public void onRevoked(OfferRevokedEvent revoked) {
        if (revoked.agentId() != session.agentId()) {
            return;
        }
        find(revoked.interactionId())
                .filter(item -> item.state() == InteractionState.OFFERED)
                .ifPresent(item -> {
                    remove(item);
                    notices.post(messages.format("contacts.revoked", item.title.get(), reason(revoked.reason())));
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

    public void end() {
        target(InteractionState.ACTIVE).ifPresent(item -> send(item, () -> api.end(item.interactionId()), view -> {
            item.update(view);
            remove(item);
        }));
    }

    /** Called every second: the waiting and talking clocks, and the offer's time left. */
    public void tick(Instant now) {
        for (ContactItem item : items) {
            describe(item, now);
        }
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
        item.update(view);
        if (view.state().isFinished()) {
            remove(item);
        } else {
            describe(item, clock.instant());
        }
        refreshActions();
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
        items.remove(index);
        if (selected.get() == item) {
            selected.set(items.isEmpty() ? null : items.get(Math.min(index, items.size() - 1)));
        }
        refreshActions();
    }

    private void refreshActions() {
        canAccept.set(target(InteractionState.OFFERED).isPresent());
        canEnd.set(target(InteractionState.ACTIVE).isPresent());
    }

    private Optional<ContactItem> find(long interactionId) {
        return items.stream().filter(i -> i.interactionId() == interactionId).findFirst();
    }

    private void describe(ContactItem item, Instant now) {
        item.stateText.set(enums.interactionState(item.state()));
        InteractionView view = item.interaction();
        if (item.state() == InteractionState.OFFERED) {
            item.timer.set(Formats.clock(Duration.between(item.offeredAt(), now)));
            Duration total = Duration.between(item.offeredAt(), item.expiresAt());
            Duration left = Duration.between(now, item.expiresAt());
            long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
            item.remainingText.set(messages.format("contacts.remaining", seconds));
            item.remaining.set(total.isZero() || total.isNegative() ? 0
                    : Math.max(0, Math.min(1, left.toMillis() / (double) total.toMillis())));
        } else {
            Instant since = view.answeredAt() != null ? view.answeredAt() : item.offeredAt();
            item.timer.set(Formats.clock(Duration.between(since, now)));
            item.remainingText.set("");
            item.remaining.set(0);
        }
    }

    private String title(ScreenPop pop) {
        InteractionView view = pop.interaction();
        String address = view.addressDisplay() != null ? view.addressDisplay() : view.address();
        if (pop.match() == MatchKind.SINGLE && pop.customer() != null) {
            return pop.customer().displayName();
        }
        if (pop.match() == MatchKind.SEVERAL && pop.candidates() != null) {
            return messages.format("contacts.title.several", address, pop.candidates().size());
        }
        return address;
    }

    private String subject(InteractionView view) {
        if (view.subject() != null && !view.subject().isBlank()) {
            return view.subject().strip();
        }
        String line = Formats.firstLine(view.body());
        return line.isEmpty() ? enums.noSubject(view.channel()) : line;
    }

    private String reason(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("time") || r.contains("expire")) {
            return messages.get("contacts.revoked.timeout");
        }
        if (r.contains("taken") || r.contains("elsewhere") || r.contains("accepted") || r.contains("other")) {
            return messages.get("contacts.revoked.taken");
        }
        if (r.contains("unavailable")) {
            return messages.get("contacts.revoked.unavailable");
        }
        if (r.contains("withdrawn")) {
            return messages.get("contacts.revoked.withdrawn");
        }
        if (r.contains("abandon") || r.contains("hang") || r.contains("hung") || r.contains("left")) {
            return messages.get("contacts.revoked.abandoned");
        }
        if (r.contains("reject")) {
            return messages.get("contacts.revoked.rejected");
        }
        return r.isBlank() ? messages.get("contacts.revoked.unknown") : reason;
    }
}
