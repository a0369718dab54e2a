package dev.switchboard.desktop.outbound;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.outbound.AttemptResult;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.time.Instant;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An outbound agent works the call list with the keyboard: preview, dial, disposition by key, next. */
@ExtendWith(ApplicationExtension.class)
class OutboundFxTest {
    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        api.useRole(Role.OUTBOUND_AGENT);
        api.campaigns.add(Campaigns.renewals());
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    private void previewAda(FxRobot robot) {
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.ada()));
        signIn(robot, api);
        waitUntil(() -> visible(robot, "#nameLabel") && text(robot, "#nameLabel").equals("Ada Lovelace"));
    }

    @Test
    void theAgentPreviewsDialsGivesACallbackByItsKeyAndTheNextRecordComes(FxRobot robot) {
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.ada()));
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.grace()));
        signIn(robot, api);
        waitUntil(() -> visible(robot, "#nameLabel") && text(robot, "#nameLabel").equals("Ada Lovelace"));
        assertThat(visible(robot, "#leftPane")).as("no contacts or queue for an outbound agent").isFalse();
        assertThat(text(robot, "#progressLabel")).isEqualTo("34 attempted · 9 connected · 80 remaining");
        assertThat(text(robot, "#numberLabel")).isEqualTo(Fixtures.ADA_PHONE);
        assertThat(text(robot, "#localTimeLabel")).isEqualTo("10:00 local time (Europe/London)");
        assertThat(text(robot, "#customerDetails")).isEqualTo("Analytical Engines Ltd · Gold");
        assertThat(robot.lookup(".outbound-ticket").queryAll()).hasSize(5);
        assertThat(visible(robot, "#resultPane")).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#resultPane"));
        assertThat(api.outboundDials).containsExactly(501L);
        assertThat(text(robot, "#callLabel")).isEqualTo("On the call");
        assertThat(onFx(() -> robot.lookup("#outboundSave").<Button>query().isDisabled())).isTrue();

        robot.type(KeyCode.C);
        waitUntil(() -> onFx(() -> robot.lookup("#disposition-CALLBACK").<ToggleButton>query().isSelected()));
        assertThat(visible(robot, "#callbackRow")).isTrue();
        robot.doubleClickOn("#callbackTime");
        onFx(() -> robot.lookup("#callbackTime").<javafx.scene.control.TextField>query().selectAll());
        robot.write("16:15");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> text(robot, "#nameLabel").equals("Grace Hopper"));
        OutboundResultRequest sent = api.outboundResults.get(0).getValue();
        assertThat(sent.result()).isEqualTo(AttemptResult.CONNECTED);
        assertThat(sent.disposition()).isEqualTo("CALLBACK");
        assertThat(sent.callbackAt()).isEqualTo(Instant.parse("2025-11-14T16:15:00Z"));
        assertThat(sent.callbackToMe()).isTrue();
        assertThat(text(robot, "#outboundMessage")).isEqualTo("Saved for Ada Lovelace: Callback.");
        assertThat(visible(robot, "#resultPane")).isFalse();
        assertThat(visible(robot, "#noCustomer")).isTrue();
    }

    @Test
    void aRefusedDialShowsItsReason(FxRobot robot) {
        previewAda(robot);
        api.dialFailure = new ApiException(409, new ApiError("dnc_global",
                "record 501 may not be dialled: the number is on the centre's do-not-call list", null));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("Not dialled: This number is on the do-not-call list."));
        assertThat(visible(robot, "#outboundDial")).as("the record was put aside").isFalse();
        assertThat(onFx(() -> robot.lookup("#nextButton").<Button>query().isDisabled())).isFalse();
        assertThat(visible(robot, "#resultPane")).isFalse();
    }

    @Test
    void nothingToDialShowsWhenTheNextFallsDue(FxRobot robot) {
        api.nextAnswers.add(Campaigns.nothingUntil(Fixtures.NOW.plusSeconds(4 * 3600)));
        signIn(robot, api);
        waitUntil(() -> text(robot, "#outboundMessage")
                .equals("Nothing to dial now — next at 14:00 (calling hours and retry times)."));
        assertThat(visible(robot, "#nameLabel")).isFalse();
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.grace()));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#nameLabel") && text(robot, "#nameLabel").equals("Grace Hopper"));
    }

    @Test
    void onACampaignTheServerDialsTheAgentWaitsTakesTheCallPutThroughAndStopsWithCtrlL(FxRobot robot) {
        api.campaigns.clear();
        api.campaigns.add(Campaigns.winter());
        signIn(robot, api);
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("Waiting for a call"));
        assertThat(api.outboundJoins).containsExactly(Campaigns.WINTER);
        assertThat(visible(robot, "#stopButton")).isTrue();
        assertThat(visible(robot, "#busyIndicator")).as("the spinner says it waits").isTrue();
        assertThat(text(robot, "#nextButton")).isEqualTo("Take calls");
        assertThat(visible(robot, "#recordRow")).isFalse();

        onFx(() -> api.putThrough(Campaigns.ada()));
        waitUntil(() -> visible(robot, "#resultPane") && text(robot, "#nameLabel").equals("Ada Lovelace"));
        assertThat(text(robot, "#outboundMessage")).startsWith("Connected to Ada Lovelace");
        assertThat(visible(robot, "#outboundDial")).as("dialled already").isFalse();
        robot.type(KeyCode.S);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#outboundMessage").equals("Saved for Ada Lovelace: Sale. Waiting for the next call."));
        assertThat(api.outboundResults.get(0).getValue().disposition()).isEqualTo("SALE");
        assertThat(api.nextAsks).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("You take no more calls"));
        assertThat(api.outboundLeaves).containsExactly(Campaigns.WINTER);
        assertThat(visible(robot, "#stopButton")).isFalse();
    }
}
