package dev.switchboard.desktop.admin;

import dev.switchboard.api.AdminUserView;
import dev.switchboard.api.AuditEntryView;
import dev.switchboard.api.TeamView;
import dev.switchboard.client.AdminClient;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Administration tab: the people with their teams, and the audit log. Asked for from the server
 * when the tab opens and after every change; nothing is kept offline. A null client (no server behind
 * the desktop) leaves the tab with an explanation.
 */
public final class AdminViewModel {
    /** How many audit entries one search shows. */
    static final int AUDIT_LIMIT = 200;

    private final AdminClient client;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final Formats formats;
    private final ErrorText errors;
    private final ObservableList<PersonRow> allPeople = FXCollections.observableArrayList();
    private final FilteredList<PersonRow> people = new FilteredList<>(allPeople);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ChangeListener<String> refilter = (obs, old, text) -> applyFilter();
    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final StringProperty auditUser = new SimpleStringProperty(this, "auditUser", "");
    private final StringProperty auditAction = new SimpleStringProperty(this, "auditAction", "");
    private final StringProperty auditText = new SimpleStringProperty(this, "auditText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper auditError = new ReadOnlyStringWrapper(this, "auditError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private List<TeamChoice> teams = List.of();
    private Map<Long, String> teamNames = Map.of();

    public AdminViewModel(AdminClient client, TaskRunner tasks, Messages messages, EnumText enums, Formats formats,
                          ErrorText errors) {
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
        this.errors = errors;
        filter.addListener(refilter);
    }

    /** Loads the people and teams, then the latest audit entries. */
    public void load() {
        if (client == null) {
            error.set(messages.get("admin.unavailable"));
            return;
        }
        if (loading.get()) {
            return;
        }
        loading.set(true);
        tasks.run(() -> new Loaded(client.users(), client.teams()), loaded -> {
            loading.set(false);
            error.set("");
            show(loaded);
            searchAudit();
        }, e -> {
            loading.set(false);
            error.set(errors.of(e));
        });
    }

    /** Asks the audit log with the three filters as they stand. */
    public void searchAudit() {
        if (client == null || searching.get()) {
            return;
        }
        searching.set(true);
        AdminClient.AuditQuery q = new AdminClient.AuditQuery(auditUser.get(), auditAction.get(), auditText.get(),
                null, null, AUDIT_LIMIT);
        tasks.run(() -> client.audit(q), entries -> {
            searching.set(false);
            auditError.set("");
            audit.setAll(entries.stream().map(this::row).toList());
        }, e -> {
            searching.set(false);
            auditError.set(errors.of(e));
        });
    }

    /** A form for a new person, or null while the teams are not known yet. */
    public PersonForm newPerson() {
        return client == null ? null : new PersonForm(client, tasks, messages, errors, null, teams);
    }

    public PersonForm edit(PersonRow row) {
        return client == null || row == null ? null : new PersonForm(client, tasks, messages, errors, row.user(), teams);
    }

    /** After the dialog saved: the table shows the answer, the audit log the entry it made. */
    public void saved(AdminUserView user) {
        PersonRow row = row(user);
        int at = indexOf(user.id());
        if (at < 0) {
            allPeople.add(row);
        } else {
            allPeople.set(at, row);
        }
        status.set(messages.format("admin.person.saved", user.displayName()));
        searchAudit();
    }

    public void dispose() {
        filter.removeListener(refilter);
        allPeople.clear();
        audit.clear();
    }

    private int indexOf(long id) {
        for (int i = 0; i < allPeople.size(); i++) {
            if (allPeople.get(i).user().id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void show(Loaded loaded) {
        List<TeamChoice> choices = new ArrayList<>();
        choices.add(new TeamChoice(null, messages.get("admin.team.none")));
        Map<Long, String> names = new HashMap<>();
        for (TeamView t : loaded.teams()) {
            choices.add(new TeamChoice(t.id(), t.name()));
            names.put(t.id(), t.name());
        }
        teams = List.copyOf(choices);
        teamNames = names;
        allPeople.setAll(loaded.users().stream().map(this::row).toList());
        applyFilter();
    }

    private PersonRow row(AdminUserView u) {
        String team = u.teamId() == null ? "" : teamNames.getOrDefault(u.teamId(), "#" + u.teamId());
        return new PersonRow(u, u.role() == null ? "" : enums.role(u.role()), team,
                u.disabled() ? messages.get("admin.people.disabled.yes") : "", Skills.text(u.skills()));
    }

    private AuditRow row(AuditEntryView e) {
        return new AuditRow(e.id(), e.at() == null ? "" : formats.dateTime(e.at()),
                e.actorName() == null ? "#" + e.actorId() : e.actorName(), e.action(), nullToEmpty(e.subject()),
                nullToEmpty(e.before()), nullToEmpty(e.after()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        people.setPredicate(r -> r.matches(f));
    }

    public ObservableList<PersonRow> people() {
        return people;
    }

    public ObservableList<AuditRow> audit() {
        return audit;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty auditUserProperty() {
        return auditUser;
    }

    public StringProperty auditActionProperty() {
        return auditAction;
    }

    public StringProperty auditTextProperty() {
        return auditText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditErrorProperty() {
        return auditError.getReadOnlyProperty();
    }

    /** The line about the last change saved. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private record Loaded(List<AdminUserView> users, List<TeamView> teams) {
    }
}
