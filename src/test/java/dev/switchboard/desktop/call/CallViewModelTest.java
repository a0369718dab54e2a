package dev.switchboard.desktop.call;

import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.QueuedTaskRunner;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.CallState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CallViewModelTest {
    private static final String NO_ANSWER = "Your phone did not answer — the call went back to the queue";

    /** A call from Ada, accepted: the server rings the agent's phone. */
    private static Harness accepted(Harness h) {
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        h.w.contacts().accept();
        return h;
    }

    private static Harness connected() {
        Harness h = accepted(Harness.inline());
        h.api.changeCall(501, CallState.CONNECTED, null);
        return h;
    }

    @Test
    void anAcceptedCallRingsThenConnectsAndItsClockRuns() {
        Harness h = Harness.inline();
        CallViewModel call = h.w.call();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(h.api, 501));
        assertThat(call.shownProperty().get()).as("an offer has no call bar").isFalse();

        h.w.contacts().accept();
        assertThat(call.shownProperty().get()).isTrue();
        assertThat(call.statusProperty().get()).isEqualTo("Ringing your phone…");
        assertThat(call.canControlProperty().get()).isFalse();
        assertThat(h.api.calls).as("the event said it all").doesNotContain("call 501");

        h.api.changeCall(501, CallState.CONNECTED, null);
        assertThat(call.statusProperty().get()).isEqualTo("Connected");
        assertThat(call.canControlProperty().get()).isTrue();
        call.tick(Fixtures.NOW.plusSeconds(134));
        assertThat(call.timerProperty().get()).isEqualTo("2:14");
    }

    @Test
    void holdAndMuteAskTheServerAndTheBarSaysSo() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        call.toggleHold();
        assertThat(h.api.calls).contains("hold 501 true");
        assertThat(call.statusProperty().get()).isEqualTo("On hold");
        assertThat(call.holdLabelProperty().get()).isEqualTo("Resume");
        call.toggleMute();
        assertThat(call.statusProperty().get()).isEqualTo("On hold · muted");
        assertThat(call.muteLabelProperty().get()).isEqualTo("Unmute");
        call.toggleHold();
        assertThat(h.api.calls).contains("hold 501 false", "mute 501 true");
        assertThat(call.statusProperty().get()).isEqualTo("Muted");
    }

    @Test
    void anAnswerOvertakenByAnEventIsDropped() {
        LateAnswers tasks = new LateAnswers();
        Harness h = new Harness(tasks);
        tasks.deliver();
        accepted(h);
        tasks.deliver();
        h.api.changeCall(501, CallState.CONNECTED, null);
        CallViewModel call = h.w.call();

        call.toggleHold();
        assertThat(call.busyProperty().get()).isTrue();
        assertThat(call.canControlProperty().get()).as("one request at a time").isFalse();
        assertThat(call.statusProperty().get()).as("the server's event came first").isEqualTo("On hold");
        // the caller hangs up before the answer to the hold arrives
        h.api.changeCall(501, CallState.ENDED, null);
        tasks.deliver();

        assertThat(call.statusProperty().get()).isEqualTo("Call ended");
        assertThat(call.busyProperty().get()).isFalse();
    }

    @Test
    void aRefusedRequestIsShownAndNothingStaysBusy() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        // the server's call moved on without the desktop hearing of it
        h.api.phoneCalls.put(501L, new CallView(501, CallState.CONNECTING, false, false, "", null));
        call.toggleHold();
        assertThat(call.errorProperty().get()).isEqualTo("The call is not connected.");
        assertThat(call.busyProperty().get()).isFalse();
        assertThat(call.canControlProperty().get()).isTrue();
    }

    @Test
    void tonesAreCheckedAndKeysPressedQuicklyGoTogether() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        Harness h = accepted(new Harness(tasks));
        tasks.runAll();
        h.api.changeCall(501, CallState.CONNECTED, null);
        CallViewModel call = h.w.call();

        call.keypadTextProperty().set("12x");
        call.sendKeypad();
        assertThat(call.errorProperty().get()).isEqualTo("Use only 0–9, *, # and A–D.");
        assertThat(call.keypadTextProperty().get()).as("kept to correct").isEqualTo("12x");

        call.press('1');
        call.press('2');
        call.keypadTextProperty().set("3 4#");
        call.sendKeypad();
        assertThat(call.keypadTextProperty().get()).isEmpty();
        tasks.runAll();
        assertThat(h.api.calls).contains("digits 501 1", "digits 501 234#");
        assertThat(call.digitsProperty().get()).isEqualTo("Keys 1234#");
        assertThat(call.errorProperty().get()).isEmpty();

        h.api.callerPressed(501, "0");
        assertThat(call.digitsProperty().get()).isEqualTo("Keys 1234#0");
    }

    @Test
    void theKeypadOpensOnlyOnAConnectedCallAndClosesWithIt() {
        Harness h = accepted(Harness.inline());
        CallViewModel call = h.w.call();
        call.toggleKeypad();
        assertThat(call.keypadOpenProperty().get()).isFalse();
        h.api.changeCall(501, CallState.CONNECTED, null);
        call.toggleKeypad();
        assertThat(call.keypadOpenProperty().get()).isTrue();
        h.api.changeCall(501, CallState.ENDED, null);
        assertThat(call.keypadOpenProperty().get()).isFalse();
    }

    @Test
    void aFailedCallSaysWhyOnTheBarAndOnTheNoticeLineWhenItsTabCloses() {
        Harness h = accepted(Harness.inline());
        CallViewModel call = h.w.call();
        h.api.changeCall(501, CallState.FAILED, NO_ANSWER);
        assertThat(call.statusProperty().get()).isEqualTo(NO_ANSWER);
        assertThat(call.failedProperty().get()).isTrue();
        assertThat(call.canKeypadProperty().get()).isFalse();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo(NO_ANSWER);

        // the contact goes back to the queue: its tab and bar go, the notice stays
        InteractionView v = h.api.interactions.get(501L);
        h.api.emit(EventTypes.INTERACTION, new InteractionEvent(new InteractionView(v.id(), v.customerId(),
                v.channel(), v.direction(), InteractionState.QUEUED, v.address(), v.addressDisplay(), v.subject(),
                v.body(), v.createdAt(), v.answeredAt(), null, null, v.routing())));
        assertThat(h.w.contacts().tabs()).isEmpty();
        assertThat(call.shownProperty().get()).isFalse();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo(NO_ANSWER);
    }

    @Test
    void hangingUpLeavesTheCallEndedWithItsLengthInWrapUp() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        h.w.contacts().end();
        assertThat(h.api.calls).contains("end 501");
        assertThat(h.w.contacts().selectedProperty().get().state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(call.shownProperty().get()).isTrue();
        assertThat(call.statusProperty().get()).isEqualTo("Call ended");
        assertThat(call.canControlProperty().get()).isFalse();
        call.tick(Fixtures.NOW.plusSeconds(300));
        assertThat(call.timerProperty().get()).as("the clock stopped when the call did").isEqualTo("0:00");
    }

    @Test
    void aCallStillActiveFromAnEarlierSignInIsAskedForAndTimedFromItsAnswer() {
        Harness h = Harness.inline();
        InteractionView v = Fixtures.offerFromAda(h.api, 501).pop().interaction();
        InteractionView active = new InteractionView(v.id(), v.customerId(), Channel.PHONE, v.direction(),
                InteractionState.ACTIVE, v.address(), v.addressDisplay(), v.subject(), v.body(), v.createdAt(),
                Fixtures.NOW.minusSeconds(60), null, 7L, v.routing());
        h.api.interactions.put(501L, active);
        h.api.phoneCalls.put(501L, new CallView(501, CallState.CONNECTED, true, false, "5", null));
        h.api.active.add(new ScreenPop(active, MatchKind.SINGLE, h.api.customers.get(Fixtures.ADA), List.of(),
                List.of(), List.of()));

        h.w.contacts().restoreActiveWork();

        assertThat(h.api.calls).contains("call 501");
        CallViewModel call = h.w.call();
        assertThat(call.statusProperty().get()).isEqualTo("On hold");
        assertThat(call.digitsProperty().get()).isEqualTo("Keys 5");
        call.tick(Fixtures.NOW);
        assertThat(call.timerProperty().get()).isEqualTo("1:00");
    }

    @Test
    void aConsultationHoldsTheCallerRingsConnectsAndCompletesToANumber() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        ConsultViewModel consult = call.consult();
        assertThat(consult.canConsultProperty().get()).isTrue();
        consult.toggle();
        assertThat(consult.openProperty().get()).isTrue();
        consult.toNumberProperty().set(true);
        consult.start();
        assertThat(consult.numberErrorProperty().get()).isEqualTo("Give the number to call.");

        consult.numberProperty().set("+44 20 7946 0000");
        consult.start();
        assertThat(h.api.calls).contains("consult 501 +44 20 7946 0000");
        assertThat(consult.openProperty().get()).as("the panel closes once it rings").isFalse();
        assertThat(call.statusProperty().get()).isEqualTo("Calling +44 20 7946 0000 to consult…");
        assertThat(consult.consultingProperty().get()).isTrue();
        assertThat(call.canHoldProperty().get()).as("the consultation holds the caller").isFalse();
        assertThat(consult.canConsultProperty().get()).isFalse();
        assertThat(consult.canCompleteProperty().get()).as("not before they answer").isFalse();
        assertThat(consult.canCancelProperty().get()).isTrue();

        h.api.consultAnswered(501);
        assertThat(call.statusProperty().get()).isEqualTo("Consulting +44 20 7946 0000");
        assertThat(consult.canCompleteProperty().get()).isTrue();
        consult.complete();
        assertThat(h.api.calls).contains("completeConsult 501");
        assertThat(h.w.contacts().tabs()).as("the contact ended for this agent").isEmpty();
        assertThat(call.shownProperty().get()).isFalse();
        assertThat(h.w.notices().messageProperty().get()).isEqualTo("The caller is now with +44 20 7946 0000.");
    }

    @Test
    void aConferenceBringsTheCallerInOnceTheConsultedPartyAnswered() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        ConsultViewModel consult = call.consult();
        consult.toggle();
        consult.toNumberProperty().set(true);
        consult.numberProperty().set("+44 20 7946 0000");
        consult.start();
        assertThat(consult.canConferenceProperty().get()).as("not before they answer").isFalse();

        h.api.consultAnswered(501);
        assertThat(consult.canConferenceProperty().get()).isTrue();
        consult.conference();
        assertThat(h.api.calls).contains("conference 501");
        assertThat(call.statusProperty().get()).isEqualTo("Conference with +44 20 7946 0000 and the caller");
        assertThat(consult.canConferenceProperty().get()).as("once is enough").isFalse();
        assertThat(consult.canCompleteProperty().get()).as("they can still take the caller over").isTrue();
        assertThat(consult.canCancelProperty().get()).isTrue();
    }

    @Test
    void aCancelledConsultationTakesTheCallerOffHold() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        ConsultViewModel consult = call.consult();
        consult.toggle();
        assertThat(consult.colleagues()).extracting(ConsultViewModel.Colleague::name)
                .as("signed-in colleagues, not the agent").containsExactly("Jordan Lee", "Sam Patel");
        consult.filterProperty().set("sam");
        consult.start();
        assertThat(h.api.calls).contains("consult 501 agent 8");
        assertThat(call.statusProperty().get()).isEqualTo("Calling Sam Patel to consult…");

        consult.cancel();
        assertThat(h.api.calls).contains("cancelConsult 501");
        assertThat(call.statusProperty().get()).isEqualTo("Connected");
        assertThat(call.canHoldProperty().get()).isTrue();
        assertThat(consult.consultingProperty().get()).isFalse();
        assertThat(consult.canConsultProperty().get()).isTrue();
    }

    @Test
    void aConsultationCompletedToAColleagueLeavesThisAgent() {
        Harness h = connected();
        ConsultViewModel consult = h.w.call().consult();
        consult.toggle();
        consult.filterProperty().set("jordan");
        consult.start();
        h.api.consultAnswered(501);
        consult.complete();
        assertThat(h.w.contacts().tabs()).isEmpty();
        assertThat(h.w.contacts().items()).isEmpty();
    }

    @Test
    void aRefusedOrUnansweredConsultationSaysWhy() {
        Harness h = connected();
        CallViewModel call = h.w.call();
        ConsultViewModel consult = call.consult();
        consult.toggle();
        consult.toNumberProperty().set(true);
        consult.numberProperty().set("reception");
        consult.start();
        assertThat(consult.numberErrorProperty().get()).isEqualTo("“reception” is not a phone number.");
        assertThat(consult.openProperty().get()).isTrue();
        assertThat(call.busyProperty().get()).isFalse();

        consult.numberProperty().set("+44 20 7946 0000");
        consult.start();
        h.api.consultFailed(501, "The number is busy.");
        assertThat(call.errorProperty().get()).isEqualTo("The number is busy.");
        assertThat(call.statusProperty().get()).isEqualTo("Connected");
        assertThat(call.canHoldProperty().get()).isTrue();
    }

    @Test
    void noConsultationBeforeTheCallConnects() {
        Harness h = accepted(Harness.inline());
        ConsultViewModel consult = h.w.call().consult();
        assertThat(consult.canConsultProperty().get()).isFalse();
        consult.toggle();
        assertThat(consult.openProperty().get()).isFalse();
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("consult"));
    }

    @Test
    void aChatHasNoCallBar() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, Fixtures.offerFrom(h.api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "Hello", null));
        h.w.contacts().accept();
        assertThat(h.w.call().shownProperty().get()).isFalse();
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("call "));
    }

    /** Does the work at once, as the server would, but hands the answers back only when asked. */
    private static final class LateAnswers implements TaskRunner {
        private final Deque<Runnable> answers = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            try {
                T result = work.call();
                answers.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                answers.add(() -> onFailure.accept(e));
            }
        }

        void deliver() {
            while (!answers.isEmpty()) {
                answers.poll().run();
            }
        }

        @Override
        public void shutdown() {
            answers.clear();
        }
    }
}
