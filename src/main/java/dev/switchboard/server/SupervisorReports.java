package dev.switchboard.server;

import dev.switchboard.api.QueueView;
import dev.switchboard.domain.Agent;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.metrics.ContactRecord;
import dev.switchboard.metrics.IntervalStats;
import dev.switchboard.metrics.Kpi;
import dev.switchboard.metrics.QueueStats;
import dev.switchboard.metrics.ServiceLevelSettings;
import dev.switchboard.store.ContactLegStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The supervisor's reports of a range of days as CSV, recomputed from the stored passes through the
 * queues (not from what the live dashboard keeps): one row per queue and 15-minute interval, and one
 * row per agent.
 */
final class SupervisorReports {
    private final ContactLegStore store;
    private final ZoneId zone;
    private final Supplier<List<QueueView>> queues;
    private final Supplier<List<Agent>> agents;

    SupervisorReports(ContactLegStore store, ZoneId zone, Supplier<List<QueueView>> queues,
                      Supplier<List<Agent>> agents) {
        this.store = store;
        this.zone = zone;
        this.queues = queues;
        this.agents = agents;
    }

    /**
     * One row per queue and 15-minute interval of the days from {@code from} to {@code to} (both
     * included) in the centre's zone, with the treatment of abandons and the cut-off asked for.
     */
    String intervals(LocalDate from, LocalDate to, AbandonTreatment treatment, Duration shortAbandon) {
        IntervalStats range = new IntervalStats(zone);
        passes(from, to).forEach(l -> range.add(SupervisorService.record(l)));
        Map<Long, QueueView> byId = new HashMap<>();
        queues.get().forEach(q -> byId.put(q.id(), q));
        StringBuilder csv = new StringBuilder("queue,interval_start,offered,answered,abandoned,service_level_percent,"
                + "average_speed_of_answer_s,average_handle_time_s,abandonment_rate_percent,transfers\n");
        for (long queueId : new TreeSet<>(range.queueIds())) {
            QueueView q = byId.get(queueId);
            // a queue no longer configured is reported against the usual target
            ServiceLevelSettings settings = SupervisorFigures.settings(q == null ? 20 : q.slSeconds(),
                    q == null ? 80 : q.slPercent(), treatment, shortAbandon);
            for (Map.Entry<Instant, QueueStats> e : range.intervals(queueId).entrySet()) {
                QueueStats st = e.getValue();
                QueueStats.Counts c = st.counts(settings);
                csv.append(cell(q == null ? "queue " + queueId : q.name())).append(',')
                        .append(e.getKey().atZone(zone).toOffsetDateTime()).append(',')
                        .append(c.offered()).append(',').append(c.answered()).append(',').append(c.abandoned()).append(',')
                        .append(number(st.serviceLevelKpi(settings))).append(',')
                        .append(number(st.averageSpeedOfAnswerKpi())).append(',')
                        .append(number(st.averageHandleTimeKpi())).append(',')
                        .append(number(st.abandonmentRateKpi(settings))).append(',')
                        .append(st.transfers()).append('\n');
            }
        }
        return csv.toString();
    }

    /** One row per agent over the days from {@code from} to {@code to}: what they answered and handled. */
    String agents(LocalDate from, LocalDate to, java.util.function.LongPredicate included) {
        Map<Long, long[]> totals = new TreeMap<>(); // answered, handled, talk ms, hold ms, wrap ms
        for (ContactLegStore.Leg l : passes(from, to)) {
            ContactRecord r = SupervisorService.record(l);
            if (r.agentId() == null || !r.answered() || !included.test(r.agentId())) {
                continue;
            }
            long[] t = totals.computeIfAbsent(r.agentId(), k -> new long[5]);
            t[0]++;
            if (r.handled()) {
                t[1]++;
                t[2] += r.talkTime().toMillis();
                t[3] += r.holdMillis();
                t[4] += r.wrapTime().toMillis();
            }
        }
        Map<Long, String> names = new HashMap<>();
        agents.get().forEach(a -> names.put(a.id(), a.displayName()));
        StringBuilder csv = new StringBuilder("agent,answered,handled,talk_s,hold_s,wrap_s,average_handle_time_s\n");
        totals.forEach((agent, t) -> csv.append(cell(names.getOrDefault(agent, "agent " + agent))).append(',')
                .append(t[0]).append(',').append(t[1]).append(',').append(seconds(t[2])).append(',')
                .append(seconds(t[3])).append(',').append(seconds(t[4])).append(',')
                .append(t[1] == 0 ? "" : seconds((t[2] + t[4]) / t[1])).append('\n'));
        return csv.toString();
    }

    private List<ContactLegStore.Leg> passes(LocalDate from, LocalDate to) {
        return store.queuedBetween(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String number(Kpi k) {
        return k.value() == null ? "" : String.format(Locale.ROOT, "%.1f", k.value());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused. */
    static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
