package dev.switchboard.desktop.login;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** The sign-in form: credentials, the demo accounts, progress and the reason a sign-in failed. */
public final class LoginViewModel {
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Consumer<LoginResponse> signedIn;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper serverLabel = new ReadOnlyStringWrapper(this, "serverLabel", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<DemoAccount> demoAccounts;
    private final BooleanBinding canSignIn;

    public LoginViewModel(DesktopOptions options, SwitchboardApi api, TaskRunner tasks, Messages messages,
                          ErrorText errors, Consumer<LoginResponse> signedIn) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.signedIn = signedIn;
        serverLabel.set(options.serverLabel() == null ? api.baseUrl() : options.serverLabel());
        notice.set(options.notice() == null ? "" : options.notice());
        demoAccounts = FXCollections.observableArrayList(options.demoAccounts());
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get(), busy);
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        String user = username.get() == null ? "" : username.get().strip();
        String pass = password.get() == null ? "" : password.get();
        if (user.isEmpty() || pass.isEmpty()) {
            error.set(messages.get("login.error.missing"));
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run(() -> api.login(user, pass), response -> {
            busy.set(false);
            signedIn.accept(response);
        }, e -> {
            busy.set(false);
            password.set("");
            error.set(errors.of(e));
        });
    }

    /** A demo account was clicked: its credentials go into the form. */
    public void fill(DemoAccount account) {
        if (account != null && !busy.get()) {
            username.set(account.username());
            password.set(account.password());
            error.set("");
        }
    }

    /** A demo account was double-clicked: sign in with it at once. */
    public void signInAs(DemoAccount account) {
        fill(account);
        signIn();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverLabelProperty() {
        return serverLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
