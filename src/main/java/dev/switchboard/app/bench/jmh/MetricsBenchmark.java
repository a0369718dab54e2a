package dev.switchboard.app.bench.jmh;

import dev.switchboard.domain.Channel;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.metrics.AgentStats;
import dev.switchboard.metrics.AgentStats.StateSpan;
import dev.switchboard.metrics.Alert;
import dev.switchboard.metrics.AlertRule;
import dev.switchboard.metrics.Alerts;
import dev.switchboard.metrics.ContactRecord;
import dev.switchboard.metrics.ErlangC;
import dev.switchboard.metrics.IntervalStats;
import dev.switchboard.metrics.QueueStats;
import dev.switchboard.metrics.ServiceLevelSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor dashboard's figures over {@link DayOfContacts} (about 50,000 contact records of one
 * day, {@value DayOfContacts#QUEUES} queues, {@value DayOfContacts#AGENTS} agents), computed the way
 * {@code SupervisorService.dashboard} computes them: per queue the last 30 minutes and today from the
 * 15-minute intervals, the KPIs of both and the Erlang C staffing; per agent occupancy and handle time;
 * then the alert rules. Only the metrics package's work is timed: no views, no JSON, no locks.
 */
public class MetricsBenchmark {
    /** The dashboard's rules (SupervisorService.RULES). */
    static final List<AlertRule> RULES = List.of(new AlertRule.LongestWaitOver(0.8),
            new AlertRule.ServiceLevelUnder(10), new AlertRule.NotReadyLonger(Duration.ofMinutes(15)));
    private static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

    /** The day's records counted into 15-minute intervals, each queue's settings, and the live values. */
    @State(Scope.Thread)
    public static class Day {
        DayOfContacts day;
        IntervalStats intervals;
        ServiceLevelSettings[] settings;
        /** The finished contacts, each with the version it had before its wrap-up finished. */
        ContactRecord[][] versions;
        int nextVersion;
        List<Alerts.QueueLive> queuesLive;
        List<Alerts.AgentLive> agentsLive;

        @Setup(Level.Trial)
        public void setUp() {
            day = new DayOfContacts(3);
            intervals = new IntervalStats(DayOfContacts.ZONE);
            List<ContactRecord[]> pairs = new ArrayList<>();
            for (ContactRecord r : day.records) {
                if (r.handled()) {
                    intervals.add(DayOfContacts.beforeWrapUp(r));
                    pairs.add(new ContactRecord[] {DayOfContacts.beforeWrapUp(r), r});
                }
                intervals.add(r);
            }
            versions = pairs.toArray(new ContactRecord[0][]);
            Random random = new Random(5);
            settings = new ServiceLevelSettings[DayOfContacts.QUEUES + 1];
            for (int q = 1; q <= DayOfContacts.QUEUES; q++) {
                Channel ch = day.channelOf[q];
                int threshold = ch == Channel.PHONE || ch == Channel.CHAT ? 20 : 60;
                settings[q] = new ServiceLevelSettings(Duration.ofSeconds(threshold), random.nextBoolean() ? 80 : 90,
                        SHORT_ABANDON, AbandonTreatment.AGAINST);
            }
            // each queue's longest wait: its oldest contact still waiting now, as the dashboard finds it
            long[] longest = new long[DayOfContacts.QUEUES + 1];
            for (ContactRecord r : day.records) {
                if (!r.answered() && !r.abandoned()) {
                    long waited = Duration.between(r.queuedAt(), day.now).toSeconds();
                    longest[(int) r.queueId()] = Math.max(longest[(int) r.queueId()], waited);
                }
            }
            queuesLive = new ArrayList<>();
            for (int q = 1; q <= DayOfContacts.QUEUES; q++) {
                Double sl = intervals.lastThirtyMinutes(q, day.now).serviceLevelKpi(settings[q]).value();
                queuesLive.add(new Alerts.QueueLive(q, "Queue " + q, Duration.ofSeconds(longest[q]), sl, settings[q]));
            }
            agentsLive = new ArrayList<>();
            day.spans.forEach((agent, own) -> {
                StateSpan last = own.get(own.size() - 1);
                agentsLive.add(new Alerts.AgentLive(agent, "Agent " + agent, last.state(), last.from()));
            });
        }
    }

    /** P2's centre: 400 contacts/s over 500 queues (shares falling off as 1/rank^0.8), 5 s or 30 s handle. */
    @State(Scope.Thread)
    public static class P2Loads {
        final double[] rates = new double[RoutingBenchmark.QUEUES];
        final Duration[] handle = new Duration[RoutingBenchmark.QUEUES];

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(5);
            double sum = 0;
            for (int q = 0; q < rates.length; q++) {
                rates[q] = Math.pow(q + 1, -0.8);
                sum += rates[q];
            }
            for (int q = 0; q < rates.length; q++) {
                rates[q] *= 400 / sum;
                handle[q] = Duration.ofSeconds(random.nextInt(5) < 2 ? 30 : 5);
            }
        }
    }

    /** Every queue's tile: last 30 minutes and today, their KPIs, the staffing by Erlang C. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void dashboardQueues(Day d, Blackhole bh) {
        for (int q = 1; q <= DayOfContacts.QUEUES; q++) {
            ServiceLevelSettings s = d.settings[q];
            QueueStats recent = d.intervals.lastThirtyMinutes(q, d.day.now);
            QueueStats today = d.intervals.today(q, d.day.now);
            kpis(recent, s, bh);
            kpis(today, s, bh);
            bh.consume(agentsNeeded(recent, today, s));
        }
    }

    /** Every agent's row: occupancy from today's state spans and handle time from today's contacts. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void dashboardAgents(Day d, Blackhole bh) {
        for (long a = 1; a <= DayOfContacts.AGENTS; a++) {
            AgentStats stats = AgentStats.of(a, d.day.spans.get(a), d.day.byAgent.get(a), d.day.midnight,
                    d.day.now);
            bh.consume(stats.occupancyKpi());
            bh.consume(stats.averageHandleTimeKpi());
        }
    }

    /** The alert rules over every queue's and agent's live values. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Alert> alerts(Day d) {
        return Alerts.evaluate(RULES, d.queuesLive, d.agentsLive, d.day.now);
    }

    /** Erlang C staffing of every queue of P2's centre (400 contacts/s over 500 queues, 5 s or 30 s handle). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int erlangCStaffing(P2Loads p2) {
        int agents = 0;
        Duration threshold = Duration.ofSeconds(20);
        for (int q = 0; q < p2.rates.length; q++) {
            agents += ErlangC.agentsNeeded(p2.rates[q], p2.handle[q], threshold, 80);
        }
        return agents;
    }

    /**
     * One contact's record counted as it grows (wrap-up finished, or the dashboard's earlier copy of
     * it): the interval statistics update that every contact event costs.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void intervalUpdate(Day d) {
        int i = d.nextVersion++;
        ContactRecord[] pair = d.versions[(i >>> 1) % d.versions.length];
        d.intervals.add(pair[i & 1]);
    }

    private static void kpis(QueueStats s, ServiceLevelSettings settings, Blackhole bh) {
        bh.consume(s.counts(settings));
        bh.consume(s.serviceLevelKpi(settings));
        bh.consume(s.abandonmentRateKpi(settings));
        bh.consume(s.averageSpeedOfAnswerKpi());
        bh.consume(s.averageHandleTimeKpi());
        bh.consume(s.averageHoldTimeKpi());
        bh.consume(s.transfersKpi());
    }

    /** As the dashboard staffs a queue: the last 30 minutes' arrivals at today's handle time. */
    private static Integer agentsNeeded(QueueStats recent, QueueStats today, ServiceLevelSettings s) {
        long offered = recent.counts(s).offered();
        Duration aht = today.averageHandleTime().or(recent::averageHandleTime).orElse(null);
        if (offered == 0 || aht == null || aht.isZero()) {
            return null;
        }
        try {
            return ErlangC.agentsNeeded(offered / (double) IntervalStats.RECENT.toSeconds(), aht, s.threshold(),
                    Math.min(s.targetPercent(), 99.9));
        } catch (IllegalArgumentException tooMany) {
            return null;
        }
    }
}
