package dev.switchboard.desktop.contacts;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;

/**
 * One contact in the agent's list: the offer as it arrived (with its screen-pop) and what has happened
 * to it since. The texts are prepared by {@link ContactsViewModel}; the list cell only binds them.
 */
public final class ContactItem {
    private final long interactionId;
    private final Channel channel;
    private final ScreenPop pop;
    private final Instant offeredAt;
    private final Instant expiresAt;
    private final ObjectProperty<InteractionView> interaction = new SimpleObjectProperty<>(this, "interaction");
    private final ObjectProperty<InteractionState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<CustomerSummary> customer = new SimpleObjectProperty<>(this, "customer");
    final StringProperty title = new SimpleStringProperty(this, "title", "");
    final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    final StringProperty timer = new SimpleStringProperty(this, "timer", "");
    final StringProperty remainingText = new SimpleStringProperty(this, "remainingText", "");
    final DoubleProperty remaining = new SimpleDoubleProperty(this, "remaining", 0);
    final BooleanProperty pending = new SimpleBooleanProperty(this, "pending");
    final ObjectProperty<Urgency> urgency = new SimpleObjectProperty<>(this, "urgency", Urgency.NORMAL);
    private boolean shown;

    ContactItem(ScreenPop pop, Instant offeredAt, Instant expiresAt) {
        this.interactionId = pop.interaction().id();
        this.channel = pop.interaction().channel();
        this.pop = pop;
        this.offeredAt = offeredAt;
        this.expiresAt = expiresAt;
        this.interaction.set(pop.interaction());
        this.state.set(InteractionState.OFFERED);
        this.customer.set(pop.customer());
    }

    public long interactionId() {
        return interactionId;
    }

    public Channel channel() {
        return channel;
    }

    /** What the offer carried, as it arrived: the card draws from it without asking the server. */
    public ScreenPop pop() {
        return pop;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public InteractionView interaction() {
        return interaction.get();
    }

    public ReadOnlyObjectProperty<InteractionView> interactionProperty() {
        return interaction;
    }

    /** Where the contact stands in routing (queue, transfer note, callback, wrap-up); may be null. */
    public RoutingView routing() {
        InteractionView view = interaction.get();
        return view == null ? null : view.routing();
    }

    /** The note a colleague left when they transferred the contact here; null if none. */
    public String transferNote() {
        RoutingView r = routing();
        return r == null || r.transferNote() == null || r.transferNote().isBlank() ? null : r.transferNote().strip();
    }

    /** For a callback: the number to call; otherwise null. */
    public String callbackNumber() {
        RoutingView r = routing();
        return r == null || r.callbackNumber() == null || r.callbackNumber().isBlank() ? null : r.callbackNumber();
    }

    /** The address as people write it (the caller's number, the sender's e-mail...). */
    public String address() {
        InteractionView view = interaction.get();
        return view.addressDisplay() != null && !view.addressDisplay().isBlank() ? view.addressDisplay() : view.address();
    }

    public InteractionState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<InteractionState> stateProperty() {
        return state;
    }

    /** The customer this contact belongs to: matched, picked or created; null while unknown. */
    public CustomerSummary customer() {
        return customer.get();
    }

    public ReadOnlyObjectProperty<CustomerSummary> customerProperty() {
        return customer;
    }

    /** The agent linked the contact to a customer (picked among several, or created one). */
    public void linkTo(CustomerSummary summary) {
        customer.set(summary);
        title.set(summary.displayName());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty subjectProperty() {
        return subject;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty timerProperty() {
        return timer;
    }

    public ReadOnlyStringProperty remainingTextProperty() {
        return remainingText;
    }

    /** How pressing the running clock is (the wrap-up countdown turns warning, then danger). */
    public ReadOnlyObjectProperty<Urgency> urgencyProperty() {
        return urgency;
    }

    /** Share of the offer's time still left, 1 to 0. */
    public ReadOnlyDoubleProperty remainingProperty() {
        return remaining;
    }

    /** A request about this contact (accept, reject, end) is on its way. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending;
    }

    /** True the first time only: the card reports an offer's first drawing, not every revisit. */
    public boolean firstShowing() {
        boolean first = !shown;
        shown = true;
        return first;
    }

    void update(InteractionView view) {
        interaction.set(view);
        state.set(view.state());
    }

    void markPending(boolean value) {
        pending.set(value);
    }
}
