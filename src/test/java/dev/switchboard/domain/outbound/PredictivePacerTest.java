package dev.switchboard.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PredictivePacerTest {
    private static final double LIMIT = 0.03;
    private final PredictivePacer pacer = new PredictivePacer(PredictivePacer.Settings.standard());

    private static PacerInput input(int ready, int finishing, int inFlight, int ended, int answered, int abandoned) {
        return new PacerInput(ready, finishing, inFlight, Duration.ofSeconds(180),
                new DialStats.Snapshot(ended, answered, abandoned, Duration.ofSeconds(12)));
    }

    @Test
    void previewNeverDialsAndProgressiveDialsOneLinePerUncoveredReadyAgent() {
        PacerInput in = input(5, 10, 2, 1000, 300, 0);
        assertThat(pacer.pace(DiallingMode.PREVIEW, LIMIT, in).lines()).isZero();
        assertThat(pacer.pace(DiallingMode.PROGRESSIVE, LIMIT, in))
                .isEqualTo(new PacingDecision(3, PacingDecision.Basis.ONE_TO_ONE));
    }

    @Test
    void withRoomUnderTheLimitPredictiveDialsMoreLinesThanReadyAgents() {
        PacingDecision decision = pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 0, 1000, 300, 0));
        assertThat(decision.basis()).isEqualTo(PacingDecision.Basis.PREDICTIVE);
        assertThat(decision.lines()).isGreaterThan(5);
    }

    @Test
    void atOrAboveTheLimitPredictiveBacksOffToOneToOne() {
        assertThat(pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 1, 1000, 300, 9)))
                .isEqualTo(new PacingDecision(4, PacingDecision.Basis.AT_ABANDON_LIMIT));
        assertThat(pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 1, 1000, 300, 12)).lines()).isEqualTo(4);
    }

    @Test
    void closerToTheLimitMeansFewerLines() {
        int relaxed = pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 0, 1000, 300, 0)).lines();
        int tight = pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 0, 1000, 300, 8)).lines();
        assertThat(tight).isLessThan(relaxed).isGreaterThanOrEqualTo(5);
    }

    @Test
    void untilEnoughCallsWereAnsweredTheRatesAreNotTrustedAndItDialsOneToOne() {
        assertThat(pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 0, 40, 12, 0)))
                .isEqualTo(new PacingDecision(5, PacingDecision.Basis.WARMING_UP));
    }

    @Test
    void callsAlreadyInFlightUseUpTheRoom() {
        int idle = pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 0, 1000, 300, 0)).lines();
        int busy = pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(5, 10, 8, 1000, 300, 0)).lines();
        assertThat(busy).isLessThanOrEqualTo(idle - 8);
        assertThat(pacer.pace(DiallingMode.PREDICTIVE, LIMIT, input(0, 0, 0, 1000, 300, 0)).lines()).isZero();
    }
}
