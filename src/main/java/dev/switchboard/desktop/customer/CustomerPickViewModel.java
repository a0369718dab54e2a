package dev.switchboard.desktop.customer;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finding a customer by name, number, e-mail address or ticket, for someone who has no card to open
 * them from (a supervisor about to merge duplicates). An answer to an older search is dropped.
 */
public final class CustomerPickViewModel {
    static final int LIMIT = 20;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final ObservableList<CustomerSummary> found = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private long asked;

    public CustomerPickViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
    }

    /** Starts over: nothing searched yet. */
    public void reset() {
        asked++;
        found.clear();
        error.set("");
        searching.set(false);
        status.set(messages.get("customer.pick.hint"));
    }

    /** Searches for what was typed; fewer than two characters find nothing. */
    public void search(String text) {
        long mine = ++asked;
        String q = text == null ? "" : text.strip();
        error.set("");
        if (q.length() < 2) {
            found.clear();
            searching.set(false);
            status.set(messages.get("customer.pick.hint"));
            return;
        }
        searching.set(true);
        status.set(messages.get("customer.pick.searching"));
        tasks.run(() -> api.search(q, LIMIT), list -> {
            if (mine != asked) {
                return;
            }
            searching.set(false);
            found.setAll(list);
            status.set(list.isEmpty() ? messages.format("customer.pick.none", q)
                    : messages.format("customer.pick.found", list.size()));
        }, e -> {
            if (mine != asked) {
                return;
            }
            searching.set(false);
            found.clear();
            status.set("");
            error.set(errors.of(e));
        });
    }

    public ObservableList<CustomerSummary> found() {
        return found;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }
}
