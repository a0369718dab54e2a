package dev.switchboard.desktop.search;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Free-text search for customers (name, number, e-mail, handle, ticket number). Results replace the
 * contact list until the agent closes them; opening one shows the same card as a screen-pop.
 */
public final class SearchViewModel {
    static final int LIMIT = 50;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private Consumer<CustomerSummary> opener = c -> { };
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<CustomerSummary> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private int generation;

    public SearchViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
    }

    /** Who opens a chosen customer (the main window shows it on the card). */
    public void onOpen(Consumer<CustomerSummary> listener) {
        this.opener = listener == null ? c -> { } : listener;
    }

    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        active.set(true);
        failed.set(false);
        if (text.isEmpty()) {
            generation++;
            results.clear();
            searching.set(false);
            summary.set("");
            message.set(messages.get("search.hint"));
            return;
        }
        int asked = ++generation;
        searching.set(true);
        message.set("");
        summary.set(messages.format("search.searching", text));
        tasks.run(() -> api.search(text, LIMIT), found -> {
            if (asked != generation) {
                return;
            }
            searching.set(false);
            results.setAll(found);
            summary.set(messages.format("search.summary", found.size(), text));
            message.set(found.isEmpty() ? messages.format("search.empty", text) : "");
        }, e -> {
            if (asked != generation) {
                return;
            }
            searching.set(false);
            results.clear();
            summary.set("");
            failed.set(true);
            message.set(errors.of(e));
        });
    }

    public void open(CustomerSummary customer) {
        if (customer != null) {
            opener.accept(customer);
        }
    }

    /** Back to the contact list; the query stays for next time. */
    public void close() {
        generation++;
        active.set(false);
        searching.set(false);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<CustomerSummary> results() {
        return results;
    }

    /** Results are showing in place of the contact list. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** "No customer matches …", a hint, or the error; empty when there are results. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** "3 results for “smith”". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
