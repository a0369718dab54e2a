package dev.switchboard.metrics;

import dev.switchboard.domain.AgentState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ServiceLevelSettings S60 = new ServiceLevelSettings(Duration.ofSeconds(60), 80,
            Duration.ofSeconds(5), AbandonTreatment.AGAINST);

    private static List<Alert> queue(AlertRule rule, Duration longestWait, Double sl) {
        return Alerts.evaluate(List.of(rule), List.of(new Alerts.QueueLive(1, "General", longestWait, sl, S60)),
                List.of(), NOW);
    }

    private static List<Alert> agent(AlertRule rule, AgentState state, Duration since) {
        return Alerts.evaluate(List.of(rule), List.of(),
                List.of(new Alerts.AgentLive(7, "Anna", state, NOW.minus(since))), NOW);
    }

    @Test
    void longestWaitWarnsPastTheFractionAndIsCriticalPastTheThreshold() {
        AlertRule rule = new AlertRule.LongestWaitOver(0.8);
        // 0.8 × 60 s = 48 s: quiet at exactly 48 s, fires 1 ms later
        assertThat(queue(rule, Duration.ofSeconds(48), null)).isEmpty();
        assertThat(queue(rule, Duration.ofMillis(48_001), null)).extracting(Alert::severity)
                .containsExactly(Alert.Severity.WARNING);
        // 52 ÷ 60 = 86.7 % → "87 %"
        assertThat(queue(rule, Duration.ofSeconds(52), null)).containsExactly(new Alert(Alert.Kind.LONGEST_WAIT,
                1L, null, Alert.Severity.WARNING, "General: longest wait 0:52 is 87 % of the 60 s threshold"));
        assertThat(queue(rule, Duration.ofSeconds(60), null)).extracting(Alert::severity)
                .containsExactly(Alert.Severity.WARNING);
        assertThat(queue(rule, Duration.ofSeconds(61), null)).extracting(Alert::severity, Alert::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Alert.Severity.CRITICAL,
                        "General: longest wait 1:01 is 102 % of the 60 s threshold"));
        assertThat(queue(rule, Duration.ZERO, null)).isEmpty();
    }

    @Test
    void serviceLevelWarnsUnderTargetAndIsCriticalPastTheMargin() {
        AlertRule rule = new AlertRule.ServiceLevelUnder(10);
        assertThat(queue(rule, Duration.ZERO, 80.0)).isEmpty();            // at the target
        assertThat(queue(rule, Duration.ZERO, null)).isEmpty();            // nothing offered yet
        assertThat(queue(rule, Duration.ZERO, 79.9)).containsExactly(new Alert(Alert.Kind.SERVICE_LEVEL, 1L, null,
                Alert.Severity.WARNING, "General: service level 79.9 % over the last 30 minutes is under the 80 % target (60 s)"));
        assertThat(queue(rule, Duration.ZERO, 70.0)).extracting(Alert::severity)   // 80 − 10: still a warning
                .containsExactly(Alert.Severity.WARNING);
        assertThat(queue(rule, Duration.ZERO, 69.9)).extracting(Alert::severity)
                .containsExactly(Alert.Severity.CRITICAL);
    }

    @Test
    void notReadyWarnsPastTheLimitAndIsCriticalPastTwiceIt() {
        AlertRule rule = new AlertRule.NotReadyLonger(Duration.ofMinutes(10));
        assertThat(agent(rule, AgentState.NOT_READY, Duration.ofMinutes(10))).isEmpty();
        assertThat(agent(rule, AgentState.NOT_READY, Duration.ofSeconds(605))).containsExactly(new Alert(
                Alert.Kind.NOT_READY, null, 7L, Alert.Severity.WARNING, "Anna: not ready for 10:05, over the 10:00 limit"));
        assertThat(agent(rule, AgentState.NOT_READY, Duration.ofMinutes(20))).extracting(Alert::severity)
                .containsExactly(Alert.Severity.WARNING);
        assertThat(agent(rule, AgentState.NOT_READY, Duration.ofSeconds(1201))).extracting(Alert::severity)
                .containsExactly(Alert.Severity.CRITICAL);
        assertThat(agent(rule, AgentState.READY, Duration.ofHours(3))).isEmpty();
        assertThat(agent(rule, AgentState.BUSY, Duration.ofHours(3))).isEmpty();
    }

    @Test
    void everyRuleIsAppliedToEveryQueueAndAgent() {
        List<Alert> alerts = Alerts.evaluate(
                List.of(new AlertRule.LongestWaitOver(0.8), new AlertRule.ServiceLevelUnder(10),
                        new AlertRule.NotReadyLonger(Duration.ofMinutes(10))),
                List.of(new Alerts.QueueLive(1, "General", Duration.ofSeconds(70), 50.0, S60),
                        new Alerts.QueueLive(2, "Billing", Duration.ofSeconds(5), 95.0, S60)),
                List.of(new Alerts.AgentLive(7, "Anna", AgentState.NOT_READY, NOW.minusSeconds(3600))), NOW);
        assertThat(alerts).extracting(Alert::kind, Alert::queueId, Alert::agentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.LONGEST_WAIT, 1L, null),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.SERVICE_LEVEL, 1L, null),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.NOT_READY, null, 7L));
    }
}
