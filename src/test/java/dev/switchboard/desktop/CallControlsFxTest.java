package dev.switchboard.desktop;

import dev.switchboard.api.CallView;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.domain.CallState;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls as an agent handles them: the call bar, the phone's status, dialling, transfer to a number, a
 * consultation.
 */
@ExtendWith(ApplicationExtension.class)
class CallControlsFxTest {
    private static final String NO_ANSWER = "Your phone did not answer — the call went back to the queue";

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
    void anAcceptedCallRingsConnectsIsHeldTakesTonesAndSaysWhyItFailed(FxRobot robot) {
        signIn(robot, api);
        answerCallFromAda(robot);
        assertThat(text(robot, "#endButton")).isEqualTo("Hang up");
        assertThat(disabled(robot, "#holdButton")).as("no hold while ringing").isTrue();

        api.changeCall(501, CallState.CONNECTED, null);
        waitUntil(() -> text(robot, "#callStatus").equals("Connected") && !disabled(robot, "#holdButton"));
        assertThat(text(robot, "#callTimer")).isEqualTo("0:00");
        assertThat(tooltip(robot, "#holdButton")).isEqualTo("Put the caller on hold (Ctrl+Shift+H)");

        // Hold by mouse, Resume by its shortcut; mute by its shortcut
        robot.clickOn("#holdButton");
        waitUntil(() -> text(robot, "#callStatus").equals("On hold") && text(robot, "#holdButton").equals("Resume"));
        assertThat(api.calls).contains("hold 501 true");
        assertThat(pseudoClass(robot, "#callBar", "held")).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#callStatus").equals("Connected"));
        assertThat(api.calls).contains("hold 501 false");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#callStatus").equals("Muted") && text(robot, "#muteButton").equals("Unmute"));
        assertThat(api.calls).contains("mute 501 true");

        // tones: keys of the pad go at once, typed ones with Enter; the caller's own keys show too
        robot.clickOn("#keypadButton");
        waitUntil(() -> visible(robot, "#keypadField"));
        robot.clickOn("#key-1");
        robot.clickOn("#key-hash");
        waitUntil(() -> text(robot, "#callDigits").equals("Keys 1#"));
        robot.clickOn("#keypadField").write("204");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#callDigits").equals("Keys 1#204"));
        assertThat(api.calls).contains("digits 501 1", "digits 501 #", "digits 501 204");
        api.callerPressed(501, "9");
        waitUntil(() -> text(robot, "#callDigits").equals("Keys 1#2049"));

        // a request the server refuses is said on the bar, and nothing stays frozen
        api.phoneCalls.put(501L, new CallView(501, CallState.CONNECTING, false, true, "1#2049", null));
        robot.clickOn("#holdButton");
        waitUntil(() -> text(robot, "#callError").equals("The call is not connected."));
        assertThat(disabled(robot, "#holdButton")).isFalse();

        // the call fails: the bar says why, as an error, and so does the notice line
        api.changeCall(501, CallState.FAILED, NO_ANSWER);
        waitUntil(() -> text(robot, "#callStatus").equals(NO_ANSWER));
        assertThat(pseudoClass(robot, "#callBar", "failed")).isTrue();
        assertThat(disabled(robot, "#holdButton")).isTrue();
        assertThat(visible(robot, "#keypadField")).as("the keypad closes with the call").isFalse();
        assertThat(text(robot, "#noticeLabel")).isEqualTo(NO_ANSWER);
    }

