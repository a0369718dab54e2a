package dev.switchboard.api;

import java.util.Map;

/**
 * A queue as a supervisor watches it: its priority, who waits now and for how long, its service-level settings, and
 * its numbers over the last 30 minutes and today (by KPI name: service-level, abandonment-rate,
 * average-speed-of-answer, average-handle-time, average-hold-time, transfers, offered, answered, abandoned),
 * with the agents signed in to it and, by Erlang C, the agents the last 30 minutes' load needs.
 */
public record QueueMetricsView(long queueId, String name, int priority, int waiting, long longestWaitSeconds, int slSeconds,
                               int slPercent, String abandonTreatment, int shortAbandonSeconds,
                               Map<String, KpiView> lastThirtyMinutes, Map<String, KpiView> today,
                               int agentsSignedIn, Integer agentsNeeded) {
}
