package dev.switchboard.desktop;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.domain.Role;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.choose;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-customer form as an agent uses it: possible duplicates appear as the name is typed, with
 * why; one is used instead of creating a customer (the call is linked to it), and a field the server
 * refuses is marked with its message.
 */
@ExtendWith(ApplicationExtension.class)
class NewCustomerDuplicatesFxTest {
    private static final String POSTCODE_REFUSED = "'12345' is not a UK postcode: it should be letters and digits "
            + "such as SW1A 1AA or M1 1AE";
    private final FakeApi api = new FakeApi();
    private final List<NewCustomerRequest> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        Fixtures.install(api);
        // the fake keeps no postcodes: the server's answer to one it cannot read is given here
        SwitchboardApi server = (SwitchboardApi) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SwitchboardApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createCustomer")
                            && "12345".equals(((NewCustomerRequest) args[0]).postcode())) {
                        refused.add((NewCustomerRequest) args[0]);
                        throw new ApiException(400, new ApiError("invalid", POSTCODE_REFUSED, "postcode"));
                    }
                    try {
                        return method.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234",
                List.of(new DemoAccount(FakeApi.USER, FakeApi.PASSWORD, Role.AGENT)), "light", null),
                server, Fixtures.CLOCK, null);
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aPossibleDuplicateShowsWhyAndIsUsedInsteadOfANewCustomer(FxRobot robot) {
        CustomerSummary ada = api.customers.get(Fixtures.ADA);
        api.duplicateSuggestions.add(new DuplicateView(ada, List.of("similar name at the same postcode")));
        openForm(robot, 601);

        robot.clickOn("#firstName").write("Ada");
        assertThat(visible(robot, "#duplicatesBox")).as("nobody shares the caller's number").isFalse();
        robot.clickOn("#lastName").write("Lovelace");

        waitUntil(() -> duplicates(robot).size() == 1);
        // the typing was waited out: not one look-up per key
        assertThat(api.duplicateProbes.size()).isLessThan("AdaLovelace".length());
        assertThat(api.duplicateProbes.get(api.duplicateProbes.size() - 1)).satisfies(p -> {
            assertThat(p.lastName()).isEqualTo("Lovelace");
            assertThat(p.phone()).isEqualTo("+44 20 7946 0999");
        });
        assertThat(visible(robot, "#duplicatesBox")).isTrue();
        waitUntil(() -> robot.lookup(".customer-duplicate-name").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup(".customer-duplicate-name").queryLabeled().getText()))
                .isEqualTo("Ada Lovelace");
        assertThat(onFx(() -> robot.lookup(".customer-duplicate-reasons").queryLabeled().getText()))
                .isEqualTo("similar name at the same postcode");
        assertThat(onFx(() -> robot.lookup(".customer-duplicate-details").queryLabeled().getText()))
                .contains("+44 20 7946 0101").contains("SW1Y 4JH");
        assertThat(text(robot, "#saveButton")).isEqualTo("Create anyway");

        robot.clickOn(".customer-duplicate-name");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        assertThat(api.calls).contains("linkCustomer 601 " + Fixtures.ADA);
        assertThat(api.created).isEmpty();
        assertThat(api.interactions.get(601L).customerId()).isEqualTo(Fixtures.ADA);
        // agents are not offered merging
        assertThat(visible(robot, "#mergeDuplicatesButton")).isFalse();
    }

    @Test
    void aNameAtAPostcodeNobodyHasShowsNoDuplicates(FxRobot robot) {
        api.duplicateSuggestions.add(new DuplicateView(api.customers.get(Fixtures.ADA),
                List.of("similar name at the same postcode")));
        openForm(robot, 602);
        robot.clickOn("#lastName").write("Nobody");
        robot.clickOn("#postcode").write("N1 9GU");

        waitUntil(() -> api.duplicateProbes.stream().anyMatch(p -> "N1 9GU".equals(p.postcode())));
        waitUntil(() -> !visible(robot, "#duplicatesProgress"));
        assertThat(visible(robot, "#duplicatesBox")).isFalse();
        assertThat(text(robot, "#saveButton")).isEqualTo("Save customer");
    }

    @Test
    void aSalutationIsSentAndAPostcodeTheServerRefusesIsMarked(FxRobot robot) {
        openForm(robot, 603);
        choose(robot, "#salutation", "Dr");
        robot.clickOn("#lastName").write("Somerville");
        robot.clickOn("#postcode").write("12345");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> !refused.isEmpty());
        assertThat(refused.get(0).salutation()).isEqualTo("Dr");
        // the form's own message (other views have an errorLabel too)
        waitUntil(() -> !text(robot, ".customer-form .form-error").isEmpty());
        assertThat(text(robot, ".customer-form .form-error")).isEqualTo(POSTCODE_REFUSED);
        assertThat(onFx(() -> robot.lookup("#postcode").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid")))).isTrue();
        assertThat(onFx(() -> robot.lookup("#lastName").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid")))).isFalse();
        assertThat(api.created).isEmpty();

        robot.doubleClickOn("#postcode").eraseText(5).write("sw1a 1aa");
        robot.clickOn("#saveButton");
        waitUntil(() -> text(robot, "#name").equals("Somerville"));
        assertThat(api.created).singleElement().satisfies(r -> {
            assertThat(r.salutation()).isEqualTo("Dr");
            assertThat(r.postcode()).isEqualTo("sw1a 1aa");
            assertThat(r.interactionId()).isEqualTo(603L);
        });
    }

    private void openForm(FxRobot robot, long interactionId) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(api, interactionId));
        waitUntil(() -> text(robot, "#unknownTitle").equals("Unknown caller +44 20 7946 0999"));
        robot.clickOn("#newCustomerButton");
        waitUntil(() -> visible(robot, "#firstName"));
        assertThat(onFx(() -> robot.lookup("#useDuplicateButton").<Button>query().isVisible())).isFalse();
    }

    private static List<?> duplicates(FxRobot robot) {
        return onFx(() -> List.copyOf(robot.lookup("#duplicateList").<ListView<?>>query().getItems()));
    }
}
