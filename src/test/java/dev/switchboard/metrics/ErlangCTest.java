package dev.switchboard.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * 100 calls per 30 minutes, AHT 180 s, threshold 20 s: λ = 100 ÷ 1800 s, A = λ · 180 = 10 Erlangs.
 *
 * <p>Pw = (A^N/N! · N/(N−A)) ÷ (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)); SL = 1 − Pw · e^(−(N−A)·20/180).
 * <ul>
 *   <li>N = 11: Σ = 12842.305, tail = 10^11/11! · 11 = 27557.319 → Pw = 27557.319 ÷ 40399.624 = 0.68212;
 *       e^(−20/180) = 0.894839 → SL = 1 − 0.68212 · 0.894839 = 38.96 %</li>
 *   <li>N = 13: Pw = 0.285270, e^(−60/180) = 0.716531 → SL = 79.56 %: just short of 80 %</li>
 *   <li>N = 14: Σ = 19041.096, tail = 10^14/14! · 14/4 = 4014.761 → Pw = 4014.761 ÷ 23055.857 = 0.174132;
 *       e^(−80/180) = 0.641180 → SL = 1 − 0.174132 · 0.641180 = 88.84 %; ASA = 0.174132 · 180 ÷ 4 = 7.836 s</li>
 * </ul>
 * (So the often-quoted 39.8 % and 88.6 % for this load are slightly off.)
 */
class ErlangCTest {
    private static final double LAMBDA = 100.0 / 1800;
    private static final Duration AHT = Duration.ofSeconds(180);
    private static final Duration T = Duration.ofSeconds(20);

    @Test
    void textbookLoad() {
        assertThat(ErlangC.trafficErlangs(LAMBDA, AHT)).isCloseTo(10.0, within(1e-9));
        assertThat(ErlangC.probabilityOfWaiting(10, 11)).isCloseTo(0.68212, within(1e-5));
        assertThat(ErlangC.serviceLevel(11, LAMBDA, AHT, T)).isCloseTo(38.96, within(0.01));
        assertThat(ErlangC.serviceLevel(13, LAMBDA, AHT, T)).isCloseTo(79.56, within(0.01));
        assertThat(ErlangC.probabilityOfWaiting(10, 14)).isCloseTo(0.174132, within(1e-6));
        assertThat(ErlangC.serviceLevel(14, LAMBDA, AHT, T)).isCloseTo(88.84, within(0.01));
        assertThat(ErlangC.averageSpeedOfAnswer(14, LAMBDA, AHT).orElseThrow().toNanos() / 1e9).isCloseTo(7.836, within(0.001));
        assertThat(ErlangC.agentsNeeded(LAMBDA, AHT, T, 80)).isEqualTo(14);
        // 79.5 % is reached by 13
        assertThat(ErlangC.agentsNeeded(LAMBDA, AHT, T, 79.5)).isEqualTo(13);
    }

    @Test
    void tooFewAgentsNeverCatchUp() {
        assertThat(ErlangC.probabilityOfWaiting(10, 10)).isEqualTo(1.0);
        assertThat(ErlangC.probabilityOfWaiting(10, 3)).isEqualTo(1.0);
        assertThat(ErlangC.serviceLevel(10, LAMBDA, AHT, T)).isZero();
        assertThat(ErlangC.averageSpeedOfAnswer(10, LAMBDA, AHT)).isEmpty();
    }

    @Test
    void noTrafficNeedsNoAgents() {
        assertThat(ErlangC.probabilityOfWaiting(0, 0)).isZero();
        assertThat(ErlangC.agentsNeeded(0, AHT, T, 80)).isZero();
        assertThat(ErlangC.serviceLevel(0, 0, AHT, T)).isEqualTo(100.0);
        assertThat(ErlangC.averageSpeedOfAnswer(0, 0, AHT)).contains(Duration.ZERO);
    }

    @Test
    void largeLoadsStayFinite() {
        // 1000 Erlangs: factorials would overflow; the recursion gives Pw(1050) ≈ 0.0744, Pw(1100) ≈ 0.00104
        assertThat(ErlangC.probabilityOfWaiting(1000, 1050)).isCloseTo(0.074402, within(1e-6));
        assertThat(ErlangC.probabilityOfWaiting(1000, 1100)).isCloseTo(0.0010448, within(1e-7));
        int n = ErlangC.agentsNeeded(1000.0 / 180, AHT, T, 80);
        assertThat(n).isBetween(1001, 1100);
        assertThat(ErlangC.serviceLevel(n, 1000.0 / 180, AHT, T)).isGreaterThanOrEqualTo(80);
        assertThat(ErlangC.serviceLevel(n - 1, 1000.0 / 180, AHT, T)).isLessThan(80);
    }

    @Test
    void badInputIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ErlangC.probabilityOfWaiting(-1, 3))
                .withMessageStartingWith("trafficErlangs");
        assertThatIllegalArgumentException().isThrownBy(() -> ErlangC.probabilityOfWaiting(1, -3))
                .withMessageStartingWith("agents");
        assertThatIllegalArgumentException().isThrownBy(() -> ErlangC.agentsNeeded(LAMBDA, AHT, T, 100))
                .withMessageStartingWith("targetPercent");
        assertThatIllegalArgumentException().isThrownBy(() -> ErlangC.agentsNeeded(LAMBDA, Duration.ZERO, T, 80))
                .withMessageStartingWith("aht");
        assertThatIllegalArgumentException().isThrownBy(() -> ErlangC.agentsNeeded(100, AHT, T, 80))
                .withMessageStartingWith("arrivalsPerSecond");   // 18,000 Erlangs: over the cap
    }
}
