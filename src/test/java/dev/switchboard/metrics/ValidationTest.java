package dev.switchboard.metrics;

import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ValidationTest {
    private static final Instant Q = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant EARLIER = Q.minusSeconds(1);
    private static final Instant LATER = Q.plusSeconds(10);
    private static final Duration S20 = Duration.ofSeconds(20);

    private static ContactRecord rec(Channel ch, Instant queued, Instant answered, Instant abandoned, Instant talkEnd,
                                     Instant wrapEnd, long hold) {
        return new ContactRecord(1, 1, ch, queued, answered, abandoned, talkEnd, wrapEnd, hold, 7L, false);
    }

    @Test
    void badRecordsNameTheField() {
        Channel p = Channel.PHONE;
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, null, null, null, null, null, 0))
                .withMessageStartingWith("queuedAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(null, Q, null, null, null, null, 0))
                .withMessageStartingWith("channel");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, LATER, LATER, null, null, 0))
                .withMessageStartingWith("abandonedAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, EARLIER, null, null, null, 0))
                .withMessageStartingWith("answeredAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, null, EARLIER, null, null, 0))
                .withMessageStartingWith("abandonedAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, null, null, LATER, null, 0))
                .withMessageStartingWith("talkEndAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, LATER, null, Q, null, 0))
                .withMessageStartingWith("talkEndAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, Q, null, null, LATER, 0))
                .withMessageStartingWith("wrapEndAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, Q, null, LATER, Q, 0))
                .withMessageStartingWith("wrapEndAt");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, Q, null, null, null, -1))
                .withMessageStartingWith("holdMillis");
        assertThatIllegalArgumentException().isThrownBy(() -> rec(p, Q, Q, null, LATER, null, 10_001))
                .withMessageStartingWith("holdMillis");
        // the edges are fine: everything at the same instant, hold as long as the talk
        assertThatNoException().isThrownBy(() -> rec(p, Q, Q, null, Q, Q, 0));
        assertThatNoException().isThrownBy(() -> rec(p, Q, Q, null, LATER, LATER, 10_000));
    }

    @Test
    void badSettingsNameTheField() {
        AbandonTreatment t = AbandonTreatment.IGNORE;
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(null, 80, Duration.ZERO, t))
                .withMessageStartingWith("threshold");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(Duration.ZERO, 80, Duration.ZERO, t))
                .withMessageStartingWith("threshold");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 0, Duration.ZERO, t))
                .withMessageStartingWith("targetPercent");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 100.5, Duration.ZERO, t))
                .withMessageStartingWith("targetPercent");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, Double.NaN, Duration.ZERO, t))
                .withMessageStartingWith("targetPercent");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 80, null, t))
                .withMessageStartingWith("shortAbandon");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 80, Duration.ofSeconds(-1), t))
                .withMessageStartingWith("shortAbandon");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 80, Duration.ofSeconds(21), t))
                .withMessageStartingWith("shortAbandon");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelSettings(S20, 80, Duration.ZERO, null))
                .withMessageStartingWith("treatment");
        assertThatNoException().isThrownBy(() -> new ServiceLevelSettings(S20, 100, S20, t));
    }

    @Test
    void badSpansAndRulesNameTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentStats.StateSpan(1, dev.switchboard.domain.AgentState.READY, Q, EARLIER))
                .withMessageStartingWith("to");
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertRule.LongestWaitOver(0))
                .withMessageStartingWith("fractionOfThreshold");
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertRule.NotReadyLonger(Duration.ZERO))
                .withMessageStartingWith("limit");
    }
}
