package dev.switchboard.metrics;

import dev.switchboard.domain.AgentState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Evaluates alert rules against live values; pure, so the caller decides how often. */
public final class Alerts {
    private Alerts() {
    }

    /**
     * A queue's live values.
     *
     * @param longestWait        how long the longest-waiting contact has waited; zero when none waits
     * @param serviceLevelRecent the last 30 minutes' service level in percent; null when undefined
     */
    public record QueueLive(long queueId, String name, Duration longestWait, Double serviceLevelRecent,
                            ServiceLevelSettings settings) {
        public QueueLive {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(longestWait, "longestWait");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** An agent's current state and since when. */
    public record AgentLive(long agentId, String name, AgentState state, Instant since) {
        public AgentLive {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The alerts the rules raise now, rule by rule in the order given, each over the queues or agents in their order. */
    public static List<Alert> evaluate(Collection<AlertRule> rules, Collection<QueueLive> queues,
                                       Collection<AgentLive> agents, Instant now) {
        List<Alert> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule instanceof AlertRule.LongestWaitOver r) {
                queues.forEach(q -> longestWait(r, q, out));
            } else if (rule instanceof AlertRule.ServiceLevelUnder r) {
                queues.forEach(q -> serviceLevel(r, q, out));
            } else if (rule instanceof AlertRule.NotReadyLonger r) {
                agents.forEach(a -> notReady(r, a, now, out));
            }
        }
        return out;
    }

    private static void longestWait(AlertRule.LongestWaitOver rule, QueueLive q, List<Alert> out) {
        long wait = q.longestWait().toMillis();
        long threshold = q.settings().threshold().toMillis();
        if (wait <= rule.fractionOfThreshold() * threshold) {
            return;
        }
        Alert.Severity severity = wait > threshold ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
        out.add(new Alert(Alert.Kind.LONGEST_WAIT, q.queueId(), null, severity,
                q.name() + ": longest wait " + Texts.clock(q.longestWait()) + " is "
                        + Texts.wholePercent(wait * 100.0 / threshold) + " % of the "
                        + Texts.seconds(q.settings().threshold()) + " threshold"));
    }

    private static void serviceLevel(AlertRule.ServiceLevelUnder rule, QueueLive q, List<Alert> out) {
        Double sl = q.serviceLevelRecent();
        double target = q.settings().targetPercent();
        if (sl == null || sl >= target) {
            return;
        }
        Alert.Severity severity = sl < target - rule.criticalMarginPoints()
                ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
        out.add(new Alert(Alert.Kind.SERVICE_LEVEL, q.queueId(), null, severity,
                q.name() + ": service level " + Texts.number(sl) + " % over the last 30 minutes is under the "
                        + Texts.number(target) + " % target (" + Texts.seconds(q.settings().threshold()) + ")"));
    }

    private static void notReady(AlertRule.NotReadyLonger rule, AgentLive a, Instant now, List<Alert> out) {
        if (a.state() != AgentState.NOT_READY) {
            return;
        }
        Duration d = Duration.between(a.since(), now);
        if (d.compareTo(rule.limit()) <= 0) {
            return;
        }
        Alert.Severity severity = d.compareTo(rule.limit().multipliedBy(2)) > 0
                ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
        out.add(new Alert(Alert.Kind.NOT_READY, null, a.agentId(), severity,
                a.name() + ": not ready for " + Texts.clock(d) + ", over the " + Texts.clock(rule.limit()) + " limit"));
    }
}
