package dev.switchboard.desktop;

import dev.switchboard.api.AddressView;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.call.CallController;
import dev.switchboard.desktop.call.ConsultController;
import dev.switchboard.desktop.card.CardController;
import dev.switchboard.desktop.customer.NewCustomerController;
import dev.switchboard.desktop.knowledge.KnowledgeController;
import dev.switchboard.desktop.knowledge.KnowledgeViewModel;
import dev.switchboard.desktop.wrapup.WrapUpController;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging duplicates from the customer card, as a supervisor does it: the card (in a supervisor's
 * workspace, on its own: the main window shows supervisors the dashboard) offers Duplicates…, the
 * dialog shows both customers side by side, asks before merging, shows the merge running and what
 * moved, and the card is drawn again; a refused merge shows the server's reason.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerMergeFxTest {
    private static final long ADA_KING = 150;
    private static final long A_LOVELACE = 151;
    private final FakeApi api = new FakeApi();
    private final FxThread fx = new FxThread();
    private final PooledTaskRunner tasks = new PooledTaskRunner(fx, 2);
    private Workspace w;
    private CardController card;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fixtures.install(api);
        CustomerSummary king = new CustomerSummary(ADA_KING, "Ada King", "", "New", BigDecimal.ZERO,
                new AddressView("", "", "SW1Y 4JH", "GB"), List.of(new ContactPointView(ContactKind.EMAIL,
                "a.king@example.org", null, "a.king@example.org")));
        CustomerSummary initial = new CustomerSummary(A_LOVELACE, "A. Lovelace", "", "New", BigDecimal.ZERO, null,
                List.of());
        api.customers.put(ADA_KING, king);
        api.customers.put(A_LOVELACE, initial);
        api.duplicatesByCustomer.put(Fixtures.ADA, List.of(
                new DuplicateView(king, List.of("similar name at the same postcode")),
                new DuplicateView(initial, List.of("same last name and first initial"))));
        api.useRole(Role.SUPERVISOR);

        Messages messages = Messages.load(Locale.ENGLISH);
        EnumText enums = new EnumText(messages);
        ThemeModel theme = new ThemeModel(Theme.LIGHT);
        w = new Workspace(api.login(FakeApi.USER, FakeApi.PASSWORD), new Workspace.Tools(api, tasks, fx,
                Fixtures.CLOCK, messages, enums, new Formats(messages, Fixtures.CLOCK.getZone()),
                new ErrorText(messages, "test server"), theme, () -> { }), () -> { }, () -> { });
        ViewLoader loader = new ViewLoader(messages);
        loader.register(CardController.class, () -> new CardController(w.card(), w.main(), messages, enums, loader,
                        new PopProbe(), fx, w.customerMerge()))
                .register(NewCustomerController.class, () -> new NewCustomerController(w.form(), messages, enums))
                .register(WrapUpController.class, () -> new WrapUpController(w.wrapUp(), messages, enums))
                .register(CallController.class, () -> new CallController(w.call(), messages))
                .register(ConsultController.class, () -> new ConsultController(w.call().consult(), messages))
                .register(KnowledgeController.class, () -> new KnowledgeController(new KnowledgeViewModel(api, tasks,
                        messages, new ErrorText(messages, "test server")), messages));
        ViewLoader.Loaded<CardController> view = loader.load(View.CARD, CardController.class);
        card = view.controller();
        Scene scene = new Scene(view.root(), 1100, 760);
        SceneStyles.follow(scene, theme);
        stage.setScene(scene);
        stage.show();
        w.card().openCustomer(api.customers.get(Fixtures.ADA));
    }

    @Stop
    void stop() {
        // the dialog is a window of its own: close it so the next test opens a fresh one
        onFx(() -> {
            // off the scene first: a disposed card must not be laid out again
            if (stage.getScene() != null) {
                stage.getScene().setRoot(new javafx.scene.layout.Pane());
            }
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage && window instanceof Stage dialog) {
                    dialog.close();
                }
            }
            if (card != null) {
                card.dispose();
            }
            if (w != null) {
                w.close();
            }
        });
        tasks.shutdown();
    }

    @Test
    void aSupervisorComparesAsksAndMergesAndTheCardIsDrawnAgain(FxRobot robot) {
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        int pointsBefore = onFx(() -> w.card().identity().contactPoints().size());
        robot.clickOn("#mergeDuplicatesButton");

        waitUntil(() -> listSize(robot) == 2);
        assertThat(text(robot, "#customerMergeStatus")).isEqualTo("2 possible duplicates");
        assertThat(text(robot, "#customerMergeKeepName")).isEqualTo("Ada Lovelace");
        assertThat(text(robot, "#customerMergeKeepPhones")).contains("+44 20 7946 0101");
        assertThat(text(robot, "#customerMergeKeepPostcode")).isEqualTo("SW1Y 4JH");
        assertThat(text(robot, "#customerMergeOtherName")).isEqualTo("Ada King");
        assertThat(text(robot, "#customerMergeOtherEmails")).isEqualTo("a.king@example.org");
        assertThat(text(robot, "#customerMergeOtherPostcode")).isEqualTo("SW1Y 4JH");
        assertThat(text(robot, "#customerMergeReasons")).isEqualTo("similar name at the same postcode");
        assertThat(visible(robot, "#customerMergeQuestion")).isFalse();

        // Enter asks; Escape goes back to the list without closing the dialog
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#customerMergeQuestion"));
        assertThat(text(robot, "#customerMergeQuestion"))
                .startsWith("Merge Ada King (#150) into Ada Lovelace (#101)?")
                .contains("contacts, tickets").contains("This cannot be undone.");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, "#customerMergeQuestion"));
        assertThat(visible(robot, "#customerMergeList")).isTrue();
        assertThat(api.calls).noneMatch(c -> c.startsWith("mergeCustomer"));

        api.mergeGate = new CountDownLatch(1);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#customerMergeQuestion"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#customerMergeProgress"));
        assertThat(onFx(() -> robot.lookup("#customerMergeConfirm").query().isDisabled())).isTrue();
        api.mergeGate.countDown();

        waitUntil(() -> !visible(robot, "#customerMergeProgress"));
        assertThat(text(robot, "#customerMergeError")).isEmpty();
        assertThat(text(robot, "#customerMergeResult"))
                .isEqualTo("Ada King was merged into Ada Lovelace: 1 phone number or address moved.");
        assertThat(api.calls).contains("mergeCustomer " + Fixtures.ADA + " " + ADA_KING);
        assertThat(visible(robot, "#customerMergeProgress")).isFalse();
        assertThat(listSize(robot)).isEqualTo(1);
        assertThat(text(robot, "#customerMergeOtherName")).isEqualTo("A. Lovelace");
        assertThat(text(robot, "#customerMergeKeepEmails")).isEqualTo("ada@engines.example\na.king@example.org");
        // the card behind shows the customer as the merge left them
        waitUntil(() -> w.card().identity().contactPoints().size() == pointsBefore + 1);
    }

    @Test
    void aRefusedMergeShowsTheServersReasonAndChangesNothing(FxRobot robot) {
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        api.mergeFailure = new ApiException(409, new ApiError("already_merged",
                "customer 150 was already merged into customer 140", null));
        robot.clickOn("#mergeDuplicatesButton");
        waitUntil(() -> listSize(robot) == 2);

        robot.clickOn("#customerMergeAsk");
        waitUntil(() -> visible(robot, "#customerMergeQuestion"));
        robot.clickOn("#customerMergeConfirm");

        waitUntil(() -> text(robot, "#customerMergeError")
                .equals("The merge was refused: customer 150 was already merged into customer 140"));
        assertThat(visible(robot, "#customerMergeQuestion")).isFalse();
        assertThat(visible(robot, "#customerMergeResult")).isFalse();
        assertThat(listSize(robot)).isEqualTo(2);
        assertThat(api.customers).containsKey(ADA_KING);
    }

    private static int listSize(FxRobot robot) {
        return onFx(() -> robot.lookup("#customerMergeList").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size()).orElse(-1));
    }
}
