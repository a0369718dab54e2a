package dev.switchboard.desktop;

import dev.switchboard.domain.Role;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.desktop.card.TicketRow;
import dev.switchboard.desktop.main.StateChoice;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The desktop driven as an agent drives it: keyboard and mouse, against the fake server. */
@ExtendWith(ApplicationExtension.class)
class DesktopFxTest {
    private final FakeApi api = new FakeApi();
    private final List<Long> drawn = new CopyOnWriteArrayList<>();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        Fixtures.install(api);
        desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234",
                List.of(new DemoAccount(FakeApi.USER, FakeApi.PASSWORD, Role.AGENT)), "light",
                "Demo data: nothing here is real."), api, Fixtures.CLOCK, null);
        desktop.onPopDrawn(drawn::add);
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aWrongPasswordIsExplainedOnTheLoginWindow(FxRobot robot) {
        assertThat(text(robot, "#serverLabel")).isEqualTo("Embedded server on 127.0.0.1:41234");
        assertThat(text(robot, "#noticeLabel")).isEqualTo("Demo data: nothing here is real.");
        robot.clickOn("#username").write(FakeApi.USER);
        robot.clickOn("#password").write("wrong");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#errorLabel").equals("Wrong user name or password."));
        assertThat(visible(robot, "#errorLabel")).isTrue();
    }

    @Test
    void doubleClickingADemoAccountSignsIn(FxRobot robot) {
        robot.doubleClickOn(FakeApi.USER);
        waitUntil(() -> text(robot, "#agentName").equals("Alex Morgan"));
        assertThat(api.calls).contains("login agent");
    }

    @Test
    void anOfferPopsTheCardWithTheCustomerAndOpenTicketsThenAcceptAndEnd(FxRobot robot) {
        signIn(robot, api);
        assertThat(visible(robot, ".card-empty")).isTrue();

        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));

        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        assertThat(text(robot, "#details")).contains("Analytical Engines Ltd");
        assertThat(text(robot, "#ticketsTitle")).isEqualTo("Open tickets (5)");
        List<String> subjects = onFx(() -> robot.lookup("#tickets").<TableView<TicketRow>>query().getItems()
                .stream().map(TicketRow::subject).toList());
        assertThat(subjects.get(0)).isEqualTo("Invoice charged twice in November");
        assertThat(robot.lookup("Invoice charged twice in November").tryQuery()).isPresent();
        waitUntil(() -> drawn.contains(501L));
        assertThat(text(robot, "#contactTitle")).isEqualTo("Phone · +44 20 7946 0101");
        assertThat(visible(robot, "#acceptButton")).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#endButton"));
        assertThat(api.calls).contains("accept 501");
        assertThat(text(robot, "#contactState")).isEqualTo("Active");

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#contactState").equals("Wrap-up"));
        assertThat(api.calls).contains("end 501");
        assertThat(text(robot, "#name")).as("the card stays for wrap-up").isEqualTo("Ada Lovelace");
        assertThat(visible(robot, ".wrapup")).isTrue();
    }

    @Test
    void aRevokedOfferDisappearsWithAMessage(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 502));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        api.emit(EventTypes.OFFER_REVOKED, new OfferRevokedEvent(502, 7, "timeout"));
        waitUntil(() -> text(robot, "#noticeLabel").equals("Offer from Ada Lovelace withdrawn: it timed out."));
        waitUntil(() -> visible(robot, ".card-empty"));
    }

    @Test
    void anUnknownCallerBecomesANewCustomer(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(api, 601));
        waitUntil(() -> text(robot, "#unknownTitle").equals("Unknown caller +44 20 7946 0999"));

        robot.clickOn("#newCustomerButton");
        waitUntil(() -> visible(robot, "#firstName"));
        robot.clickOn("#firstName").write("Mary");
        robot.clickOn("#lastName").write("Somerville");
        robot.clickOn("#company").write("Royal Society");
        robot.clickOn("#saveButton");

        waitUntil(() -> text(robot, "#name").equals("Mary Somerville"));
        assertThat(api.created).singleElement().satisfies(r -> {
            assertThat(r.interactionId()).isEqualTo(601L);
            assertThat(r.contactPoints().get(0).value()).isEqualTo("+44 20 7946 0999");
        });
        assertThat(text(robot, "#details")).isEqualTo("Royal Society  ·  New");
    }

    @Test
    void severalMatchesArePickedWithTheKeyboard(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromShared(api, 701));
        waitUntil(() -> text(robot, "#severalTitle").equals("2 customers share +44 20 7946 0555"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> robot.lookup("#candidates").<ListView<?>>query().isFocused()));
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#name").equals("Georgiana Babbage"));
        assertThat(api.calls).contains("linkCustomer 701 " + Fixtures.GEORGIANA);
    }

    @Test
    void searchFindsACustomerAndOpensTheCard(FxRobot robot) {
        signIn(robot, api);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> robot.lookup("#field").query().isFocused()));
        robot.write("grace");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#summaryLabel").equals("1 result for “grace”"));

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        assertThat(visible(robot, "#contactBar")).isFalse();

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> visible(robot, ".contacts-list"));
    }

    @Test
    void anEmptySearchSaysSoInTheWindow(FxRobot robot) {
        signIn(robot, api);
        robot.clickOn("#field").write("zebra");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#messageLabel").startsWith("No customer matches “zebra”"));
    }

    @Test
    void theThemeSwitchesAtRunTime(FxRobot robot) {
        signIn(robot, api);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#root").query().getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#root").query().getScene().getStylesheets().get(0).endsWith("tokens-light.css"));
    }

    @Test
    void theStateSelectorAsksTheServerWithAReason(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> stateShown(robot).equals("Not ready – Break"));
        robot.clickOn("#stateBox");
        robot.clickOn("Ready");
        waitUntil(() -> api.calls.contains("setState READY"));
        waitUntil(() -> stateShown(robot).equals("Ready"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> robot.lookup("#stateBox").<ComboBox<StateChoice>>query().isShowing()));
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> api.calls.contains("setState NOT_READY TRAINING"));
        waitUntil(() -> stateShown(robot).equals("Not ready – Training"));
    }

    private static String stateShown(FxRobot robot) {
        return onFx(() -> {
            StateChoice c = robot.lookup("#stateBox").<ComboBox<StateChoice>>query().getValue();
            return c == null ? "" : c.label();
        });
    }

    @Test
    void signingOutReturnsToTheLoginWindowAndClosesTheStream(FxRobot robot) {
        signIn(robot, api);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#signInButton"));
        waitUntil(() -> !api.subscribed());
    }
}
