package dev.switchboard.desktop.card;

import dev.switchboard.api.CustomerInsightView;
import dev.switchboard.api.CustomerInsightView.Permission;
import dev.switchboard.api.CustomerInsightView.Reason;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.PermissionRequest;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.math.BigDecimal;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.all;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the server works out about the customer, on the card once the pop has drawn. */
@ExtendWith(ApplicationExtension.class)
class CardInsightFxTest {
    private static final String FORMULA = "1,000.00 spent so far + 100.00 a year × 2.67 expected years = 1,267.00";

    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void theValueWithItsWorkingTheFirstSignalsAndTheAnswersGivenShowBesideTheCustomer(FxRobot robot) {
        api.insights.put(Fixtures.ADA, adaInsight());
        adaOnTheCard(robot);

        waitUntil(() -> text(robot, "#value").equals("Value 1,267.00 · Silver"));
        assertThat(tooltip(robot, "#value")).isEqualTo("Expected lifetime value: " + FORMULA);
        List<String> signals = onFx(() -> lines(robot, ".churn-signal"));
        assertThat(signals).containsExactly("No contact for 200 days", "Spend down 40% on last year",
                "Two complaints this year");
        assertThat(text(robot, "#moreSignals")).isEqualTo("+2 more");
        assertThat(tooltip(robot, "#moreSignals")).isEqualTo("Last delivery was late\nCancelled an order last month");
        assertThat(text(robot, "#permissionSummary")).isEqualTo("Marketing: Phone ✗, E-mail ✓");
        assertThat(visible(robot, "#upsellBanner")).isFalse();
        assertThat(visible(robot, "#permissionsPanel")).isFalse();
    }

    @Test
    void aComplaintOpenedTurnsTheDoNotUpsellBannerOnAndItsSolvingTurnsItOff(FxRobot robot) {
        adaOnTheCard(robot);
        waitUntil(() -> text(robot, "#value").equals("Value 1,267.00 · Silver"));
        assertThat(visible(robot, "#upsellBanner")).isFalse();

        // a colleague opens a complaint for Ada: the card hears of it and asks again
        TicketView complaint = api.createTicket(new NewTicketRequest(Fixtures.ADA, "Engineer never came",
                TicketPriority.HIGH, null, null, TicketKind.COMPLAINT, Severity.MAJOR, "Logistics", "Late delivery",
                null, null, null));
        api.emit(EventTypes.TICKET, new TicketEvent(complaint));
        waitUntil(() -> visible(robot, "#upsellBanner"));
        assertThat(text(robot, "#upsellReason")).isEqualTo("Complaint open: do not offer sales");

        TicketView solved = new TicketView(complaint.id(), complaint.customerId(), complaint.subject(),
                TicketStatus.SOLVED, complaint.priority(), complaint.createdAt(), Fixtures.NOW, complaint.version() + 1,
                complaint.interactionIds(), complaint.notes(), null, null, complaint.caseFile());
        api.ticketsById.put(solved.id(), solved);
        api.emit(EventTypes.TICKET, new TicketEvent(solved));
        waitUntil(() -> !visible(robot, "#upsellBanner"));
    }

    @Test
    void aTickedBoxRecordsTheAnswerAndARefusedOneGoesBack(FxRobot robot) {
        adaOnTheCard(robot);
        waitUntil(() -> visible(robot, "#permissionsToggle"));
        robot.clickOn("#permissionsToggle");
        waitUntil(() -> visible(robot, "#permissionsPanel"));
        // never asked: service is allowed, marketing is not
        assertThat(selected(robot, "#permission-email-service")).isTrue();
        assertThat(selected(robot, "#permission-email-marketing")).isFalse();

        robot.clickOn("#permission-email-marketing");
        await().atMost(PATIENCE).until(() -> api.permissionsSet.size() == 1);
        assertThat(api.permissionsSet).containsExactly(
                new PermissionRequest(Channel.EMAIL, ContactPurpose.MARKETING, true));
        assertThat(visible(robot, "#permissionError")).isFalse();

        api.unreachable = true;
        robot.clickOn("#permission-phone-survey");
        waitUntil(() -> visible(robot, "#permissionError"));
        assertThat(text(robot, "#permissionError")).startsWith("Not saved: ").contains("does not answer");
        waitUntil(() -> !selected(robot, "#permission-phone-survey"));
        assertThat(api.permissionsSet).hasSize(1);
    }

    @Test
    void customersOnFileWhoMayBeTheSamePersonAreNamedForASupervisorToMerge(FxRobot robot) {
        assertThat(visible(robot, "#duplicatesHint")).isFalse();
        api.insights.put(Fixtures.ADA, adaInsight().withDuplicates(List.of(
                "Ada King: similar name at the same postcode", "A. Lovelace: same last name and first initial")));
        adaOnTheCard(robot);

        waitUntil(() -> text(robot, "#duplicatesHint").equals("May be on file twice (2 others)"));
        assertThat(tooltip(robot, "#duplicatesHint")).isEqualTo("Ada King: similar name at the same postcode\n"
                + "A. Lovelace: same last name and first initial\nA supervisor can merge them (Duplicates…).");
    }

    @Test
    void anInsightThatCannotBeHadLeavesTheCardAsThePopDrewIt(FxRobot robot) {
        signIn(robot, api);
        api.unreachable = true;
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));

        waitUntil(() -> "Value unavailable just now: this is the figure on record.".equals(tooltip(robot, "#value")));
        assertThat(text(robot, "#value")).isEqualTo("Lifetime value 48,250");
        assertThat(visible(robot, "#insightBox")).isFalse();
        assertThat(visible(robot, "#upsellBanner")).isFalse();
        assertThat(robot.listTargetWindows()).hasSize(1); // no error dialog
    }

    private void adaOnTheCard(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
    }

    static CustomerInsightView adaInsight() {
        return new CustomerInsightView(Fixtures.ADA, new BigDecimal("1267.00"), new BigDecimal("1000.00"),
                new BigDecimal("100.00"), new BigDecimal("267.00"), FORMULA, "Silver",
                List.of(new Reason("QUIET", "No contact for 200 days"),
                        new Reason("SPEND_DOWN", "Spend down 40% on last year"),
                        new Reason("COMPLAINTS", "Two complaints this year"),
                        new Reason("LATE", "Last delivery was late"),
                        new Reason("CANCELLED", "Cancelled an order last month")),
                false, null,
                List.of(new Permission(Channel.EMAIL, ContactPurpose.MARKETING, true, true, Fixtures.NOW),
                        new Permission(Channel.PHONE, ContactPurpose.MARKETING, false, true, Fixtures.NOW)));
    }

    /** The texts of the labels the query finds that are shown. */
    private static List<String> lines(FxRobot robot, String query) {
        return all(robot, query).stream().filter(Node::isVisible).map(n -> ((Labeled) n).getText()).toList();
    }

    private static String tooltip(FxRobot robot, String query) {
        return onFx(() -> {
            Tooltip tip = ((Labeled) one(robot, query)).getTooltip();
            return tip == null ? null : tip.getText();
        });
    }

    private static boolean selected(FxRobot robot, String query) {
        return onFx(() -> ((CheckBox) one(robot, query)).isSelected());
    }
}
