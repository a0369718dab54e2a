package dev.switchboard.desktop.customer;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateProbe;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.conversation.ConversationTools.Pause;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Salutations;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The new-customer form: usually opened from an unknown caller, prefilled with their address, and
 * saved with the interaction so the contact is linked to the customer in the same write.
 *
 * <p>As the agent types a name, the address or a postcode, the server is asked which customers may be
 * the same person once the typing has rested for {@link #QUIET}; the wait and the question run off the
 * UI thread, one at a time. The agent may use one of them instead (the contact is then linked to it)
 * or create the customer anyway.
 */
public final class NewCustomerViewModel {
    /** How long the typing must rest before duplicates are looked for. */
    public static final Duration QUIET = Duration.ofMillis(300);
    private static final List<String> PROBE_PARTS = List.of("phone", "email", "postcode");

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    private final StringProperty company = new SimpleStringProperty(this, "company", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ObjectProperty<ContactKind> kind = new SimpleObjectProperty<>(this, "kind", ContactKind.PHONE);
    private final StringProperty salutation = new SimpleStringProperty(this, "salutation", "");
    private final StringProperty postcode = new SimpleStringProperty(this, "postcode", "");
    private final ObservableList<String> salutations = FXCollections.observableArrayList();
    private final ObservableList<DuplicateRow> duplicates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper duplicatesNote = new ReadOnlyStringWrapper(this, "duplicatesNote", "");
    private final Pause pause;
    /** Bumped on every change the agent makes; a look-up answers only for the generation it was asked in. */
    private final AtomicLong generation = new AtomicLong();
    private volatile DuplicateProbe pending;
    private boolean looking;
    private boolean filling;
    private final ReadOnlyStringWrapper addressLabel = new ReadOnlyStringWrapper(this, "addressLabel", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper linked = new ReadOnlyBooleanWrapper(this, "linked");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper(this, "errorField", "");
    private final BooleanBinding canSave;
    private Long interactionId;
    private Consumer<CustomerSummary> onSaved = c -> { };
    private Runnable onCancelled = () -> { };

    public NewCustomerViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums,
                                ErrorText errors) {
        this(api, tasks, messages, enums, errors, Pause.sleeping());
    }

    /** With {@code pause} for the quiet time before a look-up (tests pass one that does not wait). */
    public NewCustomerViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums,
                                ErrorText errors, Pause pause) {
        this.api = api;
        this.pause = pause;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        canSave = Bindings.createBooleanBinding(() -> !saving.get()
                        && !(firstName.get().isBlank() && lastName.get().isBlank())
                        && !address.get().isBlank(),
                saving, firstName, lastName, address);
        kind.addListener((obs, old, now) -> addressLabel.set(now == null ? "" : enums.contactKind(now)));
        salutations.add("");
        salutations.addAll(Salutations.accepted());
        for (var typed : List.of(firstName, lastName, address, postcode)) {
            typed.addListener((obs, old, now) -> changed());
        }
        kind.addListener((obs, old, now) -> changed());
        prefill(ContactKind.PHONE, "", null);
    }

    /** Starts a fresh form for the address of a contact ({@code interactionId} null for none). */
    public void prefill(ContactKind addressKind, String value, Long interaction) {
        interactionId = interaction;
        // the contact's own address matched nobody: look only once the agent adds to it
        filling = true;
        firstName.set("");
        lastName.set("");
        company.set("");
        salutation.set("");
        postcode.set("");
        kind.set(addressKind);
        address.set(value == null ? "" : value);
        filling = false;
        generation.incrementAndGet();
        duplicates.clear();
        duplicatesNote.set("");
        addressLabel.set(enums.contactKind(addressKind));
        linked.set(interaction != null);
        title.set(messages.get(interaction == null ? "customer.title" : "customer.title.linked"));
        error.set("");
        errorField.set("");
        saving.set(false);
    }

    public void onSaved(Consumer<CustomerSummary> listener) {
        this.onSaved = listener;
    }

    public void onCancelled(Runnable listener) {
        this.onCancelled = listener;
    }

    public void save() {
        if (!canSave.get()) {
            error.set(messages.get("customer.error.required"));
            return;
        }
        NewCustomerRequest request = new NewCustomerRequest(blankToNull(firstName.get()), blankToNull(lastName.get()),
                blankToNull(company.get()), List.of(new NewContactPoint(kind.get(), address.get().strip(), null)),
                interactionId, blankToNull(salutation.get()), blankToNull(postcode.get()));
        saving.set(true);
        error.set("");
        errorField.set("");
        tasks.run(() -> api.createCustomer(request), created -> {
            saving.set(false);
            onSaved.accept(created);
        }, e -> {
            saving.set(false);
            error.set(errors.of(e));
            String field = ErrorText.field(e);
            errorField.set(field == null ? "" : field);
        });
    }

    public void cancel() {
        onCancelled.run();
    }

    /**
     * The agent picked a suggested duplicate instead of creating a customer: the contact in hand (if
     * the form belongs to one) is linked to it, then the card shows it as it does a new customer.
     */
    public void useDuplicate(DuplicateRow row) {
        if (row == null || saving.get()) {
            return;
        }
        CustomerSummary chosen = row.customer();
        if (interactionId == null) {
            onSaved.accept(chosen);
            return;
        }
        saving.set(true);
        error.set("");
        errorField.set("");
        long contact = interactionId;
        tasks.run(() -> api.linkCustomer(contact, chosen.id()), linked -> {
            saving.set(false);
            onSaved.accept(chosen);
        }, e -> {
            saving.set(false);
            error.set(errors.of(e));
        });
    }

    /** Something the duplicates depend on changed: ask again once the typing rests. */
    private void changed() {
        if (filling) {
            return;
        }
        DuplicateProbe probe = probe();
        generation.incrementAndGet();
        if (probe == null) {
            pending = null;
            duplicates.clear();
            duplicatesNote.set("");
            return;
        }
        pending = probe;
        if (!looking) {
            look();
        }
    }

    /** One look-up at a time: wait until nothing changed for the quiet time, then ask for the latest probe. */
    private void look() {
        looking = true;
        checking.set(true);
        tasks.run(() -> {
            long asked;
            do {
                asked = generation.get();
                pause.pause(QUIET);
            } while (generation.get() != asked);
            DuplicateProbe probe = pending;
            return new Answer(asked, probe == null ? List.of() : ask(probe));
        }, answer -> {
            looking = false;
            if (answer.generation() != generation.get()) {
                if (pending != null) {
                    look();
                } else {
                    checking.set(false);
                }
                return;
            }
            checking.set(false);
            duplicates.setAll(answer.found().stream().map(DuplicateRow::of).toList());
            duplicatesNote.set(answer.found().isEmpty() ? "" : messages.get("customer.duplicates.hint"));
        }, e -> {
            looking = false;
            checking.set(false);
            duplicates.clear();
            duplicatesNote.set(messages.format("customer.duplicates.failed", errors.of(e)));
        });
    }

    /**
     * Asks the server; a part it cannot read yet (a number or postcode half typed) is left out and
     * the rest asked again, as long as enough is left to look by.
     */
    private List<DuplicateView> ask(DuplicateProbe probe) {
        DuplicateProbe current = probe;
        for (int attempt = 0; attempt <= PROBE_PARTS.size(); attempt++) {
            try {
                return api.duplicatesFor(current);
            } catch (RuntimeException e) {
                String field = ErrorText.field(e);
                if (field == null || !PROBE_PARTS.contains(field)) {
                    throw e;
                }
                current = without(current, field);
                if (!enough(current)) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private DuplicateProbe probe() {
        String value = address.get() == null ? "" : address.get().strip();
        ContactKind k = kind.get();
        DuplicateProbe p = new DuplicateProbe(blankToNull(firstName.get()), blankToNull(lastName.get()),
                k == ContactKind.PHONE ? blankToNull(value) : null, k == ContactKind.EMAIL ? blankToNull(value) : null,
                blankToNull(postcode.get()), null);
        return enough(p) ? p : null;
    }

    /** What the server needs to look: a number, an e-mail address, or a name with a postcode. */
    private static boolean enough(DuplicateProbe p) {
        return p.phone() != null || p.email() != null
                || p.postcode() != null && (p.firstName() != null || p.lastName() != null);
    }

    private static DuplicateProbe without(DuplicateProbe p, String field) {
        return new DuplicateProbe(p.firstName(), p.lastName(), field.equals("phone") ? null : p.phone(),
                field.equals("email") ? null : p.email(), field.equals("postcode") ? null : p.postcode(), p.country());
    }

    private record Answer(long generation, List<DuplicateView> found) {
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty companyProperty() {
        return company;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ObjectProperty<ContactKind> kindProperty() {
        return kind;
    }

    /** "" for none, else one of {@link #salutations()}. */
    public StringProperty salutationProperty() {
        return salutation;
    }

    /** The salutations offered, "" (none) first. */
    public ObservableList<String> salutations() {
        return salutations;
    }

    public StringProperty postcodeProperty() {
        return postcode;
    }

    /** Customers that may be the one being created, strongest first. */
    public ObservableList<DuplicateRow> duplicates() {
        return duplicates;
    }

    /** Duplicates are being looked for. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** What to tell the agent about the duplicates: how to use one, or why none could be looked for. */
    public ReadOnlyStringProperty duplicatesNoteProperty() {
        return duplicatesNote.getReadOnlyProperty();
    }

    /** "Phone", "E-mail" or "Social handle": what the address field holds. */
    public ReadOnlyStringProperty addressLabelProperty() {
        return addressLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The request field the server refused ("firstName", "contactPoints"...), or empty. */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** The form belongs to a contact: its address and kind are given, not chosen. */
    public ReadOnlyBooleanProperty linkedProperty() {
        return linked.getReadOnlyProperty();
    }

    public Long interactionId() {
        return interactionId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
