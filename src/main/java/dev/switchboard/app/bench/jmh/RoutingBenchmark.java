package dev.switchboard.app.bench.jmh;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Router;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Routing decisions of the {@link Router} in P2's centre: {@value #AGENTS} agents with
 * {@value #SKILLS_PER_AGENT} of {@value #SKILLS} skills each (levels 1-10, default capacity), all ready,
 * and {@value #QUEUES} queues needing one or two skills. Contacts come in the channel mix of the P2
 * benchmark (two in five calls). Time is a simulated clock that moves {@value #STEP_MICROS} µs per
 * contact (P2's 400 contacts/s), so waits, idle times and the urgency order move as they would.
 *
 * <p>Each benchmark keeps its centre steady within the operation itself (no per-call set-up), so every
 * call sees the same load and the score is per decision, not drifting with the run's length. The
 * {@code offers} counter is the number of offers decided per second: the P2 bare router's measure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingBenchmark {
    static final int AGENTS = 5_000;
    static final int QUEUES = 500;
    static final int SKILLS = 50;
    static final int SKILLS_PER_AGENT = 10;
    static final int STEP_MICROS = 2_500;
    /** Contacts held by agents in the centre with free agents: about the 6,000 of P2 (400/s × 15 s). */
    static final int HELD = 6_000;
    /** Contacts waiting in the busy centre once every agent who could take them is full. */
    static final int BACKLOG = 1_000;
    static final int SETTLE = 5_000;
    private static final int SEQUENCE = 1 << 16;
    private static final Channel[] MIX = {Channel.PHONE, Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.SOCIAL};

    /** Offers decided, reported by JMH per second of the measurement. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Offers {
        public long offers;

        @Setup(Level.Iteration)
        public void reset() {
            offers = 0;
        }
    }

    /**
     * P2's centre at its steady load ({@value #HELD} contacts in hand, none waiting): a new contact finds
     * free skilled agents. One operation: enqueue (the decision: the best free agent among the queue's
     * skilled ones), then the agent accepts and releases it, so the centre is as it was.
     */
    @State(Scope.Thread)
    public static class FreeAgents {
        Centre centre;
        long withdrawn;
        long operations;

        @Setup(Level.Trial)
        public void setUp() {
            centre = new Centre(new Random(7));
            ArrayDeque<Long> held = new ArrayDeque<>();
            for (int tries = 0; held.size() < HELD; tries++) {
                if (tries > 10 * HELD) {
                    throw new IllegalStateException("the centre took only " + held.size() + " contacts");
                }
                Router.Contact c = centre.nextContact();
                List<Decision> ds = centre.router.enqueue(c);
                if (centre.acceptAll(ds, held) == 0) {
                    centre.router.withdraw(c.interactionId()); // nobody free for it: this centre has no queue
                }
            }
            if (centre.router.waitingCount() != 0) {
                throw new IllegalStateException("contacts left waiting: " + centre.router.waitingCount());
            }
        }

        @TearDown(Level.Trial)
        public void check() {
            // the measure is "with a free agent available": it must be what was timed
            if (withdrawn > operations / 100) {
                throw new IllegalStateException(withdrawn + " of " + operations + " contacts found no free agent");
            }
        }
    }

    /**
     * A centre where every agent who could take what waits is full: contacts are added until
     * {@value #BACKLOG} wait, then the loop below runs {@value #SETTLE} times so the backlog spreads over
     * the queues (the warm-up iterations go on settling it: about 2,000 wait then, drifting slowly
     * down as agents pack their capacity). One operation: the contact in hand longest is released (the decision: the most urgent waiting
     * contact the freed agent can take) and a new contact arrives (the decision: no one free, it waits;
     * or the freed agent, if they could take nothing waiting). Every offer is accepted at once, so the
     * number of contacts in the centre stays the same.
     */
    @State(Scope.Thread)
    public static class BusyCentre {
        Centre centre;
        final ArrayDeque<Long> held = new ArrayDeque<>();

        @Setup(Level.Trial)
        public void setUp() {
            centre = new Centre(new Random(11));
            while (centre.router.waitingCount() < BACKLOG) {
                centre.acceptAll(centre.router.enqueue(centre.nextContact()), held);
            }
            for (int i = 0; i < SETTLE; i++) {
                step(this, null);
            }
        }

        @TearDown(Level.Trial)
        public void check() {
            if (centre.router.waitingCount() < BACKLOG / 2) {
                throw new IllegalStateException("the backlog drained to " + centre.router.waitingCount());
            }
        }
    }

    @Benchmark
    public List<Decision> offerToFreeAgent(FreeAgents s, Offers counters) {
        Centre c = s.centre;
        Router.Contact contact = c.nextContact();
        List<Decision> ds = c.router.enqueue(contact);
        s.operations++;
        if (!ds.isEmpty() && ds.get(0) instanceof Decision.Offer o) {
            counters.offers++;
            c.router.accept(o.interactionId(), o.agentId());
            c.router.release(o.interactionId());
        } else {
            s.withdrawn++;
            c.router.withdraw(contact.interactionId());
        }
        return ds;
    }

    @Benchmark
    public void releaseAndArrive(BusyCentre s, Offers counters, Blackhole bh) {
        counters.offers += step(s, bh);
    }

    private static int step(BusyCentre s, Blackhole bh) {
        Centre c = s.centre;
        List<Decision> freed = c.router.release(s.held.pollFirst());
        List<Decision> arrived = c.router.enqueue(c.nextContact());
        if (bh != null) {
            bh.consume(freed);
            bh.consume(arrived);
        }
        return c.acceptAll(freed, s.held) + c.acceptAll(arrived, s.held);
    }

    /** The router, its clock and the seeded arrivals. */
    static final class Centre {
        final SteppedClock clock = new SteppedClock();
        final Router router = new Router(clock);
        private final long[] queues = new long[SEQUENCE];
        private final Channel[] channels = new Channel[SEQUENCE];
        private int next;
        private long id;

        Centre(Random random) {
            for (long q = 1; q <= QUEUES; q++) {
                Set<String> need = new TreeSet<>();
                need.add("s" + random.nextInt(SKILLS));
                if (random.nextBoolean()) {
                    need.add("s" + random.nextInt(SKILLS));
                }
                router.defineQueue(new Router.QueueRule(q, random.nextInt(3), Duration.ofSeconds(20), need,
                        Duration.ofSeconds(20)));
            }
            for (long a = 1; a <= AGENTS; a++) {
                Map<String, Integer> skills = new HashMap<>();
                while (skills.size() < SKILLS_PER_AGENT) {
                    skills.put("s" + random.nextInt(SKILLS), 1 + random.nextInt(10));
                }
                router.signIn(a, skills, Capacity.DEFAULT);
                router.setAvailable(a, true);
            }
            for (int i = 0; i < SEQUENCE; i++) {
                queues[i] = 1 + random.nextInt(QUEUES);
                channels[i] = MIX[random.nextInt(MIX.length)];
            }
        }

        /** The next arrival, one simulated step after the last. */
        Router.Contact nextContact() {
            clock.now = clock.now.plusNanos(STEP_MICROS * 1_000L);
            int i = next;
            next = (i + 1) & (SEQUENCE - 1);
            return new Router.Contact(++id, queues[i], channels[i], 0, clock.now, null);
        }

        /** Accepts every offer at once (the contact is in hand from then on); returns how many there were. */
        int acceptAll(List<Decision> ds, ArrayDeque<Long> held) {
            int offers = 0;
            for (Decision d : ds) {
                if (d instanceof Decision.Offer o && router.accept(o.interactionId(), o.agentId())) {
                    held.addLast(o.interactionId());
                    offers++;
                }
            }
            return offers;
        }
    }

    /** A clock the benchmark moves by hand. */
    static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
