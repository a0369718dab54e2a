package dev.switchboard.desktop.customer;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.ContactKind;
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

import java.util.List;
import java.util.function.Consumer;

/**
 * The new-customer form: usually opened from an unknown caller, prefilled with their address, and
 * saved with the interaction so the contact is linked to the customer in the same write.
 */
public final class NewCustomerViewModel {
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
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        canSave = Bindings.createBooleanBinding(() -> !saving.get()
                        && !(firstName.get().isBlank() && lastName.get().isBlank())
                        && !address.get().isBlank(),
                saving, firstName, lastName, address);
        kind.addListener((obs, old, now) -> addressLabel.set(now == null ? "" : enums.contactKind(now)));
        prefill(ContactKind.PHONE, "", null);
    }

    /** Starts a fresh form for the address of a contact ({@code interactionId} null for none). */
    public void prefill(ContactKind addressKind, String value, Long interaction) {
        interactionId = interaction;
        firstName.set("");
        lastName.set("");
        company.set("");
        kind.set(addressKind);
        address.set(value == null ? "" : value);
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
                interactionId);
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
