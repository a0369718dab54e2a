package dev.switchboard.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compressed shift, simulated second by second with a seeded random source and a clock the test
 * moves: 20 agents, 30 % of calls answered by a person, 10 % by a machine, handle times of 40 s plus
 * an exponential 140 s, four hours. An answered call that finds no free agent is abandoned. The
 * abandon rate over the last hour is tallied every minute by the simulation itself, not read back
 * from the pacer's statistics, and compared with a progressive (1:1) run of the same shift.
 */
class PacingSimulationTest {
    private static final int AGENTS = 20;
    private static final double LIMIT = 0.03;
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration SHIFT = Duration.ofHours(4);
    private static final Instant START = Instant.parse("2025-06-02T08:00:00Z");

    /** A clock the simulation moves forward. */
    private static final class SimulatedClock extends Clock {
        private Instant now = START;

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Call(Instant endsAt, Duration ring, AttemptResult outcome, Duration handle) {
    }

    private record Answer(Instant at, boolean abandoned) {
    }

    private record Shift(int dialled, int connected, int abandoned, double worstWindowRate, int overDialledTicks) {
    }

    @Test
    void predictiveDialsAboveOneToOneAndTheRollingAbandonRateStaysUnderTheLimit() {
        for (long seed = 1; seed <= 8; seed++) {
            Shift predictive = simulate(DiallingMode.PREDICTIVE, seed);
            Shift progressive = simulate(DiallingMode.PROGRESSIVE, seed);

            assertThat(predictive.worstWindowRate()).as("worst hour, seed %d", seed).isLessThanOrEqualTo(LIMIT);
            assertThat(predictive.abandoned()).as("the pacer used its room, seed %d", seed).isPositive();
            assertThat(predictive.overDialledTicks()).as("seconds above 1:1, seed %d", seed).isGreaterThan(1000);
            assertThat(predictive.connected()).as("connected calls, seed %d", seed)
                    .isGreaterThan(progressive.connected() * 11 / 10);
            assertThat(progressive.abandoned()).isZero();
            assertThat(progressive.overDialledTicks()).isZero();
        }
    }

    @Test
    void aLimitOfZeroKeepsPredictiveAtOneToOne() {
        Shift strict = simulate(DiallingMode.PREDICTIVE, 7L, 0.0);
        assertThat(strict.abandoned()).isZero();
        assertThat(strict.overDialledTicks()).isZero();
    }

    private static Shift simulate(DiallingMode mode, long seed) {
        return simulate(mode, seed, LIMIT);
    }

    private static Shift simulate(DiallingMode mode, long seed, double limit) {
        Random random = new Random(seed);
        SimulatedClock clock = new SimulatedClock();
        PredictivePacer pacer = new PredictivePacer(PredictivePacer.Settings.standard());
        DialStats stats = new DialStats(WINDOW);
        Instant[] agentFreeAt = new Instant[AGENTS];
        Arrays.fill(agentFreeAt, START);
        PriorityQueue<Call> calls = new PriorityQueue<>(Comparator.comparing(Call::endsAt));
        Deque<Answer> window = new ArrayDeque<>();
        int dialled = 0;
        int connected = 0;
        int abandoned = 0;
        int overDialled = 0;
        long handledSeconds = 0;
        double worst = 0;
        Instant end = START.plus(SHIFT);
        while (clock.instant().isBefore(end)) {
            Instant now = clock.instant();
            while (!calls.isEmpty() && !calls.peek().endsAt().isAfter(now)) {
                Call call = calls.poll();
                AttemptResult result = call.outcome();
                if (result == AttemptResult.CONNECTED) {
                    int agent = freeAgent(agentFreeAt, now);
                    if (agent < 0) {
                        result = AttemptResult.ABANDONED;
                        abandoned++;
                    } else {
                        agentFreeAt[agent] = now.plus(call.handle());
                        connected++;
                        handledSeconds += call.handle().toSeconds();
                    }
                    window.addLast(new Answer(now, result == AttemptResult.ABANDONED));
                }
                stats.record(now, result, call.ring());
            }
            int ready = (int) Arrays.stream(agentFreeAt).filter(t -> !t.isAfter(now)).count();
            Duration aht = connected == 0 ? Duration.ofSeconds(180) : Duration.ofSeconds(handledSeconds / connected);
            PacingDecision decision = pacer.pace(mode, limit,
                    new PacerInput(ready, AGENTS - ready, calls.size(), aht, stats.snapshot(now)));
            if (decision.lines() > Math.max(0, ready - calls.size())) {
                overDialled++;
            }
            for (int i = 0; i < decision.lines(); i++) {
                calls.add(dial(now, random));
                dialled++;
            }
            if (now.getEpochSecond() % 60 == 0) {
                worst = Math.max(worst, windowRate(window, now));
            }
            clock.advance(Duration.ofSeconds(1));
        }
        return new Shift(dialled, connected, abandoned, worst, overDialled);
    }

    private static Call dial(Instant now, Random random) {
        double u = random.nextDouble();
        Duration handle = Duration.ofSeconds(40 + Math.round(-140 * Math.log(1 - random.nextDouble())));
        if (u < 0.30) {
            Duration ring = Duration.ofSeconds(4 + random.nextInt(17));
            return new Call(now.plus(ring), ring, AttemptResult.CONNECTED, handle);
        }
        if (u < 0.40) {
            Duration ring = Duration.ofSeconds(10 + random.nextInt(16));
            return new Call(now.plus(ring), ring, AttemptResult.ANSWERING_MACHINE, handle);
        }
        if (u < 0.50) {
            return new Call(now.plusSeconds(2), Duration.ofSeconds(2), AttemptResult.BUSY, handle);
        }
        return new Call(now.plusSeconds(30), Duration.ofSeconds(30), AttemptResult.NO_ANSWER, handle);
    }

    private static int freeAgent(Instant[] agentFreeAt, Instant now) {
        for (int i = 0; i < agentFreeAt.length; i++) {
            if (!agentFreeAt[i].isAfter(now)) {
                return i;
            }
        }
        return -1;
    }

    /** Abandoned over answered in the hour before {@code now}, by the simulation's own tally. */
    private static double windowRate(Deque<Answer> window, Instant now) {
        while (!window.isEmpty() && !window.peekFirst().at().isAfter(now.minus(WINDOW))) {
            window.removeFirst();
        }
        long answered = window.size();
        long abandoned = window.stream().filter(Answer::abandoned).count();
        return answered == 0 ? 0 : (double) abandoned / answered;
    }
}
