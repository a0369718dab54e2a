package dev.switchboard.desktop.login;

import dev.switchboard.domain.Role;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {
    private final FakeApi api = new FakeApi();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final List<LoginResponse> signedIn = new ArrayList<>();
    private final LoginViewModel vm = new LoginViewModel(
            new DesktopOptions("Embedded server on 127.0.0.1:41234",
                    List.of(new DemoAccount(FakeApi.USER, FakeApi.PASSWORD, Role.AGENT)), "light", null),
            api, new InlineTaskRunner(), messages, new ErrorText(messages, "127.0.0.1:41234"), signedIn::add);

    @Test
    void signsInWithTheRightPassword() {
        vm.usernameProperty().set(FakeApi.USER);
        vm.passwordProperty().set(FakeApi.PASSWORD);
        vm.signIn();
        assertThat(signedIn).singleElement().satisfies(r -> assertThat(r.agent().displayName()).isEqualTo("Alex Morgan"));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheServersSentenceAndClearsThePassword() {
        vm.usernameProperty().set(FakeApi.USER);
        vm.passwordProperty().set("nope");
        vm.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong user name or password.");
        assertThat(vm.passwordProperty().get()).isEmpty();
    }

    @Test
    void anUnreachableServerIsNamed() {
        api.unreachable = true;
        vm.signInAs(vm.demoAccounts().get(0));
        assertThat(vm.errorProperty().get()).isEqualTo(
                "The server at 127.0.0.1:41234 does not answer. Check that it is running and try again.");
    }

    @Test
    void emptyFieldsAreCaughtBeforeAsking() {
        vm.signIn();
        assertThat(api.calls).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter your user name and password.");
    }

    @Test
    void aDemoAccountFillsTheForm() {
        vm.fill(vm.demoAccounts().get(0));
        assertThat(vm.usernameProperty().get()).isEqualTo(FakeApi.USER);
        assertThat(vm.passwordProperty().get()).isEqualTo(FakeApi.PASSWORD);
        assertThat(vm.serverLabelProperty().get()).isEqualTo("Embedded server on 127.0.0.1:41234");
        assertThat(vm.noticeProperty().get()).isEmpty();
    }
}
