package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.AgentState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dashboards as the server would send them. */
final class Dashboards {
    private Dashboards() {
    }

    static SupervisorView of(double serviceLevel) {
        return new SupervisorView(Fixtures.NOW, List.of(
                queue(1, "Billing", serviceLevel, 3, 42, 6, 8),
                queue(2, "Sales", 91.0, 0, 0, 4, 3)), List.of(
                agent(7, "Alex Morgan", AgentState.BUSY, null, 300),
                agent(8, "Bea Cruz", AgentState.NOT_READY, "BREAK", 75),
                agent(9, "Chen Li", AgentState.READY, null, 20)), List.of(
                new AlertView("SERVICE_LEVEL", "WARNING", 1L, null, "Billing: service level 72 % below target 80 %"),
                new AlertView("LONGEST_WAIT", "CRITICAL", 1L, null, "Billing: a caller has waited 0:42")));
    }

    static QueueMetricsView queue(long id, String name, double sl, int waiting, long longest, int in, Integer needed) {
        Map<String, KpiView> recent = new LinkedHashMap<>();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("threshold", "20 s");
        p.put("answered within threshold", "36");
        recent.put("service-level", new KpiView("service-level", sl, "%",
                "answered within threshold ÷ offered × 100", p));
        recent.put("average-speed-of-answer", new KpiView("average-speed-of-answer", 24.0, "s",
                "total wait of answered ÷ answered", Map.of("answered", "45")));
        recent.put("offered", new KpiView("offered", 50.0, "contacts", "answered + abandoned", Map.of()));
        Map<String, KpiView> today = new LinkedHashMap<>(recent);
        today.put("service-level", new KpiView("service-level", 79.0, "%", "answered within threshold ÷ offered × 100",
                p));
        return new QueueMetricsView(id, name, 0, waiting, longest, 20, 80, "AGAINST", 5, recent, today, in, needed);
    }

    static AgentMetricsView agent(long id, String name, AgentState state, String reason, long secondsAgo) {
        return new AgentMetricsView(id, name, state, reason, Fixtures.NOW.minusSeconds(secondsAgo), null, java.util.List.of(), 12,
                new KpiView("average-handle-time", 245.0, "s", "talk and wrap-up ÷ handled", Map.of("handled", "12")),
                new KpiView("occupancy", 83.0, "%", "busy + wrap-up ÷ (busy + wrap-up + ready)", Map.of()));
    }
}
