package dev.switchboard.desktop.customer;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerMergeView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.ContactKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merging duplicates into the customer on the card (supervisors and administrators): the customers
 * that may be the same person are asked for when the dialog opens; the one picked is shown beside the
 * card's customer; Merge… asks first, saying what moves and that it cannot be undone; the merge runs
 * in the background and its outcome, or the server's refusal, is shown. The card is told of the
 * customer as it is after the merge.
 */
public final class CustomerMergeViewModel {
    /** One side of the comparison: what the agent reads of a customer. */
    public record Side(String name, String company, String phones, String emails, String postcode) {
        static final Side NONE = new Side("", "", "", "", "");

        static Side of(CustomerSummary c) {
            if (c == null) {
                return NONE;
            }
            return new Side(c.displayName(), c.company() == null ? "" : c.company(), points(c, ContactKind.PHONE),
                    points(c, ContactKind.EMAIL), c.address() == null || c.address().postcode() == null ? ""
                            : c.address().postcode());
        }

        private static String points(CustomerSummary c, ContactKind kind) {
            List<String> out = new ArrayList<>();
            for (ContactPointView p : c.contactPoints() == null ? List.<ContactPointView>of() : c.contactPoints()) {
                if (p.kind() == kind) {
                    out.add(p.display() == null || p.display().isBlank() ? p.value() : p.display());
                }
            }
            return String.join("\n", out);
        }
    }

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final boolean allowed;
    private final ObservableList<DuplicateRow> duplicates = FXCollections.observableArrayList();
    private final ObjectProperty<DuplicateRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<CustomerSummary> customer = new ReadOnlyObjectWrapper<>(this, "customer");
    private final ReadOnlyObjectWrapper<Side> keep = new ReadOnlyObjectWrapper<>(this, "keep", Side.NONE);
    private final ReadOnlyObjectWrapper<Side> other = new ReadOnlyObjectWrapper<>(this, "other", Side.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper(this, "question", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper(this, "confirming");
    private final ReadOnlyBooleanWrapper merging = new ReadOnlyBooleanWrapper(this, "merging");
    private Consumer<CustomerSummary> onMerged = c -> { };
    /** Bumped on each open, so an answer for a customer no longer shown is dropped. */
    private long opened;

    /** @param allowed whether the person signed in may merge customers (supervisors and administrators) */
    public CustomerMergeViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors,
                                  boolean allowed) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.allowed = allowed;
        selected.addListener((obs, old, now) -> {
            other.set(now == null ? Side.NONE : Side.of(now.customer()));
            confirming.set(false);
        });
    }

    /** Supervisors and administrators may merge; for anyone else the card offers nothing. */
    public boolean allowed() {
        return allowed;
    }

    /** The card tells of the customer as it is after a merge. */
    public void onMerged(Consumer<CustomerSummary> listener) {
        this.onMerged = listener == null ? c -> { } : listener;
    }

    /** Starts over for {@code shown}: its duplicates are asked for. */
    public void open(CustomerSummary shown) {
        long asked = ++opened;
        customer.set(shown);
        keep.set(Side.of(shown));
        duplicates.clear();
        selected.set(null);
        confirming.set(false);
        merging.set(false);
        result.set("");
        error.set("");
        if (shown == null) {
            title.set("");
            status.set("");
            return;
        }
        title.set(messages.format("customer.merge.title", shown.displayName()));
        status.set(messages.get("customer.merge.loading"));
        loading.set(true);
        tasks.run(() -> api.duplicatesOf(shown.id()), found -> {
            if (asked != opened) {
                return;
            }
            loading.set(false);
            duplicates.setAll(found.stream().map(DuplicateRow::of).toList());
            showCount();
            if (!duplicates.isEmpty()) {
                selected.set(duplicates.get(0));
            }
        }, e -> {
            if (asked != opened) {
                return;
            }
            loading.set(false);
            status.set("");
            error.set(errors.of(e));
        });
    }

    /** Merge…: asks first, saying what moves; false when nothing is picked or a merge runs. */
    public boolean ask() {
        DuplicateRow picked = selected.get();
        CustomerSummary survivor = customer.get();
        if (picked == null || survivor == null || merging.get() || !allowed) {
            return false;
        }
        question.set(messages.format("customer.merge.question", picked.name(), picked.customer().id(),
                survivor.displayName(), survivor.id()));
        error.set("");
        result.set("");
        confirming.set(true);
        return true;
    }

    /** Back from the question without merging. */
    public void back() {
        if (!merging.get()) {
            confirming.set(false);
        }
    }

    /** The agent confirmed: the picked customer is merged into the card's. */
    public void merge() {
        DuplicateRow picked = selected.get();
        CustomerSummary survivor = customer.get();
        if (!confirming.get() || picked == null || survivor == null || merging.get()) {
            return;
        }
        long asked = opened;
        merging.set(true);
        error.set("");
        tasks.run(() -> api.mergeCustomer(survivor.id(), picked.customer().id()), done -> {
            merging.set(false);
            confirming.set(false);
            if (asked != opened) {
                return;
            }
            merged(picked, done);
        }, e -> {
            merging.set(false);
            confirming.set(false);
            error.set(messages.format("customer.merge.failed", errors.of(e)));
        });
    }

    private void merged(DuplicateRow picked, CustomerMergeView done) {
        customer.set(done.customer());
        keep.set(Side.of(done.customer()));
        duplicates.remove(picked);
        selected.set(duplicates.isEmpty() ? null : duplicates.get(0));
        showCount();
        result.set(messages.format("customer.merge.done", picked.name(), done.customer().displayName(),
                moved(done.moved())));
        onMerged.accept(done.customer());
    }

    /** "2 contacts, 1 ticket, 3 contact points" — only what moved. */
    private String moved(CustomerMergeView.Moved m) {
        if (m == null) {
            return messages.get("customer.merge.moved.nothing");
        }
        List<String> parts = new ArrayList<>();
        part(parts, m.interactions(), "customer.merge.moved.contacts");
        part(parts, m.tickets(), "customer.merge.moved.tickets");
        part(parts, m.contactPoints(), "customer.merge.moved.points");
        part(parts, m.purchases(), "customer.merge.moved.purchases");
        part(parts, m.permissions(), "customer.merge.moved.permissions");
        part(parts, m.callRecords(), "customer.merge.moved.callRecords");
        return parts.isEmpty() ? messages.get("customer.merge.moved.nothing") : String.join(", ", parts);
    }

    private void part(List<String> parts, int count, String key) {
        if (count > 0) {
            parts.add(messages.format(key, count));
        }
    }

    private void showCount() {
        status.set(duplicates.isEmpty() ? messages.get("customer.merge.none")
                : messages.format("customer.merge.count", duplicates.size()));
    }

    // ---- what the view binds ----

    public ObservableList<DuplicateRow> duplicates() {
        return duplicates;
    }

    /** The duplicate picked to merge; shown beside the card's customer. */
    public ObjectProperty<DuplicateRow> selectedProperty() {
        return selected;
    }

    /** The card's customer, as it is after any merge. */
    public ReadOnlyObjectProperty<CustomerSummary> customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Side> keepProperty() {
        return keep.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Side> otherProperty() {
        return other.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Looking for duplicates…", "2 possible duplicates", "No duplicates found". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the confirmation says: who goes into whom, what moves, and that it cannot be undone. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** What the last merge did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mergingProperty() {
        return merging.getReadOnlyProperty();
    }
}
