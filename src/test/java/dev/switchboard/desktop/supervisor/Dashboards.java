package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.CurrentContactView;
import dev.switchboard.api.IntervalPointView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
                agent(7, "Alex Morgan", AgentState.BUSY, null, 300,
                        new CurrentContactView(5001, Channel.PHONE, "Ada Lovelace"), List.of(1L)),
                agent(8, "Bea Cruz", AgentState.NOT_READY, "BREAK", 75, null, List.of(1L, 2L)),
                agent(9, "Chen Li", AgentState.READY, null, 20, null, List.of(2L))), List.of(
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
        return new QueueMetricsView(id, name, (int) id * 5, waiting, longest, 20, 80, "AGAINST", 5, recent, today, in, needed);
    }

    static AgentMetricsView agent(long id, String name, AgentState state, String reason, long secondsAgo,
                                  CurrentContactView current, List<Long> queues) {
        return new AgentMetricsView(id, name, state, reason, Fixtures.NOW.minusSeconds(secondsAgo), current, queues, 12,
                new KpiView("average-handle-time", 245.0, "s", "talk and wrap-up ÷ handled", Map.of("handled", "12")),
                new KpiView("occupancy", 83.0, "%", "busy + wrap-up ÷ (busy + wrap-up + ready)", Map.of()));
    }

    /**
     * Today's intervals as the server would send them at 10:00: Billing (target 80 %) and Sales (target
     * 90 %), empty from midnight, the first contacts at 08:15, the last interval 09:45.
     */
    static SupervisorIntervalsView intervals() {
        return intervals("AGAINST", 5);
    }

    static SupervisorIntervalsView intervals(String treatment, int cutoff) {
        List<IntervalPointView> billing = new ArrayList<>();
        List<IntervalPointView> sales = new ArrayList<>();
        Instant midnight = Fixtures.NOW.truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < 40; i++) {
            Instant start = midnight.plus(Duration.ofMinutes(15L * i));
            if (i < 33) {
                billing.add(new IntervalPointView(start, 0, 0, 0, null));
                sales.add(new IntervalPointView(start, 0, 0, 0, null));
            } else {
                int n = i - 32; // 1 … 7
                billing.add(new IntervalPointView(start, 10L * n, 9L * n, n, 70.0 + n));
                sales.add(new IntervalPointView(start, 10, 10, 0, 100.0));
            }
        }
        return new SupervisorIntervalsView(LocalDate.of(2025, 11, 14), Fixtures.NOW, treatment, cutoff, List.of(
                new IntervalSeriesView(1, "Billing", 80, 20, billing),
                new IntervalSeriesView(2, "Sales", 90, 30, sales)));
    }

    /** A contact waiting in a queue. */
    static QueueEntryView waiting(long id, String who, long queueId, String queueName, long secondsAgo) {
        return new QueueEntryView(id, Channel.PHONE, who, "Invoice question", queueId, queueName, 5,
                Fixtures.NOW.minusSeconds(secondsAgo), 20, false, null, null);
    }
}
