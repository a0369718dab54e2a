package dev.switchboard.server;

import dev.switchboard.api.IntervalPointView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueView;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.metrics.ErlangC;
import dev.switchboard.metrics.IntervalStats;
import dev.switchboard.metrics.Kpi;
import dev.switchboard.metrics.QueueStats;
import dev.switchboard.metrics.ServiceLevelSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a queue's figures go on the wire, the same for the dashboard, the chart and the reports: its
 * service-level settings, its KPIs by name, its staffing by Erlang C and its intervals.
 */
final class SupervisorFigures {

    private SupervisorFigures() {
    }

    /**
     * A queue's service-level target under a treatment of abandons and a short-abandon cut-off; the
     * cut-off never exceeds the threshold.
     */
    static ServiceLevelSettings settings(int slSeconds, int slPercent, AbandonTreatment treatment,
                                         Duration shortAbandon) {
        Duration threshold = Duration.ofSeconds(Math.max(1, slSeconds));
        Duration cutOff = shortAbandon.compareTo(threshold) > 0 ? threshold : shortAbandon;
        return new ServiceLevelSettings(threshold, Math.max(1, slPercent), cutOff, treatment);
    }

    /** The KPIs of a window by name, each with its formula and parameters, and the three counts. */
    static Map<String, KpiView> kpis(QueueStats s, ServiceLevelSettings settings) {
        Map<String, KpiView> out = new LinkedHashMap<>();
        QueueStats.Counts c = s.counts(settings);
        put(out, s.serviceLevelKpi(settings));
        put(out, s.abandonmentRateKpi(settings));
        put(out, s.averageSpeedOfAnswerKpi());
        put(out, s.averageHandleTimeKpi());
        put(out, s.averageHoldTimeKpi());
        put(out, s.transfersKpi());
        out.put("offered", count("offered", c.offered(), "answered + abandoned (short abandons left out)"));
        out.put("answered", count("answered", c.answered(), "contacts an agent took"));
        out.put("abandoned", count("abandoned", c.abandoned(), "customers who left while waiting, not sooner than the cut-off"));
        return out;
    }

    static KpiView view(Kpi k) {
        return new KpiView(k.name(), k.value(), k.unit(), k.formula(), k.parameters());
    }

    /** By Erlang C, the agents the last 30 minutes' arrivals need at today's handle time (null without data). */
    static Integer agentsNeeded(QueueStats recent, QueueStats today, ServiceLevelSettings settings) {
        long offered = recent.counts(settings).offered();
        Duration aht = today.averageHandleTime().or(recent::averageHandleTime).orElse(null);
        if (offered == 0 || aht == null || aht.isZero()) {
            return null;
        }
        double perSecond = offered / (double) IntervalStats.RECENT.toSeconds();
        try {
            return ErlangC.agentsNeeded(perSecond, aht, settings.threshold(), Math.min(settings.targetPercent(), 99.9));
        } catch (IllegalArgumentException tooMany) {
            return null;
        }
    }

    /**
     * A queue's intervals on the chart's axis, oldest first: each start of {@code axis} (and of
     * {@code counted}, should a zone's offset not fall on a quarter hour), with zeros and no service
     * level where nothing was counted.
     */
    static IntervalSeriesView series(QueueView q, SortedSet<Instant> axis, NavigableMap<Instant, QueueStats> counted,
                                     AbandonTreatment treatment, Duration shortAbandon) {
        ServiceLevelSettings settings = settings(q.slSeconds(), q.slPercent(), treatment, shortAbandon);
        TreeSet<Instant> starts = new TreeSet<>(axis);
        starts.addAll(counted.keySet());
        List<IntervalPointView> points = new ArrayList<>(starts.size());
        for (Instant start : starts) {
            QueueStats st = counted.get(start);
            QueueStats.Counts c = st == null ? null : st.counts(settings);
            points.add(c == null ? new IntervalPointView(start, 0, 0, 0, null)
                    : new IntervalPointView(start, c.offered(), c.answered(), c.abandoned(),
                    st.serviceLevelKpi(settings).value()));
        }
        return new IntervalSeriesView(q.id(), q.name(), q.slPercent(), q.slSeconds(), points);
    }

    private static void put(Map<String, KpiView> out, Kpi k) {
        out.put(k.name(), view(k));
    }

    private static KpiView count(String name, long n, String formula) {
        return new KpiView(name, (double) n, "contacts", formula, Map.of());
    }
}
