package dev.switchboard.desktop.outbound;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.outbound.AttemptResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbound agent's flow: preview, dial, result, next; refusals and an empty list said plainly. */
class OutboundViewModelTest {
    private final Harness h = Harness.inline();
    private final OutboundViewModel vm = new OutboundViewModel(h.api, new InlineTaskRunner(), Fixtures.CLOCK,
            h.messages, new EnumText(h.messages), new Formats(h.messages, Fixtures.CLOCK.getZone()),
            new ErrorText(h.messages, "test server"));

    private OutboundViewModelTest() {
        h.api.useRole(Role.OUTBOUND_AGENT);
        h.api.campaigns.add(Campaigns.renewals());
    }

    @Test
    void theFirstCampaignsNextRecordIsPreviewedWithItsCustomersCard() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();

        assertThat(vm.campaignProperty().get().name()).isEqualTo("Spring renewals");
        assertThat(vm.progressProperty().get()).isEqualTo("34 attempted · 9 connected · 80 remaining");
        assertThat(h.api.nextAsks).containsExactly(Campaigns.RENEWALS);
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.PREVIEW);
        RecordCard r = vm.recordProperty().get();
        assertThat(r.name()).isEqualTo("Ada Lovelace");
        assertThat(r.number()).isEqualTo(Fixtures.ADA_PHONE);
        assertThat(r.localTime()).isEqualTo("10:00 local time (Europe/London)");
        assertThat(r.attempts()).isEqualTo("1 of 5 attempts made");
        assertThat(r.lastResult()).isEqualTo("Last result: No answer");
        assertThat(r.customer().name()).isEqualTo("Ada Lovelace");
        assertThat(r.customer().details()).isEqualTo("Analytical Engines Ltd · Gold");
        assertThat(r.customer().tickets()).contains("#5012 Invoice charged twice in November · Urgent");
        assertThat(vm.canDialProperty().get()).isTrue();
        assertThat(vm.dispositions()).extracting(DispositionItem::key).containsExactly("S", "C", "N", "D");
        assertThat(vm.dispositions().get(2).label()).isEqualTo("Not interested");
    }

    @Test
    void aCallbackByItsKeyIsSavedWithItsTimeAndTheNextRecordComes() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.grace()));
        vm.start();

        vm.dial();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.messageProperty().get()).startsWith("On the call with Ada Lovelace");
        assertThat(vm.canNextProperty().get()).as("no next record while on the call").isFalse();
        assertThat(vm.canSaveProperty().get()).as("no result chosen yet").isFalse();

        assertThat(vm.pickKey('x')).isFalse();
        assertThat(vm.pickKey('c')).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo(AttemptResult.CONNECTED);
        assertThat(vm.dispositionProperty().get().code()).isEqualTo("CALLBACK");
        assertThat(vm.needsCallbackProperty().get()).isTrue();
        assertThat(vm.callbackDateProperty().get()).isEqualTo(LocalDate.of(2025, 11, 14));
        vm.callbackTimeProperty().set("15:30");
        vm.callbackToMeProperty().set(false);
        long call = h.api.phoneCalls.keySet().iterator().next();
        vm.save();

        assertThat(h.api.outboundResults).hasSize(1);
        OutboundResultRequest sent = h.api.outboundResults.get(0).getValue();
        assertThat(h.api.outboundResults.get(0).getKey()).isEqualTo(501L);
        assertThat(sent.result()).isEqualTo(AttemptResult.CONNECTED);
        assertThat(sent.disposition()).isEqualTo("CALLBACK");
        assertThat(sent.callbackAt()).isEqualTo(Instant.parse("2025-11-14T15:30:00Z"));
        assertThat(sent.callbackToMe()).isFalse();
        assertThat(h.api.calls).as("the call hung up and its after-contact work closed")
                .contains("end " + call).anyMatch(c -> c.startsWith("wrapUp " + call));
        assertThat(vm.recordProperty().get().name()).isEqualTo("Grace Hopper");
        assertThat(vm.recordProperty().get().customer()).isNull();
        assertThat(vm.recordProperty().get().attempts()).isEqualTo("Not called yet");
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.PREVIEW);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved for Ada Lovelace: Callback.");
    }

    @Test
    void aBusyLineNeedsNoDispositionAndAnEndedCallIsNotHungUpTwice() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();
        vm.dial();
        vm.endCall();
        assertThat(vm.callEndedProperty().get()).isTrue();
        vm.chooseResult(AttemptResult.CONNECTED);
        assertThat(vm.canSaveProperty().get()).as("connected needs a disposition").isFalse();
        vm.chooseResult(AttemptResult.BUSY);
        assertThat(vm.canSaveProperty().get()).isTrue();
        h.api.calls.clear();
        vm.save();

        assertThat(h.api.outboundResults.get(0).getValue().result()).isEqualTo(AttemptResult.BUSY);
        assertThat(h.api.outboundResults.get(0).getValue().disposition()).isNull();
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("end "));
        assertThat(vm.stageProperty().get()).as("nothing left").isEqualTo(CallListStep.NOTHING);
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing to dial now: no record is left to dial");
    }

    @Test
    void aRefusedDialSaysWhyAndOffersTheNextRecord() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();
        h.api.dialFailure = new ApiException(409, new ApiError("dnc_global",
                "record 501 may not be dialled: the number is on the centre's do-not-call list", null));
        vm.dial();

        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.REFUSED);
        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Not dialled: This number is on the do-not-call list.");
        assertThat(vm.canDialProperty().get()).isFalse();
        assertThat(vm.canNextProperty().get()).isTrue();
    }

    @Test
    void aDialThatFailsOtherwiseShowsTheServersReasonAndMayBeTriedAgain() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();
        h.api.dialFailure = new ApiException(409, new ApiError("phone_not_registered",
                "your phone is not registered", null));
        vm.dial();
        assertThat(vm.messageProperty().get()).isEqualTo("your phone is not registered");
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.PREVIEW);
        vm.dial();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
    }

    @Test
    void nothingToDialShowsWhenTheNextRecordFallsDue() {
        h.api.nextAnswers.add(Campaigns.nothingUntil(Fixtures.NOW.plusSeconds(4 * 3600)));
        vm.start();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.NOTHING);
        assertThat(vm.recordProperty().get()).isNull();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Nothing to dial now — next at 14:00 (calling hours and retry times).");
        assertThat(vm.canNextProperty().get()).isTrue();
    }

    @Test
    void aSkippedRecordMakesWayForTheNext() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.grace()));
        vm.start();
        vm.skip();
        assertThat(h.api.outboundSkips).containsExactly(501L);
        assertThat(vm.recordProperty().get().name()).isEqualTo("Grace Hopper");
        assertThat(vm.recordProperty().get().localTime()).isEqualTo("05:00 local time (America/New_York)");
    }

    @Test
    void withNoActiveCampaignItSaysSo() {
        h.api.campaigns.clear();
        vm.start();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.NO_CAMPAIGN);
        assertThat(vm.messageProperty().get()).isEqualTo("No campaign is running for you now.");
        assertThat(h.api.nextAsks).isEmpty();

        // a campaign starts: Next asks for the campaigns again and the first record comes
        h.api.campaigns.add(Campaigns.renewals());
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        assertThat(vm.canNextProperty().get()).isTrue();
        vm.next();
        assertThat(vm.campaignProperty().get().name()).isEqualTo("Spring renewals");
        assertThat(vm.recordProperty().get().name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aRefusedResultLeavesTheCallAndItsWorkAsTheyWere() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();
        vm.dial();
        long call = h.api.phoneCalls.keySet().iterator().next();
        assertThat(vm.pickKey('s')).isTrue();
        h.api.resultFailure = new dev.switchboard.client.ApiException(409,
                new dev.switchboard.api.ApiError("not_dialled", "record 501 was not dialled", null));
        vm.save();

        assertThat(h.api.calls).noneMatch(c -> c.equals("end " + call) || c.startsWith("wrapUp " + call));
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.messageProperty().get()).contains("record 501 was not dialled");

        vm.save(); // tried again, accepted: now the call ends and its work closes
        assertThat(h.api.calls).contains("end " + call).anyMatch(c -> c.startsWith("wrapUp " + call));
        assertThat(h.api.outboundResults).hasSize(1);
    }

    @Test
    void onACampaignTheServerDialsTheAgentTakesASeatAndTheDiallersCallComesThrough() {
        h.api.campaigns.clear();
        h.api.campaigns.add(Campaigns.winter());
        vm.follow(h.w.session());
        vm.start();

        assertThat(h.api.outboundJoins).containsExactly(Campaigns.WINTER);
        assertThat(h.api.nextAsks).as("no preview on a campaign the server dials").isEmpty();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.WAITING);
        assertThat(vm.seatedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Waiting for a call").contains("1 call out");
        assertThat(vm.canDialProperty().get()).isFalse();
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.canStopProperty().get()).isTrue();
        assertThat(h.api.calls).as("seated: Ready for supervisors to see").contains("setState READY");

        h.api.dialLogs.put(501L, List.of(new OutboundLogEntryView(9, Campaigns.WINTER, 501, Fixtures.ADA_PHONE, null,
                "RESULT", "NO_ANSWER", "next attempt at …", null, Fixtures.NOW.minusSeconds(7_200))));
        h.api.putThrough(Campaigns.ada());

        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.recordProperty().get().name()).isEqualTo("Ada Lovelace");
        assertThat(vm.recordProperty().get().customer().name()).isEqualTo("Ada Lovelace");
        assertThat(vm.resultProperty().get()).as("a person answered").isEqualTo(AttemptResult.CONNECTED);
        assertThat(vm.messageProperty().get()).startsWith("Connected to Ada Lovelace");
        assertThat(vm.history()).singleElement().asString().endsWith(" · No answer");

        assertThat(vm.pickKey('s')).isTrue();
        vm.save();
        assertThat(h.api.outboundResults).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(501L);
            assertThat(e.getValue().disposition()).isEqualTo("SALE");
        });
        assertThat(vm.stageProperty().get()).as("the seat waits for the next call").isEqualTo(CallListStep.WAITING);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved for Ada Lovelace: Sale. Waiting for the next call.");
        assertThat(h.api.nextAsks).isEmpty();

        vm.stopCalls();
        assertThat(h.api.outboundLeaves).containsExactly(Campaigns.WINTER);
        assertThat(h.api.calls).contains("setState NOT_READY BREAK");
        assertThat(vm.seatedProperty().get()).isFalse();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.NOTHING);
        assertThat(vm.canNextProperty().get()).as("Next takes calls again").isTrue();
        vm.next();
        assertThat(h.api.outboundJoins).hasSize(2);
    }

    @Test
    void aPreviewedRecordShowsItsEarlierAttempts() {
        h.api.dialLogs.put(501L, List.of(
                new OutboundLogEntryView(11, Campaigns.RENEWALS, 501, Fixtures.ADA_PHONE, 7L, "DISPOSITION",
                        "LEFT_MESSAGE", "", null, Fixtures.NOW.minusSeconds(3_600)),
                new OutboundLogEntryView(10, Campaigns.RENEWALS, 501, Fixtures.ADA_PHONE, null, "DIAL", null,
                        "attempt 1 of 5", null, Fixtures.NOW.minusSeconds(3_700))));
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();

        assertThat(vm.history()).singleElement().asString().endsWith(" · Outcome: Left message");
    }

    @Test
    void aDialWhoseAnswerWasLostIsFoundPlacedAndItsResultAsked() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.ada()));
        vm.start();
        h.api.dialFailure = new ServerUnreachableException("read timed out", null);
        h.api.holdRecord(Campaigns.dialled(Campaigns.ada(), 8_001));
        vm.dial();

        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.messageProperty().get()).startsWith("The call to Ada Lovelace was dialled");
        assertThat(vm.recordProperty().get().customer().name()).as("the card stays").isEqualTo("Ada Lovelace");
        vm.chooseResult(AttemptResult.NO_ANSWER);
        vm.save();
        assertThat(h.api.outboundResults).singleElement().satisfies(e -> assertThat(e.getKey()).isEqualTo(501L));
        assertThat(h.api.calls).as("the call found is hung up").contains("end 8001");
    }

    @Test
    void aRecordDialledBeforeARestartComesBackToBeReported() {
        h.api.nextAnswers.add(Campaigns.preview(h.api, Campaigns.dialled(Campaigns.ada(), 8_002)));
        vm.start();

        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.canDialProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("was dialled but its result was never saved");
    }

    @Test
    void onACampaignTheServerDialsACallbackGoesToTheCampaignAndALostCallGoesBackToWaiting() {
        h.api.campaigns.clear();
        h.api.campaigns.add(Campaigns.winter());
        vm.follow(h.w.session());
        vm.start();
        h.api.putThrough(Campaigns.ada());
        assertThat(vm.pickKey('c')).isTrue();
        vm.callbackTimeProperty().set("15:30");
        vm.save();
        assertThat(h.api.outboundResults.get(0).getValue().callbackToMe()).as("the dialler picks the agent").isFalse();

        h.api.putThrough(Campaigns.grace());
        h.api.resultFailure = new ApiException(409, new ApiError("not_held",
                "record 502 is not held by you: ask for the next record first", null));
        vm.chooseResult(AttemptResult.CONNECTED);
        assertThat(vm.pickKey('n')).isTrue();
        vm.save();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.WAITING);
        assertThat(vm.recordProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("The call to Grace Hopper did not reach you");
    }

    @Test
    void aCallGivenWhoseEventNeverCameIsShownWhenTheSeatIsRenewed() {
        h.api.campaigns.clear();
        h.api.campaigns.add(Campaigns.winter());
        vm.follow(h.w.session());
        vm.start();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.WAITING);
        h.api.seatInHand = Campaigns.dialled(Campaigns.ada(), 8_003);
        vm.renewSeat();
        assertThat(vm.stageProperty().get()).isEqualTo(CallListStep.ON_CALL);
        assertThat(vm.recordProperty().get().name()).isEqualTo("Ada Lovelace");
    }
}
