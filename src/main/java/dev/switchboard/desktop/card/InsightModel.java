package dev.switchboard.desktop.card;

import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the server works out about the customer on the card: their value with its working, the churn
 * signals, whether sales may be offered now, and whether they may be contacted per channel and purpose.
 * It loads after the screen-pop has drawn and again when one of the customer's tickets changes (a
 * complaint opened or closed turns the do-not-upsell hint on or off). When it cannot be had, the card
 * keeps what the pop showed and says so only in a tooltip.
 */
public final class InsightModel {
    /** The value bands the server works out, lower case. */
    static final Set<String> BANDS = Set.of("platinum", "gold", "silver", "standard");
    /** Churn signals shown as lines; the rest go behind "+2 more". */
    static final int SIGNALS_SHOWN = 3;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyStringWrapper valueHelp = new ReadOnlyStringWrapper(this, "valueHelp", "");
    private final ReadOnlyStringWrapper band = new ReadOnlyStringWrapper(this, "band", "");
    private final ObservableList<String> signals = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper moreSignals = new ReadOnlyStringWrapper(this, "moreSignals", "");
    private final ReadOnlyStringWrapper moreSignalsHelp = new ReadOnlyStringWrapper(this, "moreSignalsHelp", "");
    private final ReadOnlyBooleanWrapper doNotUpsell = new ReadOnlyBooleanWrapper(this, "doNotUpsell");
    private final ReadOnlyStringWrapper duplicates = new ReadOnlyStringWrapper(this, "duplicates", "");
    private final ReadOnlyStringWrapper duplicatesHelp = new ReadOnlyStringWrapper(this, "duplicatesHelp", "");
    private final ReadOnlyStringWrapper doNotUpsellReason = new ReadOnlyStringWrapper(this, "doNotUpsellReason", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper permissionSummary = new ReadOnlyStringWrapper(this, "permissionSummary", "");
    private final ReadOnlyStringWrapper permissionError = new ReadOnlyStringWrapper(this, "permissionError", "");
    private final List<PermissionChoice> permissions = new ArrayList<>();
    private long customerId = -1;
    private int generation;

    public InsightModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        for (Channel channel : Channel.values()) {
            for (ContactPurpose purpose : ContactPurpose.values()) {
                permissions.add(new PermissionChoice(channel, purpose));
            }
        }
    }

    /**
     * Asks the server about the customer now on the card. Another customer's insight goes at once; the
     * same customer's stays until the fresh one arrives (switching between their contacts does not flicker).
     */
    void load(long customer) {
        if (customer != customerId) {
            clear();
            customerId = customer;
        }
        reload();
    }

    void clear() {
        generation++;
        customerId = -1;
        loaded.set(false);
        value.set("");
        valueHelp.set("");
        band.set("");
        signals.clear();
        moreSignals.set("");
        moreSignalsHelp.set("");
        doNotUpsell.set(false);
        doNotUpsellReason.set("");
        duplicates.set("");
        duplicatesHelp.set("");
        permissionSummary.set("");
        permissionError.set("");
        permissions.forEach(PermissionChoice::reset);
    }

    /** One of this customer's tickets changed: a complaint may have opened or closed. */
    void ticketChanged(TicketView ticket) {
        if (ticket != null && ticket.customerId() == customerId) {
            reload();
        }
    }

    /**
     * The agent ticked or cleared a box: the customer's answer is recorded at once. Refused or not
     * reached, the box goes back and the card says why.
     */
    public void change(PermissionChoice choice, boolean allowed) {
        long customer = customerId;
        if (customer < 0 || choice.busyProperty().get() || choice.allowedProperty().get() == allowed) {
            return;
        }
        boolean before = choice.allowedProperty().get();
        boolean wasRecorded = choice.recordedProperty().get();
        choice.show(allowed, true);
        choice.busy(true);
        permissionError.set("");
        tasks.run(() -> api.setPermission(customer, new PermissionRequest(choice.channel(), choice.purpose(), allowed)),
                view -> {
                    choice.busy(false);
                    if (customer == customerId) {
                        show(view);
                    }
                }, e -> {
                    choice.busy(false);
                    if (customer == customerId) {
                        choice.show(before, wasRecorded);
                        permissionError.set(messages.format("card.insight.permissions.failed", errors.of(e)));
                        summarise();
                    }
                });
    }

    private void reload() {
        int asked = ++generation;
        long customer = customerId;
        tasks.run(() -> api.customerInsight(customer), view -> {
            if (asked == generation) {
                show(view);
            }
        }, e -> {
            if (asked == generation && !loaded.get()) {
                // the card keeps the value the pop carried; only its tooltip says the rest is missing
                valueHelp.set(messages.get("card.insight.unavailable"));
            }
        });
    }

