package dev.switchboard.desktop.knowledge;

import dev.switchboard.api.CallScriptView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.KnowledgeItemView;
import dev.switchboard.api.KnowledgeView;
import dev.switchboard.desktop.Conversations;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.FxTestSupport;
import dev.switchboard.domain.Channel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

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

/** The knowledge panel beside the card: a call's script and articles, searching, "this helped", a chat's reply. */
@ExtendWith(ApplicationExtension.class)
class KnowledgeFxTest {
    private static final KnowledgeItemView CHARGES = new KnowledgeItemView(KnowledgeItemView.ARTICLE, 3,
            "Disputed or unexpected charges", "When a customer does not recognise a charge:\n\n1. Find the charge.",
            "Billing", List.of("charge"), 4, false);
    private static final KnowledgeItemView DEBIT = new KnowledgeItemView(KnowledgeItemView.ARTICLE, 2,
            "Changing a direct debit date", "A customer can move their direct debit.", "Billing", List.of(), 0, false);
    private static final KnowledgeItemView ROUTER = new KnowledgeItemView(KnowledgeItemView.ARTICLE, 5,
            "Router will not connect", "Restart the router and wait 3 minutes.", "Technical support",
            List.of("router"), 0, false);
    private static final CallScriptView SCRIPT = new CallScriptView(2, "Billing calls",
            "Greet: \"Billing, Alex Morgan speaking.\"\nSecurity: date of birth and postcode.", 2L, null, "Billing");

    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        api.conversations.put(801L, Conversations.graceChat(801));
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aCallShowsItsScriptAndTheArticlesItsSubjectSuggests(FxRobot robot) {
        api.knowledgeFor.put(501L, new KnowledgeView(List.of("billing", "question"), true, List.of(CHARGES, DEBIT),
                SCRIPT, null));
        adaCalls(robot);

        waitUntil(() -> visible(robot, "#knowledgeRoot") && text(robot, "#scriptTitle").equals("Call script: Billing calls"));
        assertThat(labels(robot, ".script-step-caption")).containsExactly("Greet", "Security");
        assertThat(labels(robot, ".script-step-text")).containsExactly("\"Billing, Alex Morgan speaking.\"",
                "date of birth and postcode.");
        assertThat(text(robot, "#knowledgeStatus")).isEqualTo("Suggested for: billing, question");
        assertThat(labels(robot, ".knowledge-item-title")).containsExactly("Disputed or unexpected charges",
                "Changing a direct debit date");
        assertThat(labels(robot, ".knowledge-item-detail")).contains("Matches charge · Billing · helped 4 tickets");
        assertThat(text(robot, "#knowledgeText")).startsWith("When a customer does not recognise a charge:");
        // a call has no reply to insert into; no ticket on the contact yet: nothing to record "helped" on
        assertThat(visible(robot, "#knowledgeInsert")).isFalse();
        assertThat(onFx(() -> one(robot, "#knowledgeHelped").isDisabled())).isTrue();
        assertThat(text(robot, "#knowledgeHelpedText"))
                .isEqualTo("Link a ticket to this contact to record which articles helped.");

        selectItem(robot, 1);
        waitUntil(() -> text(robot, "#knowledgeText").equals("A customer can move their direct debit."));
    }

