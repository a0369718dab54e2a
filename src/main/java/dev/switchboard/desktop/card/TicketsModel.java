package dev.switchboard.desktop.card;

import dev.switchboard.api.TicketView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The customer's open tickets, most urgent first and, within a priority, oldest first. */
public final class TicketsModel {
    /** Priority high to low, then age old to new. */
    static final Comparator<TicketView> ORDER = Comparator
            .comparing(TicketView::priority, Comparator.reverseOrder())
            .thenComparing(TicketView::createdAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final Formats formats;
    private final ErrorText errors;
    private final Clock clock;
    private final List<TicketView> tickets = new ArrayList<>();
    private final ObservableList<TicketRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long customerId = -1;
    private int generation;

    public TicketsModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums, Formats formats,
                        ErrorText errors, Clock clock) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
        this.errors = errors;
        this.clock = clock;
        title.set(messages.format("card.tickets.title", 0));
    }

    public ObservableList<TicketRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Open tickets (3)". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void clear() {
        generation++;
        customerId = -1;
        loading.set(false);
        error.set("");
        show(List.of());
    }

    /** Tickets that came with the screen-pop: no server call. */
    void show(long customer, List<TicketView> list) {
        generation++;
        customerId = customer;
        loading.set(false);
        error.set("");
        show(list == null ? List.of() : list);
    }

    void load(long customer) {
        int asked = ++generation;
        customerId = customer;
        show(List.of());
        loading.set(true);
        error.set("");
        tasks.run(() -> api.openTickets(customer), list -> {
            if (asked == generation) {
                loading.set(false);
                show(list);
            }
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                error.set(errors.of(e));
            }
        });
    }

    /** The open ticket with this id as the card has it, or null. */
    public TicketView ticket(long id) {
        return tickets.stream().filter(t -> t.id() == id).findFirst().orElse(null);
    }

    /** A ticket changed somewhere: add, update or drop it if it belongs to this customer. */
    public void upsert(TicketView ticket) {
        if (ticket.customerId() != customerId) {
            return;
        }
        List<TicketView> next = new ArrayList<>(tickets);
        next.removeIf(t -> t.id() == ticket.id());
        if (ticket.status() != null && ticket.status().isOpen()) {
            next.add(ticket);
        }
        show(next);
    }

    private void show(List<TicketView> list) {
        tickets.clear();
        list.stream().filter(t -> t.status() == null || t.status().isOpen()).sorted(ORDER).forEach(tickets::add);
        Instant now = clock.instant();
        List<TicketRow> next = new ArrayList<>(tickets.size());
        for (TicketView t : tickets) {
            next.add(new TicketRow(t.id(), messages.format("ticket.number", t.id()), t.priority(),
                    enums.priority(t.priority()), t.status(), enums.status(t.status()),
                    formats.age(t.createdAt(), now), t.subject()));
        }
        rows.setAll(next);
        title.set(messages.format("card.tickets.title", next.size()));
    }
}