    private void show(CustomerInsightView view) {
        if (view == null) {
            return;
        }
        loaded.set(true);
        boolean hasBand = view.valueBand() != null && !view.valueBand().isBlank();
        value.set(view.lifetimeValue() == null ? ""
                : hasBand ? messages.format("card.insight.value", view.lifetimeValue(), view.valueBand())
                : messages.format("card.insight.value.plain", view.lifetimeValue()));
        valueHelp.set(view.formula() == null || view.formula().isBlank() ? ""
                : messages.format("card.insight.formula", view.formula()));
        band.set(hasBand ? view.valueBand() : "");
        List<String> texts = view.churnSignals() == null ? List.of() : view.churnSignals().stream()
                .map(CustomerInsightView.Reason::text).filter(t -> t != null && !t.isBlank()).toList();
        signals.setAll(texts.subList(0, Math.min(SIGNALS_SHOWN, texts.size())));
        List<String> rest = texts.subList(signals.size(), texts.size());
        moreSignals.set(rest.isEmpty() ? "" : messages.format("card.insight.moreSignals", rest.size()));
        moreSignalsHelp.set(String.join("\n", rest));
        doNotUpsell.set(view.doNotUpsell());
        doNotUpsellReason.set(!view.doNotUpsell() ? ""
                : view.doNotUpsellReason() != null && !view.doNotUpsellReason().isBlank() ? view.doNotUpsellReason()
                : messages.get("card.insight.doNotUpsell"));
        List<String> others = view.possibleDuplicates();
        duplicates.set(others.isEmpty() ? "" : messages.format("card.insight.duplicates", others.size()));
        duplicatesHelp.set(others.isEmpty() ? "" : messages.format("card.insight.duplicates.help",
                String.join("\n", others)));
        if (view.permissions() != null) {
            // an answer without a box says nothing about it: the box keeps what it shows
            for (CustomerInsightView.Permission p : view.permissions()) {
                PermissionChoice choice = choice(p.channel(), p.purpose());
                if (choice != null && !choice.busyProperty().get()) {
                    choice.show(p.allowed(), p.recorded());
                }
            }
        }
        summarise();
    }

    /** "Marketing: E-mail ✓, Phone ✗  ·  Survey: Chat ✓", only the answers the customer gave. */
    private void summarise() {
        List<String> groups = new ArrayList<>();
        for (ContactPurpose purpose : List.of(ContactPurpose.MARKETING, ContactPurpose.SURVEY)) {
            List<String> answers = new ArrayList<>();
            for (PermissionChoice c : permissions) {
                if (c.purpose() == purpose && c.recordedProperty().get()) {
                    answers.add(messages.format(c.allowedProperty().get() ? "card.insight.permission.yes"
                            : "card.insight.permission.no", enums.channel(c.channel())));
                }
            }
            if (!answers.isEmpty()) {
                groups.add(messages.format("card.insight.permissions.group", purpose(purpose),
                        String.join(", ", answers)));
            }
        }
        permissionSummary.set(String.join("  ·  ", groups));
    }

    /** The band this text names ("gold"), or "" when it names none. */
    static String band(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return BANDS.contains(key) ? key : "";
    }

    private PermissionChoice choice(Channel channel, ContactPurpose purpose) {
        return permissions.stream().filter(c -> c.channel() == channel && c.purpose() == purpose).findFirst()
                .orElse(null);
    }

    public String purpose(ContactPurpose purpose) {
        return messages.get(switch (purpose) {
            case SERVICE -> "card.insight.purpose.service";
            case MARKETING -> "card.insight.purpose.marketing";
            case SURVEY -> "card.insight.purpose.survey";
        });
    }

    // ---- what the view binds ----

    /** The insight arrived for the customer shown. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "Value 1,267.00 · Silver"; "" until the insight arrives. */
    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** The value's working, for its tooltip; or why there is none. */
    public ReadOnlyStringProperty valueHelpProperty() {
        return valueHelp.getReadOnlyProperty();
    }

    /** Platinum, Gold, Silver, Standard; "" when unknown. */
    public ReadOnlyStringProperty bandProperty() {
        return band.getReadOnlyProperty();
    }

    /** The first churn signals, each a short reason. */
    public ObservableList<String> signals() {
        return signals;
    }

    /** "+2 more" when there are more signals than lines; "" otherwise. */
    public ReadOnlyStringProperty moreSignalsProperty() {
        return moreSignals.getReadOnlyProperty();
    }

    /** The signals behind "+2 more", one a line. */
    /** "May be on file twice (2 others)" when customers on file may be the same person; "" otherwise. */
    public ReadOnlyStringProperty duplicatesProperty() {
        return duplicates.getReadOnlyProperty();
    }

    /** Who they may be and why, a line each, and who can merge them. */
    public ReadOnlyStringProperty duplicatesHelpProperty() {
        return duplicatesHelp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty moreSignalsHelpProperty() {
        return moreSignalsHelp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doNotUpsellProperty() {
        return doNotUpsell.getReadOnlyProperty();
    }

    /** "Complaint open: do not offer sales" while sales must not be offered; "" otherwise. */
    public ReadOnlyStringProperty doNotUpsellReasonProperty() {
        return doNotUpsellReason.getReadOnlyProperty();
    }

    /** The marketing and survey answers the customer gave, in one line; "" when none. */
    public ReadOnlyStringProperty permissionSummaryProperty() {
        return permissionSummary.getReadOnlyProperty();
    }

    /** Why the last change to a permission did not go through; "" otherwise. */
    public ReadOnlyStringProperty permissionErrorProperty() {
        return permissionError.getReadOnlyProperty();
    }

    /** The grid, channel by channel, each with its purposes in order. */
    public List<PermissionChoice> permissions() {
        return List.copyOf(permissions);
    }
}