    @Test
    void typedWordsAreSearchedAfterAPauseAndClearingGoesBackToTheSuggestions(FxRobot robot) {
        api.knowledgeFor.put(501L, new KnowledgeView(List.of("billing"), true, List.of(CHARGES), SCRIPT, null));
        api.knowledgeSearches.put("router", new KnowledgeView(List.of("router"), false, List.of(ROUTER), null, null));
        adaCalls(robot);
        waitUntil(() -> labels(robot, ".knowledge-item-title").equals(List.of("Disputed or unexpected charges")));

        robot.clickOn("#knowledgeSearch").write("router");
        waitUntil(() -> labels(robot, ".knowledge-item-title").equals(List.of("Router will not connect")));
        assertThat(text(robot, "#knowledgeStatus")).isEqualTo("1 result for \"router\"");
        assertThat(api.calls).contains("knowledge 501 router").doesNotContain("knowledge 501 r", "knowledge 501 rou");
        // the script stays: it is the call's, whatever is searched
        assertThat(visible(robot, "#scriptScroll")).isTrue();

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> labels(robot, ".knowledge-item-title").equals(List.of("Disputed or unexpected charges")));
        assertThat(text(robot, "#knowledgeStatus")).isEqualTo("Suggested for: billing");
    }

    @Test
    void thisHelpedIsRecordedOnTheContactsTicketOnce(FxRobot robot) {
        api.knowledgeFor.put(501L, new KnowledgeView(List.of("billing"), true, List.of(CHARGES, DEBIT), SCRIPT, 77L));
        adaCalls(robot);
        waitUntil(() -> visible(robot, "#knowledgeHelped") && !onFx(() -> one(robot, "#knowledgeHelped").isDisabled()));

        robot.clickOn("#knowledgeHelped");
        await().atMost(PATIENCE).until(() -> api.helpedArticles.size() == 1);
        assertThat(api.helpedArticles).containsExactly("77:3");
        waitUntil(() -> text(robot, "#knowledgeHelpedText").equals("Recorded on T-77 as having helped."));
        assertThat(onFx(() -> one(robot, "#knowledgeHelped").isDisabled())).isTrue();
        assertThat(labels(robot, ".knowledge-item-detail")).contains("Matches charge · Billing · helped this ticket");
    }

    @Test
    void f1HidesThePanelAndBringsItBackWithTheCursorInTheSearch(FxRobot robot) {
        api.knowledgeFor.put(501L, new KnowledgeView(List.of("billing"), true, List.of(CHARGES), SCRIPT, null));
        adaCalls(robot);
        waitUntil(() -> visible(robot, "#knowledgeRoot"));

        robot.clickOn("#knowledgeSearch");
        robot.type(KeyCode.F1);
        waitUntil(() -> !visible(robot, "#knowledgeRoot"));
        robot.type(KeyCode.F1);
        waitUntil(() -> visible(robot, "#knowledgeRoot") && onFx(() -> one(robot, "#knowledgeSearch").isFocused()));
    }

    @Test
    void aChatsResponseGoesIntoTheReplyWithItsPlaceholdersFilledByTheServer(FxRobot robot) {
        KnowledgeItemView renewal = new KnowledgeItemView(KnowledgeItemView.CANNED, 9, "Renewal failed",
                "Hello Grace Hopper, I have renewed your licence by hand.", null, List.of("renewal"), 0, false);
        api.knowledgeFor.put(801L, new KnowledgeView(List.of("renewal"), true, List.of(renewal), null, null));
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example",
                "Licence renewal", "Hi! My compiler licence renewal failed at checkout.", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-801") && visible(robot, "#knowledgeInsert"));
        assertThat(visible(robot, "#scriptScroll")).isFalse();
        assertThat(labels(robot, ".knowledge-kind")).containsExactly("Response");

        robot.clickOn("#knowledgeInsert");
        waitUntil(() -> draft(robot).equals("Hello Grace Hopper, I have renewed your licence by hand."));
        assertThat(api.sent).isEmpty();

        // with the customer on screen instead of the conversation there is no reply to put it in: it is copied
        robot.clickOn("#customerToggle");
        waitUntil(() -> !visible(robot, "@conversation-801"));
        robot.clickOn("#knowledgeInsert");
        waitUntil(() -> text(robot, "#knowledgeStatus").startsWith("No reply open: the text is copied"));
        assertThat(draft(robot)).isEqualTo("Hello Grace Hopper, I have renewed your licence by hand.");
    }

    private void adaCalls(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
    }

    private static void selectItem(FxRobot robot, int index) {
        onFx(() -> {
            FxTestSupport.<ListView<?>>one(robot, "#knowledgeList").getSelectionModel().select(index);
            return null;
        });
    }

    private static String draft(FxRobot robot) {
        return onFx(() -> FxTestSupport.<TextArea>one(robot, "@conversation-801 .composer-text").getText());
    }

    /** The texts of the shown labels the query finds, in scene order. */
    private static List<String> labels(FxRobot robot, String query) {
        return onFx(() -> all(robot, query).stream().filter(KnowledgeFxTest::shown)
                .map(n -> ((Labeled) n).getText()).toList());
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
