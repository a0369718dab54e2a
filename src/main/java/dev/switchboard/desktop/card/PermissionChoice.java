package dev.switchboard.desktop.card;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One box of the contact-permission grid: whether the customer may be contacted on a channel for a
 * purpose, whether they were ever asked (otherwise the purpose's default applies), and whether a
 * change to it is on its way to the server.
 */
public final class PermissionChoice {
    private final Channel channel;
    private final ContactPurpose purpose;
    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(this, "allowed");
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper(this, "recorded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    PermissionChoice(Channel channel, ContactPurpose purpose) {
        this.channel = channel;
        this.purpose = purpose;
        reset();
    }

    public Channel channel() {
        return channel;
    }

    public ContactPurpose purpose() {
        return purpose;
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /** The customer answered for this box; false: nobody asked, the purpose's default applies. */
    public ReadOnlyBooleanProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** A change is on its way to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void show(boolean isAllowed, boolean isRecorded) {
        allowed.set(isAllowed);
        recorded.set(isRecorded);
    }

    void reset() {
        show(purpose.allowedUnlessAsked(), false);
        busy.set(false);
    }

    void busy(boolean now) {
        busy.set(now);
    }
}
