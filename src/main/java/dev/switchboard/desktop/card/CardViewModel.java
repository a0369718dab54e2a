package dev.switchboard.desktop.card;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.customer.NewCustomerViewModel;
import dev.switchboard.desktop.session.StreamEvents;
import dev.switchboard.desktop.ticket.NewTicketViewModel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.LongConsumer;

/**
 * The customer card: who is on the line (drawn from the offer's screen-pop with no server call), their
 * open tickets and their timeline; or, for an unknown address, the way to create the customer; or, for
 * an address several customers share, the choice between them. Once the card is drawn, what the server
 * works out about the customer (value, churn signals, permissions) follows; a new ticket starts here.
 */
public final class CardViewModel {
    /** What the card shows. */
    public enum Mode { EMPTY, CUSTOMER, UNKNOWN, SEVERAL, NEW_CUSTOMER }

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final NewCustomerViewModel form;
    private final TicketsModel tickets;
    private final TimelineModel timeline;
    private final IdentityModel identity;
    private final InsightModel insight;
    private final NewTicketViewModel newTicket;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyObjectWrapper<ContactItem> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyObjectWrapper<InteractionState> contactState = new ReadOnlyObjectWrapper<>(this, "contactState");
    private final ReadOnlyStringWrapper contactTitle = new ReadOnlyStringWrapper(this, "contactTitle", "");
    private final ReadOnlyStringWrapper contactSubject = new ReadOnlyStringWrapper(this, "contactSubject", "");
    private final ReadOnlyStringWrapper transferNote = new ReadOnlyStringWrapper(this, "transferNote", "");
    private final ChangeListener<InteractionView> routingListener = (obs, old, now) -> showRouting();
    private final ReadOnlyObjectWrapper<CustomerSummary> customer = new ReadOnlyObjectWrapper<>(this, "customer");
    private final ReadOnlyStringWrapper unknownTitle = new ReadOnlyStringWrapper(this, "unknownTitle", "");
    private final ReadOnlyStringWrapper severalTitle = new ReadOnlyStringWrapper(this, "severalTitle", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<CustomerSummary> candidates = FXCollections.observableArrayList();
    private Mode beforeForm = Mode.EMPTY;
    private LongConsumer popShown = id -> { };

    public CardViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums,
                         ErrorText errors, StreamEvents events, NewCustomerViewModel form, TicketsModel tickets,
                         TimelineModel timeline, IdentityModel identity, InsightModel insight,
                         NewTicketViewModel newTicket) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.form = form;
        this.tickets = tickets;
        this.timeline = timeline;
        this.identity = identity;
        this.insight = insight;
        this.newTicket = newTicket;
        form.onSaved(this::customerCreated);
        form.onCancelled(this::cancelNewCustomer);
        newTicket.onCreated(this::ticketChanged);
        subscriptions.add(events.on(TicketEvent.class, e -> ticketChanged(e.ticket())));
        subscriptions.listen(insight.bandProperty(), (obs, old, now) -> identity.bandKnown(!now.isEmpty()));
        subscriptions.add(events.on(InteractionEvent.class, e -> timeline.upsert(e.interaction())));
    }

    /** Shows a contact of the list; an offer's first showing draws straight from its screen-pop. */
    public void showContact(ContactItem item) {
        setContact(item);
        ScreenPop pop = item.pop();
        CustomerSummary linked = item.customer();
        if (pop.match() == MatchKind.SINGLE && pop.customer() != null && linked != null
                && linked.id() == pop.customer().id()) {
            fill(pop.customer());
            tickets.show(pop.customer().id(), pop.openTickets());
            timeline.clear();
            timeline.showRecent(pop.recent());
            timeline.load(pop.customer().id());
            mode.set(Mode.CUSTOMER);
            // asked after the pop is in the controls, like the timeline: the pop never waits for it
            insight.load(pop.customer().id());
        } else if (linked != null) {
            showLinked(linked);
        } else if (pop.match() == MatchKind.SEVERAL && pop.candidates() != null && !pop.candidates().isEmpty()) {
            clearCustomer();
            candidates.setAll(pop.candidates());
            severalTitle.set(messages.format("card.several.title", pop.candidates().size(), addressOf(item)));
            mode.set(Mode.SEVERAL);
        } else {
            clearCustomer();
            unknownTitle.set(messages.format(unknownKey(item), addressOf(item)));
            mode.set(Mode.UNKNOWN);
        }
        if (item.firstShowing()) {
            popShown.accept(item.interactionId());
        }
    }

    /** No contact is selected any more (its wrap-up is done, or it went elsewhere): the card empties. */
    public void contactClosed() {
        setContact(null);
        clearCustomer();
        mode.set(Mode.EMPTY);
    }

    /** Opens a customer found by search: header at once, tickets and timeline as they load. */
    public void openCustomer(CustomerSummary summary) {
        setContact(null);
        showLinked(summary);
    }

    /** The agent picked which of several customers is on the line. */
    public void pick(CustomerSummary chosen) {
        ContactItem item = contact.get();
        if (item == null || chosen == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run(() -> api.linkCustomer(item.interactionId(), chosen.id()), view -> {
            busy.set(false);
            item.linkTo(chosen);
            if (contact.get() == item) {
                showLinked(chosen);
            }
        }, e -> {
            busy.set(false);
            error.set(errors.of(e));
        });
    }

    /**
     * A duplicate was merged into {@code survivor}: if the card shows that customer, it is drawn again
     * with what it holds now (tickets, timeline and insight asked for again).
     */
    public void customerMerged(CustomerSummary survivor) {
        CustomerSummary shown = customer.get();
        if (survivor != null && shown != null && shown.id() == survivor.id() && mode.get() == Mode.CUSTOMER) {
            showLinked(survivor);
        }
    }

    /** Opens the new-customer form, prefilled from the current contact when it is unknown. */
    public void startNewCustomer() {
        if (mode.get() != Mode.NEW_CUSTOMER) {
            beforeForm = mode.get();
        }
        ContactItem item = contact.get();
        if (item != null && item.customer() == null) {
            InteractionView view = item.interaction();
            form.prefill(view.channel().addressKind(), addressOf(item), item.interactionId());
        } else {
            form.prefill(ContactKind.PHONE, "", null);
        }
        mode.set(Mode.NEW_CUSTOMER);
    }

    public void cancelNewCustomer() {
        if (mode.get() == Mode.NEW_CUSTOMER) {
            mode.set(beforeForm);
        }
    }

    /**
     * Opens the new-ticket panel for the customer shown, linked to the contact in hand; false when the
     * card shows no customer.
     */
    public boolean startNewTicket() {
        CustomerSummary shown = customer.get();
        if (shown == null || mode.get() != Mode.CUSTOMER) {
            newTicket.noCustomer();
            return false;
        }
        ContactItem item = contact.get();
        boolean linked = item != null && item.customer() != null && item.customer().id() == shown.id();
        newTicket.open(new NewTicketViewModel.For(shown.id(), shown.displayName(),
                linked ? item.interactionId() : null, linked ? item.channel() : null));
        return true;
    }

    /** Reports each offer's first showing (the controller turns it into "drawn" on the next pulse). */
    public void onPopShown(LongConsumer listener) {
        this.popShown = listener == null ? id -> { } : listener;
    }

    public void dispose() {
        subscriptions.close();
        setContact(null);
        popShown = id -> { };
    }

    /** A ticket changed (here or by a colleague): the list shows it, and a complaint may change the insight. */
    private void ticketChanged(TicketView ticket) {
        tickets.upsert(ticket);
        insight.ticketChanged(ticket);
    }

    private void customerCreated(CustomerSummary created) {
        ContactItem item = contact.get();
        if (item != null && form.interactionId() != null && item.interactionId() == form.interactionId()) {
            item.linkTo(created);
        }
        showLinked(created);
    }

    private void showLinked(CustomerSummary summary) {
        fill(summary);
        tickets.load(summary.id());
        timeline.clear();
        timeline.load(summary.id());
        mode.set(Mode.CUSTOMER);
        insight.load(summary.id());
    }

    private void setContact(ContactItem item) {
        contactState.unbind();
        ContactItem previous = contact.get();
        if (previous != null) {
            previous.interactionProperty().removeListener(routingListener);
        }
        contact.set(item);
        error.set("");
        if (item == null) {
            contactState.set(null);
            contactTitle.set("");
            contactSubject.set("");
            transferNote.set("");
            return;
        }
        contactState.bind(item.stateProperty());
        item.interactionProperty().addListener(routingListener);
        showRouting();
    }

    /** The title says "Call back …" for a callback; a transfer note is shown for as long as it travels. */
    private void showRouting() {
        ContactItem item = contact.get();
        if (item == null) {
            return;
        }
        String callback = item.callbackNumber();
        contactTitle.set(callback != null ? messages.format("card.contact.callback", callback)
                : messages.format("card.contact.title", enums.channel(item.channel()), addressOf(item)));
        contactSubject.set(item.subjectProperty().get());
        String note = item.transferNote();
        transferNote.set(note == null ? "" : note);
    }

    private void fill(CustomerSummary summary) {
        newTicket.customerShown(summary.id());
        customer.set(summary);
        candidates.clear();
        identity.fill(summary, contact.get() == null ? null : contact.get().interaction());
    }

    private void clearCustomer() {
        newTicket.customerShown(-1);
        insight.clear();
        customer.set(null);
        identity.clear();
        candidates.clear();
        tickets.clear();
        timeline.clear();
    }

    private static String addressOf(ContactItem item) {
        InteractionView view = item.interaction();
        return view.addressDisplay() != null && !view.addressDisplay().isBlank() ? view.addressDisplay() : view.address();
    }

    private static String unknownKey(ContactItem item) {
        return switch (item.channel()) {
            // the agent dialled it: the other side is not a caller
            case PHONE -> item.interaction().direction() == Direction.OUTBOUND
                    ? "card.unknown.dialled" : "card.unknown.phone";
            case EMAIL -> "card.unknown.email";
            case CHAT -> "card.unknown.chat";
            case SOCIAL -> "card.unknown.social";
        };
    }

    // ---- what the view binds ----

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactItem> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InteractionState> contactStateProperty() {
        return contactState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactTitleProperty() {
        return contactTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactSubjectProperty() {
        return contactSubject.getReadOnlyProperty();
    }

    /** The note a colleague wrote when they transferred this contact here; "" if none. */
    public ReadOnlyStringProperty transferNoteProperty() {
        return transferNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CustomerSummary> customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unknownTitleProperty() {
        return unknownTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severalTitleProperty() {
        return severalTitle.getReadOnlyProperty();
    }

    /** Linking the contact to a customer is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public IdentityModel identity() {
        return identity;
    }

    public ObservableList<CustomerSummary> candidates() {
        return candidates;
    }

    public TicketsModel tickets() {
        return tickets;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    public InsightModel insight() {
        return insight;
    }

    public NewTicketViewModel newTicket() {
        return newTicket;
    }

    public NewCustomerViewModel form() {
        return form;
    }
}
