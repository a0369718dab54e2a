package dev.switchboard.domain.outbound;

import dev.switchboard.domain.AddressNormalizer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.domain.outbound.Fixtures.at;
import static dev.switchboard.domain.outbound.Fixtures.marketing;
import static dev.switchboard.domain.outbound.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordLifecycleTest {
    private static final Instant T0 = at("2025-06-02T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Map.of(
            AttemptResult.BUSY, Duration.ofMinutes(10),
            AttemptResult.NO_ANSWER, Duration.ofHours(1),
            AttemptResult.ANSWERING_MACHINE, Duration.ofHours(4)));

    @Test
    void busyIsRetriedAfterItsDelayUntilTheLastAttemptClosesTheRecord() {
        CallRecord r = record("1", "+442079460001");
        r = RecordLifecycle.afterAttempt(r, AttemptResult.BUSY, T0, policy);
        assertThat(r.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(r.nextAttemptAt()).contains(T0.plus(Duration.ofMinutes(10)));
        r = RecordLifecycle.afterAttempt(r, AttemptResult.BUSY, T0.plus(Duration.ofMinutes(10)), policy);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.nextAttemptAt()).contains(T0.plus(Duration.ofMinutes(20)));
        r = RecordLifecycle.afterAttempt(r, AttemptResult.BUSY, T0.plus(Duration.ofMinutes(20)), policy);
        assertThat(r.status()).isEqualTo(RecordStatus.CLOSED);
        assertThat(r.closeReason()).contains(CloseReason.MAX_ATTEMPTS_REACHED);
        assertThat(r.nextAttemptAt()).isEmpty();
        assertThat(r.lastResult()).contains(AttemptResult.BUSY);
    }

    @Test
    void everyResultCountsTowardsTheMaximum() {
        CallRecord r = record("1", "+442079460001");
        r = RecordLifecycle.afterAttempt(r, AttemptResult.ANSWERING_MACHINE, T0, policy);
        assertThat(r.nextAttemptAt()).contains(T0.plus(Duration.ofHours(4)));
        r = RecordLifecycle.afterAttempt(r, AttemptResult.NO_ANSWER, T0.plus(Duration.ofHours(4)), policy);
        assertThat(r.nextAttemptAt()).contains(T0.plus(Duration.ofHours(5)));
        r = RecordLifecycle.afterAttempt(r, AttemptResult.ANSWERING_MACHINE, T0.plus(Duration.ofHours(5)), policy);
        assertThat(r.closeReason()).contains(CloseReason.MAX_ATTEMPTS_REACHED);
    }

    @Test
    void aResultWithoutARetryRuleClosesTheRecordAtOnce() {
        CallRecord r = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.FAILED, T0, policy);
        assertThat(r.status()).isEqualTo(RecordStatus.CLOSED);
        assertThat(r.closeReason()).contains(CloseReason.RESULT_NOT_RETRIED);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void anAbandonedContactIsNotCalledAgainWithinThreeDaysByDefault() {
        CallRecord r = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.ABANDONED, T0,
                RetryPolicy.standard());
        assertThat(r.nextAttemptAt()).contains(T0.plus(Duration.ofHours(72)));
    }

    @Test
    void aConnectedCallWaitsForItsDispositionAndAFinalOneClosesTheRecord() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.CONNECTED,
                T0, campaign.retry());
        assertThat(connected.status()).isEqualTo(RecordStatus.AWAITING_DISPOSITION);
        assertThatThrownBy(() -> RecordLifecycle.afterAttempt(connected, AttemptResult.BUSY, T0, campaign.retry()))
                .isInstanceOf(IllegalStateException.class);
        RecordLifecycle.Wrapped wrapped = RecordLifecycle.afterDisposition(campaign, connected,
                campaign.dispositionForKey('n').orElseThrow(), Optional.empty(), T0.plusSeconds(200));
        assertThat(wrapped.record().closeReason()).contains(CloseReason.FINAL_DISPOSITION);
        assertThat(wrapped.record().dispositionCode()).contains("NOT_INTERESTED");
        assertThat(wrapped.dncEntry()).isEmpty();
    }

    @Test
    void doNotCallAsksForTheNumberOnTheGlobalList() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.CONNECTED,
                T0, campaign.retry());
        RecordLifecycle.Wrapped wrapped = RecordLifecycle.afterDisposition(campaign, connected,
                Disposition.DO_NOT_CALL, Optional.empty(), T0.plusSeconds(60));
        assertThat(wrapped.dncEntry()).contains(new DncEntry(DncScope.GLOBAL, "spring-offer", "+442079460001"));
    }

    @Test
    void aCallbackMakesTheRecordDueAtTheChosenTimeEvenAfterItsLastAttempt() {
        Campaign campaign = marketing();
        CallRecord r = record("1", "+442079460001");
        for (int i = 0; i < campaign.retry().maxAttempts() - 1; i++) {
            r = RecordLifecycle.afterAttempt(r, AttemptResult.NO_ANSWER, T0, campaign.retry());
        }
        CallRecord connected = RecordLifecycle.afterAttempt(r, AttemptResult.CONNECTED, T0, campaign.retry());
        assertThat(connected.attempts()).isEqualTo(campaign.retry().maxAttempts());
        Instant promised = at("2025-06-03T15:00:00Z");
        CallRecord callback = RecordLifecycle.afterDisposition(campaign, connected, Disposition.CALLBACK,
                Optional.of(Callback.toCampaign(promised)), T0).record();
        assertThat(callback.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(callback.nextAttemptAt()).contains(promised);
        DialDecision decision = new DialRules(Clock.fixed(promised, ZoneOffset.UTC),
                new AddressNormalizer("GB"),
                new DoNotCallLists(new AddressNormalizer("GB")), new ContactZones())
                .decide(campaign, callback);
        assertThat(decision).isInstanceOf(DialDecision.Dial.class);
        // unanswered, the callback is over and the used-up record closes
        CallRecord after = RecordLifecycle.afterAttempt(callback, AttemptResult.NO_ANSWER, promised, campaign.retry());
        assertThat(after.closeReason()).contains(CloseReason.MAX_ATTEMPTS_REACHED);
        assertThat(after.callback()).isEmpty();
    }

    @Test
    void aCallbackNeedsATimeInTheFutureAndOnlyACallbackDispositionTakesOne() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.CONNECTED,
                T0, campaign.retry());
        assertThatThrownBy(() -> RecordLifecycle.afterDisposition(campaign, connected, Disposition.CALLBACK,
                Optional.empty(), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordLifecycle.afterDisposition(campaign, connected, Disposition.CALLBACK,
                Optional.of(Callback.toCampaign(T0.minusSeconds(1))), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordLifecycle.afterDisposition(campaign, connected, Disposition.SALE,
                Optional.of(Callback.toCampaign(T0.plusSeconds(3600))), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDispositionThatIsNeitherFinalNorACallbackFollowsTheRetryRules() {
        Campaign campaign = marketing();
        CallRecord connected = RecordLifecycle.afterAttempt(record("1", "+442079460001"), AttemptResult.CONNECTED,
                T0, campaign.retry());
        CallRecord r = RecordLifecycle.afterDisposition(campaign, connected, Disposition.LEFT_MESSAGE,
                Optional.empty(), T0.plusSeconds(100)).record();
        assertThat(r.status()).isEqualTo(RecordStatus.PENDING);
        assertThat(r.nextAttemptAt()).contains(T0.plusSeconds(100).plus(Duration.ofDays(1)));
        assertThat(r.dispositionCode()).contains("LEFT_MESSAGE");
    }
}