    @Test
    void thePhoneStatusFollowsRegistrationAndADialledNumberOpensATab(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#phoneStatus").equals("Phone ready"));
        assertThat(api.calls).contains("phone");
        assertThat(tooltip(robot, "#phoneStatus")).contains("sip:127.0.0.1:5060").contains("agent");

        api.changePhone(false);
        waitUntil(() -> text(robot, "#phoneStatus").equals("Phone not registered"));
        assertThat(pseudoClass(robot, "#phoneStatus", "not-registered")).isTrue();
        assertThat(tooltip(robot, "#phoneStatus")).isEqualTo(
                "Calls cannot reach you. Register your SIP phone at sip:127.0.0.1:5060 with the user name agent.");

        // Ctrl+D, a number, Enter: the server says no while the phone is away
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.write("+44 20 7946 0101");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#dialError").equals("Your phone is not registered"));
        assertThat(tabs(robot)).isEmpty();

        api.changePhone(true);
        waitUntil(() -> text(robot, "#phoneStatus").equals("Phone ready"));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> tabs(robot).size() == 1 && text(robot, "#name").equals("Ada Lovelace"));
        waitUntil(() -> text(robot, "#callStatus").equals("Ringing your phone…"));
        assertThat(visible(robot, "#dialError")).isFalse();
        assertThat(text(robot, "#dialNumber")).isEmpty();
        assertThat(api.dialled.get(1)).isEqualTo(new DialRequest("+44 20 7946 0101", null));

        // the card's call button beside her mobile number dials it, on her timeline
        robot.clickOn(dialButtonFor(robot, "+44 7700 900101"));
        waitUntil(() -> tabs(robot).size() == 2);
        assertThat(api.dialled.get(2)).isEqualTo(new DialRequest("+447700900101", Fixtures.ADA));

