package dev.switchboard.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.switchboard.metrics.Contacts.abandoned;
import static dev.switchboard.metrics.Contacts.answered;
import static dev.switchboard.metrics.Contacts.handled;
import static dev.switchboard.metrics.Contacts.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueStatsTest {
    private static final Duration T20 = Duration.ofSeconds(20);
    private static final Duration SHORT5 = Duration.ofSeconds(5);

    private static ServiceLevelSettings settings(AbandonTreatment t) {
        return new ServiceLevelSettings(T20, 80, SHORT5, t);
    }

    /**
     * Threshold 20 s, short abandons under 5 s.
     * answered after 10, 20 (the edge still counts), 30, 50 s → answered 4, within 2;
     * abandoned after 3 (short: not counted), 5 (the edge counts), 15, 40 s → abandoned 3, within 2, short 1;
     * one still waiting → not offered yet. Offered = 4 + 3 = 7.
     */
    private static QueueStats sample() {
        return QueueStats.recompute(List.of(answered(1, 10), answered(2, 20), answered(3, 30), answered(4, 50),
                abandoned(5, 3), abandoned(6, 5), abandoned(7, 15), abandoned(8, 40), waiting(9, 0)));
    }

    @Test
    void countsUnderTheSettings() {
        assertThat(sample().counts(settings(AbandonTreatment.AGAINST)))
                .isEqualTo(new QueueStats.Counts(7, 4, 2, 3, 1, 2));
    }

    @Test
    void theThreeAbandonTreatmentsGiveThreeDifferentServiceLevels() {
        QueueStats s = sample();
        // IGNORE: answered within ÷ (offered − abandoned) = 2 ÷ (7 − 3) × 100 = 50 %
        assertThat(s.serviceLevel(settings(AbandonTreatment.IGNORE)).getAsDouble()).isCloseTo(50.0, within(1e-9));
        // AGAINST: answered within ÷ offered = 2 ÷ 7 × 100 = 28.571… %
        assertThat(s.serviceLevel(settings(AbandonTreatment.AGAINST)).getAsDouble())
                .isCloseTo(200.0 / 7, within(1e-9));
        // IN_FAVOUR: (answered within + abandoned within) ÷ offered = (2 + 2) ÷ 7 × 100 = 57.142… %
        assertThat(s.serviceLevel(settings(AbandonTreatment.IN_FAVOUR)).getAsDouble())
                .isCloseTo(400.0 / 7, within(1e-9));
    }

    @Test
    void theServiceLevelKpiExplainsItself() {
        Kpi k = sample().serviceLevelKpi(settings(AbandonTreatment.IGNORE));
        assertThat(k.name()).isEqualTo("service-level");
        assertThat(k.unit()).isEqualTo("%");
        assertThat(k.formula()).isEqualTo("answered within 20 s ÷ (offered − abandoned) × 100");
        assertThat(k.parameters()).containsEntry("threshold", "20 s").containsEntry("treatment", "IGNORE")
                .containsEntry("short-abandon cut-off", "5 s").containsEntry("offered", "7")
                .containsEntry("answered within threshold", "2").containsEntry("abandoned", "3")
                .containsEntry("short abandons (not counted)", "1");
        assertThat(sample().serviceLevelKpi(settings(AbandonTreatment.IN_FAVOUR)).formula())
                .isEqualTo("(answered within 20 s + abandoned within 20 s) ÷ offered × 100");
    }

    @Test
    void shortAbandonsAreNeitherOfferedNorAbandoned() {
        // only short abandons (1 s and 4.999 s under a 5 s cut-off): nothing offered, so no service level
        QueueStats s = QueueStats.recompute(List.of(abandoned(1, 1),
                new ContactRecord(2, 1, dev.switchboard.domain.Channel.CHAT, Contacts.T0, null,
                        Contacts.T0.plusMillis(4999), null, null, 0, null, false)));
        ServiceLevelSettings st = settings(AbandonTreatment.AGAINST);
        assertThat(s.counts(st)).isEqualTo(new QueueStats.Counts(0, 0, 0, 0, 2, 0));
        assertThat(s.serviceLevel(st)).isEmpty();
        assertThat(s.serviceLevelKpi(st).value()).isNull();
        assertThat(s.abandonmentRate(st)).isEmpty();
        // with no cut-off both count: offered 2, abandoned 2 → 100 % abandonment
        ServiceLevelSettings none = new ServiceLevelSettings(T20, 80, Duration.ZERO, AbandonTreatment.AGAINST);
        assertThat(s.abandonmentRate(none).getAsDouble()).isEqualTo(100.0);
    }

    @Test
    void ignoreHasNoServiceLevelWhenNothingWasAnswered() {
        QueueStats s = QueueStats.recompute(List.of(abandoned(1, 30)));
        assertThat(s.serviceLevel(settings(AbandonTreatment.IGNORE))).isEmpty();   // 0 ÷ (1 − 1)
        assertThat(s.serviceLevel(settings(AbandonTreatment.AGAINST)).getAsDouble()).isZero(); // 0 ÷ 1
    }

    @Test
    void abandonmentRateLeavesShortAbandonsOut() {
        // abandoned 3 ÷ offered 7 × 100 = 42.857… % (the 3 s abandon is in neither)
        Kpi k = sample().abandonmentRateKpi(settings(AbandonTreatment.IGNORE));
        assertThat(k.value()).isCloseTo(300.0 / 7, within(1e-9));
        assertThat(k.parameters()).containsEntry("abandoned", "3").containsEntry("offered", "7");
    }

    @Test
    void averageSpeedOfAnswerIsTheAnsweredWaitOverAnswered() {
        // (10 + 20 + 30 + 50) s ÷ 4 = 27.5 s; abandons and the waiting contact do not count
        QueueStats s = sample();
        assertThat(s.averageSpeedOfAnswer()).contains(Duration.ofMillis(27_500));
        assertThat(s.averageSpeedOfAnswerKpi().value()).isEqualTo(27.5);
        assertThat(s.averageSpeedOfAnswerKpi().parameters()).containsEntry("total wait of answered", "110 s");
        assertThat(new QueueStats().averageSpeedOfAnswerKpi().value()).isNull();
    }

    @Test
    void averageHandleTimeIsTalkWithHoldPlusWrapOverHandled() {
        QueueStats s = QueueStats.recompute(List.of(
                handled(1, 10, 120, 30, 30, 7L, false),    // talk 120 s (30 s of it on hold) + wrap 30 s
                handled(2, 5, 200, 0, 50, 8L, true),       // talk 200 s + wrap 50 s, transferred out
                new ContactRecord(3, 1, dev.switchboard.domain.Channel.PHONE, Contacts.T0, Contacts.at(4),
                        null, Contacts.at(100), null, 0, 7L, false),  // still in wrap-up: not handled
                answered(4, 3)));                                    // still talking: not handled
        // AHT = (120 + 30 + 200 + 50) s ÷ 2 = 400 ÷ 2 = 200 s; hold 30 ÷ 2 = 15 s per contact
        assertThat(s.handled()).isEqualTo(2);
        assertThat(s.averageHandleTime()).contains(Duration.ofSeconds(200));
        assertThat(s.averageHandleTimeKpi().value()).isEqualTo(200.0);
        assertThat(s.averageHandleTimeKpi().parameters()).containsEntry("of which hold", "30 s")
                .containsEntry("total wrap-up", "80 s").containsEntry("total talk (hold included)", "320 s");
        assertThat(s.averageHoldTime()).contains(Duration.ofSeconds(15));
        assertThat(s.averageHoldTimeKpi().value()).isEqualTo(15.0);
        assertThat(s.transfers()).isEqualTo(1);
        assertThat(s.transfersKpi().value()).isEqualTo(1.0);
        // ASA over the 4 answered: (10 + 5 + 4 + 3) ÷ 4 = 5.5 s
        assertThat(s.averageSpeedOfAnswerKpi().value()).isEqualTo(5.5);
    }

    @Test
    void addingTheSameInteractionAgainReplacesItsContribution() {
        QueueStats s = new QueueStats();
        s.add(waiting(1, 0));
        s.add(answered(1, 30));
        s.add(handled(1, 10, 60, 0, 20, 7L, false));
        assertThat(s.answered()).isEqualTo(1);
        assertThat(s.averageSpeedOfAnswer()).contains(Duration.ofSeconds(10));
        assertThat(s.handled()).isEqualTo(1);
        // the last one added wins, even if it is an older version
        s.add(abandoned(1, 50));
        assertThat(s.answered()).isZero();
        assertThat(s.handled()).isZero();
        assertThat(s.counts(settings(AbandonTreatment.IGNORE)).abandoned()).isEqualTo(1);
        assertThat(s).isEqualTo(QueueStats.recompute(List.of(abandoned(1, 50))));
        assertThat(s.remove(1)).isTrue();
        assertThat(s).isEqualTo(new QueueStats());
    }

    @Test
    void theServiceLevelCanBeAskedForAnyThresholdAfterwards() {
        // threshold 30 s, no cut-off, AGAINST: answered within 30 s = 3 (10, 20, 30) ÷ offered 8 = 37.5 %
        ServiceLevelSettings t30 = new ServiceLevelSettings(Duration.ofSeconds(30), 80, Duration.ZERO,
                AbandonTreatment.AGAINST);
        assertThat(sample().serviceLevel(t30).getAsDouble()).isEqualTo(37.5);
    }
}
