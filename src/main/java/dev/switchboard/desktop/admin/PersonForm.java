package dev.switchboard.desktop.admin;

import dev.switchboard.api.AdminUserView;
import dev.switchboard.api.NewUserRequest;
import dev.switchboard.api.UserUpdateRequest;
import dev.switchboard.client.AdminClient;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.Role;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The person dialog's state: a new person or changes to one. A refusal keeps every field as typed and
 * names the field the server blamed; only what changed is sent on edit.
 */
public final class PersonForm {
    private final AdminClient client;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final AdminUserView editing;
    private final List<TeamChoice> teams;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.AGENT);
    private final ObjectProperty<TeamChoice> team = new SimpleObjectProperty<>(this, "team");
    private final StringProperty skills = new SimpleStringProperty(this, "skills", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty disabled = new SimpleBooleanProperty(this, "disabled");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper(this, "errorField", "");

    /** {@code editing} null: a new person. {@code teams} starts with the "no team" choice. */
    PersonForm(AdminClient client, TaskRunner tasks, Messages messages, ErrorText errors, AdminUserView editing,
               List<TeamChoice> teams) {
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.editing = editing;
        this.teams = List.copyOf(teams);
        team.set(this.teams.get(0));
        if (editing != null) {
            username.set(editing.username());
            displayName.set(editing.displayName());
            role.set(editing.role());
            team.set(this.teams.stream().filter(t -> Objects.equals(t.id(), editing.teamId())).findFirst()
                    .orElse(this.teams.get(0)));
            skills.set(Skills.text(editing.skills()));
            disabled.set(editing.disabled());
        }
    }

    public boolean isNew() {
        return editing == null;
    }

    public List<TeamChoice> teams() {
        return teams;
    }

    /** Sends the form; {@code saved} runs with the server's answer, else the error and its field are shown. */
    public void save(Consumer<AdminUserView> saved) {
        if (busy.get()) {
            return;
        }
        Map<String, Integer> skillMap = Skills.parse(skills.get()).orElse(null);
        if (skillMap == null) {
            fail(messages.get("admin.person.skills.invalid"), "skills");
            return;
        }
        if (isNew() && password.get().isEmpty()) {
            fail(messages.get("admin.person.password.required"), "password");
            return;
        }
        error.set("");
        errorField.set("");
        busy.set(true);
        Long teamId = team.get() == null ? null : team.get().id();
        String pw = password.get().isEmpty() ? null : password.get();
        tasks.run(() -> isNew()
                        ? client.createUser(new NewUserRequest(username.get().strip(), displayName.get().strip(),
                                role.get(), pw, teamId, skillMap))
                        : client.updateUser(editing.id(), changes(teamId, pw, skillMap)),
                view -> {
                    busy.set(false);
                    saved.accept(view);
                }, e -> {
                    busy.set(false);
                    String field = ErrorText.field(e);
                    fail(errors.of(e), field == null ? "" : field);
                });
    }

    private UserUpdateRequest changes(Long teamId, String pw, Map<String, Integer> skillMap) {
        boolean teamChanged = !Objects.equals(teamId, editing.teamId());
        return new UserUpdateRequest(
                displayName.get().strip().equals(editing.displayName()) ? null : displayName.get().strip(),
                role.get() == editing.role() ? null : role.get(),
                teamChanged ? teamId : null,
                teamChanged && teamId == null ? Boolean.TRUE : null,
                disabled.get() == editing.disabled() ? null : disabled.get(),
                pw,
                skillMap.equals(editing.skills()) ? null : skillMap);
    }

    private void fail(String text, String field) {
        error.set(text);
        errorField.set(field);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<TeamChoice> teamProperty() {
        return team;
    }

    public StringProperty skillsProperty() {
        return skills;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty disabledProperty() {
        return disabled;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The server's (or the form's own) refusal, empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The field the refusal names (wire name: username, displayName, role, teamId, skills, password), or empty. */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }
}