        // a number the server cannot call
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.write("call me");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#dialError").equals("“call me” is not a phone number."));
        assertThat(tabs(robot)).hasSize(2);
    }

    @Test
    void aCallIsTransferredToAnOutsideNumber(FxRobot robot) {
        signIn(robot, api);
        answerCallFromAda(robot);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".transfer") && visible(robot, "#numberToggle"));
        robot.clickOn("#numberToggle");
        waitUntil(() -> visible(robot, "#transferNumber"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#transferNumberError").equals("Give the number to transfer the call to."));

        robot.clickOn("#transferNumber").write("extension 9");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#transferNumberError").equals("“extension 9” is not a phone number."));
        assertThat(visible(robot, ".transfer")).isTrue();

        onFx(() -> robot.lookup("#transferNumber").<javafx.scene.control.TextField>query().clear());
        robot.clickOn("#transferNumber").write("+44 20 7946 0000");
        robot.type(KeyCode.ENTER);
        robot.write("Wants the claims team directly.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> !visible(robot, ".transfer") && api.transfers.size() == 1);
        assertThat(api.transfers.get(0).getValue()).isEqualTo(new TransferRequest(null, null, "+44 20 7946 0000",
                "Wants the claims team directly."));
        waitUntil(() -> text(robot, "#noticeLabel").equals("Ada Lovelace transferred to +44 20 7946 0000."));
    }

    @Test
    void aConsultedNumberRingsConnectsAndTakesTheCallerWhenTheTransferIsCompleted(FxRobot robot) {
        signIn(robot, api);
        answerCallFromAda(robot);
        assertThat(disabled(robot, "#consultButton")).as("no consultation while ringing").isTrue();
        api.changeCall(501, CallState.CONNECTED, null);
        waitUntil(() -> text(robot, "#callStatus").equals("Connected") && !disabled(robot, "#consultButton"));
        assertThat(tooltip(robot, "#consultButton"))
                .isEqualTo("Call a colleague or a number while the caller waits on hold (Ctrl+Shift+C)");

        robot.clickOn("#consultButton");
        waitUntil(() -> visible(robot, ".consult-panel") && visible(robot, "#consultFilter"));
        robot.clickOn("#consultNumberToggle");
        waitUntil(() -> visible(robot, "#consultNumber"));
        robot.write("reception");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#consultNumberError").equals("“reception” is not a phone number."));
        assertThat(visible(robot, ".consult-panel")).as("a refused consultation keeps the panel").isTrue();

        onFx(() -> robot.lookup("#consultNumber").<javafx.scene.control.TextField>query().clear());
        robot.clickOn("#consultNumber").write("+44 20 7946 0000");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#callStatus").equals("Calling +44 20 7946 0000 to consult…"));
        waitUntil(() -> !visible(robot, ".consult-panel"));
        assertThat(pseudoClass(robot, "#callBar", "consulting")).isTrue();
        assertThat(visible(robot, "#consultButton")).isFalse();
        assertThat(visible(robot, "#cancelConsultButton")).isTrue();
        assertThat(visible(robot, "#holdButton")).as("the consultation holds the caller").isFalse();
        assertThat(disabled(robot, "#completeConsultButton")).as("not before they answer").isTrue();
        assertThat(tooltip(robot, "#completeConsultButton")).isEqualTo(
                "Connect the caller to the person you consulted and leave the call (Ctrl+Shift+T)");

        api.consultAnswered(501);
        waitUntil(() -> text(robot, "#callStatus").equals("Consulting +44 20 7946 0000")
                && !disabled(robot, "#completeConsultButton"));
        robot.clickOn("#completeConsultButton");
        waitUntil(() -> tabs(robot).isEmpty() && !visible(robot, "#callBar"));
        assertThat(api.calls).contains("consult 501 +44 20 7946 0000", "completeConsult 501");
        waitUntil(() -> text(robot, "#noticeLabel").equals("The caller is now with +44 20 7946 0000."));
    }

    @Test
    void aConsultedColleagueIsCancelledByShortcutAndTheCallerIsBack(FxRobot robot) {
        signIn(robot, api);
        answerCallFromAda(robot);
        api.changeCall(501, CallState.CONNECTED, null);
        waitUntil(() -> text(robot, "#callStatus").equals("Connected") && !disabled(robot, "#consultButton"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".consult-panel") && focused(robot, "#consultFilter"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, ".consult-panel"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".consult-panel") && focused(robot, "#consultFilter"));
        robot.write("sam");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#callStatus").equals("Calling Sam Patel to consult…"));
        assertThat(disabled(robot, "#holdButton")).isTrue();
        assertThat(api.calls).contains("consult 501 agent 8");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X).release(KeyCode.X, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#callStatus").equals("Connected") && !disabled(robot, "#holdButton"));
        assertThat(api.calls).contains("cancelConsult 501");
        assertThat(visible(robot, "#consultButton")).isTrue();
        assertThat(text(robot, "#holdButton")).isEqualTo("Hold");

        // the colleague does not pick up: the caller is back and the bar says why
        robot.clickOn("#consultButton");
        waitUntil(() -> visible(robot, ".consult-panel"));
        robot.write("jordan");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#callStatus").equals("Calling Jordan Lee to consult…"));
        api.consultFailed(501, "Jordan Lee did not answer.");
        waitUntil(() -> text(robot, "#callStatus").equals("Connected")
                && text(robot, "#callError").equals("Jordan Lee did not answer."));
        assertThat(disabled(robot, "#holdButton")).isFalse();
    }

    private void answerCallFromAda(FxRobot robot) {
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> visible(robot, "#acceptButton"));
        assertThat(visible(robot, "#callBar")).as("no call bar for an offer").isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#callBar") && text(robot, "#callStatus").equals("Ringing your phone…"));
    }

    private static boolean disabled(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    private static boolean focused(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isFocused());
    }

    private static boolean pseudoClass(FxRobot robot, String query, String name) {
        return onFx(() -> robot.lookup(query).query().getPseudoClassStates().contains(PseudoClass.getPseudoClass(name)));
    }

    private static String tooltip(FxRobot robot, String query) {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof javafx.scene.control.Control c && c.getTooltip() != null
                    ? c.getTooltip().getText() : "";
        });
    }

    private static List<Node> tabs(FxRobot robot) {
        return onFx(() -> robot.lookup(".work-tab").queryAll().stream().filter(FxTestSupport::treeVisible).toList());
    }

    private static Button dialButtonFor(FxRobot robot, String display) {
        return onFx(() -> robot.lookup(".contact-chip").queryAll().stream()
                .filter(chip -> robot.from(chip).lookup(".contact-chip-text").queryAll().stream()
                        .anyMatch(n -> display.equals(((Label) n).getText())))
                .map(chip -> robot.from(chip).lookup(".contact-chip-dial").<Button>query())
                .findFirst().orElseThrow());
    }
}
