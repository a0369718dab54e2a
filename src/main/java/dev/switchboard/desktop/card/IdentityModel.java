package dev.switchboard.desktop.card;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.ContactKind;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The card's header: who the customer is and every way to reach them, the one in use marked. */
public final class IdentityModel {
    private final Messages messages;
    private final Formats formats;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper initials = new ReadOnlyStringWrapper(this, "initials", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ObservableList<ContactPointRow> contactPoints = FXCollections.observableArrayList();
    private CustomerSummary shown;
    private boolean bandKnown;

    public IdentityModel(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** Shows the customer; {@code current} (may be null) is the contact whose address gets marked. */
    void fill(CustomerSummary summary, InteractionView current) {
        if (shown == null || shown.id() != summary.id()) {
            bandKnown = false; // another customer: their band is not known yet
        }
        shown = summary;
        name.set(summary.displayName());
        initials.set(initialsOf(summary.displayName()));
        showDetails();
        value.set(summary.lifetimeValue() == null ? ""
                : messages.format("card.value", formats.amount(summary.lifetimeValue())));
        address.set(Formats.address(summary.address()));
        List<ContactPointRow> rows = new ArrayList<>();
        if (summary.contactPoints() != null) {
            for (ContactPointView p : summary.contactPoints()) {
                rows.add(new ContactPointRow(p.kind(), p.value(), p.display() != null ? p.display() : p.value(),
                        p.label(), matches(p, current)));
            }
        }
        contactPoints.setAll(rows);
    }

    /**
     * The server's value band is on the card (beside the value): a segment stored with the customer
     * that names a band goes from the details, so two different bands never show side by side
     * ("New" and other segments stay).
     */
    void bandKnown(boolean known) {
        bandKnown = known;
        showDetails();
    }

    private void showDetails() {
        boolean replaced = bandKnown && !InsightModel.band(shown == null ? null : shown.segment()).isEmpty();
        details.set(shown == null ? "" : joinNonBlank(shown.company(), replaced ? null : shown.segment()));
    }

    void clear() {
        shown = null;
        bandKnown = false;
        name.set("");
        initials.set("");
        details.set("");
        value.set("");
        address.set("");
        contactPoints.clear();
    }

    /** The same address, compared as the server stores it (phone numbers by their digits). */
    static boolean matches(ContactPointView point, InteractionView interaction) {
        if (interaction == null || interaction.address() == null || point.value() == null
                || point.kind() != interaction.channel().addressKind()) {
            return false;
        }
        String a = point.value().strip().toLowerCase(Locale.ROOT);
        String b = interaction.address().strip().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        String digits = a.replaceAll("\\D", "");
        return point.kind() == ContactKind.PHONE && !digits.isEmpty() && digits.equals(b.replaceAll("\\D", ""));
    }

    static String initialsOf(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "";
        }
        String[] words = displayName.strip().split("\\s+");
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    private static String joinNonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return String.join("  ·  ", kept);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty initialsProperty() {
        return initials.getReadOnlyProperty();
    }

    /** Company and segment. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Lifetime value 12,340". */
    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ObservableList<ContactPointRow> contactPoints() {
        return contactPoints;
    }
}
