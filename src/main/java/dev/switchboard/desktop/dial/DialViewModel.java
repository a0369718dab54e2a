package dev.switchboard.desktop.dial;

import dev.switchboard.api.DialRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Click-to-dial: the server rings the agent's phone, then calls the number. The call comes back as a
 * contact already in the agent's hands, and opens in its own tab like any other; its call bar then
 * follows it from ringing to connected. The server checks the number and whether the phone can ring.
 */
public final class DialViewModel {
    private final ContactsViewModel contacts;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public DialViewModel(ContactsViewModel contacts, SwitchboardApi api, TaskRunner tasks, Messages messages,
                         ErrorText errors, NoticeBoard notices) {
        this.contacts = contacts;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.notices = notices;
    }

    /** Dials the number typed in the dial box. */
    public void dial() {
        place(number.get(), null, false);
    }

    /**
     * Dials one of a customer's numbers (the card's call buttons): the call goes on their timeline. The
     * dial box shows the number as it is written, so a failure reads next to it.
     */
    public void dialCustomer(String value, String display, Long customerId) {
        if (busy.get()) {
            return;
        }
        number.set(display == null || display.isBlank() ? value : display);
        place(value, customerId, true);
    }

    private void place(String typed, Long customerId, boolean fromCard) {
        if (busy.get()) {
            return;
        }
        String dialled = typed == null ? "" : typed.strip();
        if (dialled.isEmpty()) {
            error.set(messages.get("dial.error.empty"));
            return;
        }
        error.set("");
        busy.set(true);
        tasks.run(() -> api.dial(new DialRequest(dialled, customerId)), pop -> {
            busy.set(false);
            number.set("");
            contacts.opened(pop);
        }, e -> {
            busy.set(false);
            error.set(errors.of(e));
            if (fromCard) {
                // the agent is looking at the card, not at the dial box
                notices.post(messages.format("dial.failed", number.get(), errors.of(e)));
            }
        });
    }

    /** The number to call, as the agent types it. */
    public StringProperty numberProperty() {
        return number;
    }

    /** Why the last dial failed (no number, the phone is not registered, not a number...); "" if it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
