package dev.switchboard.store.demo;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.store.demo.Activity.InteractionRow;
import dev.switchboard.store.demo.DemoCase.Step;
import dev.switchboard.store.demo.DemoCustomer.Contact;
import dev.switchboard.store.demo.Template.Var;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A customer's contact history: how many times they got in touch, grouped into cases of one to three
 * interactions, on which channels, when (within the customer's life, in their local working hours)
 * and how each contact went (waited, answered, talked, or gave up).
 */
final class InteractionFactory {
    static final double TICKET_SHARE = 0.35;
    static final double OPEN_TICKET_SHARE = 0.15;
    /** Open tickets are about recent contacts: their case started within this many days. */
    static final int OPEN_CASE_DAYS = 21;
    private static final int MAX_INTERACTIONS = 400;
    private static final long DAY = 86_400;
    // Channel mix PHONE 45 / EMAIL 30 / CHAT 15 / SOCIAL 10 overall: social only for the 30 % with a
    // handle, so they use it a third of the time and everyone else spreads over the other three.
    private static final Weighted<Channel> WITHOUT_HANDLE = Weighted.of(
            List.of(Channel.PHONE, Channel.EMAIL, Channel.CHAT), List.of(3, 2, 1));
    private static final Weighted<Channel> WITH_HANDLE = Weighted.of(
            List.of(Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL), List.of(3, 2, 1, 3));
    private static final int[][] HOURS = {
        {0, 0, 0, 0, 0, 0, 0, 1, 5, 9, 10, 9, 7, 8, 9, 8, 7, 5, 3, 2, 1, 0, 0, 0},  // PHONE
        {1, 1, 0, 0, 0, 0, 1, 3, 6, 8, 8, 7, 6, 7, 7, 7, 6, 5, 4, 4, 4, 3, 2, 1},  // EMAIL
        {0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 8, 7, 7, 8, 8, 7, 6, 5, 5, 4, 3, 2, 0},  // CHAT
        {1, 1, 0, 0, 0, 0, 1, 2, 4, 5, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 8, 7, 4, 2},  // SOCIAL
    };

    private final DemoWorld world;
    private final Texts texts;
    private final CaseFacts facts;
    private final double mean;
    private final double segmentNorm;
    private final long now;
    private final List<Long> agentIds;
    private final List<Weighted<Integer>> hourWeights = new ArrayList<>();

    InteractionFactory(DemoWorld world, Texts texts, double meanPerCustomer, Instant now, List<Long> agentIds) {
        this.world = world;
        this.texts = texts;
        this.facts = new CaseFacts(world);
        this.mean = meanPerCustomer;
        this.now = now.getEpochSecond();
        this.agentIds = List.copyOf(agentIds);
        double norm = 0;
        for (Segment s : Segment.values()) {
            norm += CustomerFactory.segmentShare(s) * s.contactFactor;
        }
        this.segmentNorm = norm;
        for (int[] hours : HOURS) {
            List<Integer> hourList = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hourList.add(h);
                weights.add(hours[h]);
            }
            hourWeights.add(Weighted.of(hourList, weights));
        }
    }

    /** The customer's cases with their interactions timed, oldest first; no ids or texts yet. */
    List<DemoCase> cases(DemoCustomer customer, SplittableRandom r) {
        double mu = mean * customer.segment().contactFactor / segmentNorm;
        int n = geometric(mu, r);
        // P(n >= 1) = mu / (1 + mu); scale so that TICKET_SHARE of all customers end up with a ticket.
        boolean ticket = n > 0 && r.nextDouble() < TICKET_SHARE * (1 + mu) / mu;
        boolean open = ticket && r.nextDouble() < OPEN_TICKET_SHARE / TICKET_SHARE;
        int extraTickets = ticket ? (r.nextInt(4) == 0 ? 1 + (r.nextInt(3) == 0 ? 1 : 0) : 0) : 0;
        List<Integer> sizes = new ArrayList<>();
        for (int left = n; left > 0; ) {
            int x = r.nextInt(20);
            int size = Math.min(left, x < 13 ? 1 : x < 18 ? 2 : 3);
            sizes.add(size);
            left -= size;
        }
        Weighted<Channel> channels = customer.handle().isPresent() ? WITH_HANDLE : WITHOUT_HANDLE;
        ZoneRules zone = customer.city().zone().getRules();
        long joined = customer.createdAt().getEpochSecond();
        List<DemoCase> cases = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            // The first case holds the open ticket (if any); other tickets go to random cases.
            boolean isOpen = open && i == 0;
            boolean ticketed = (ticket && i == 0) || (i > 0 && extraTickets > 0
                    && r.nextDouble() < (double) extraTickets / (sizes.size() - 1));
            DemoCase c = new DemoCase(world.topics.pick(r), ticketed, isOpen);
            long from = isOpen ? Math.max(joined, now - OPEN_CASE_DAYS * DAY) : joined;
            steps(c, sizes.get(i), channels, zone, from, r);
            fit(c, from);
            cases.add(c);
        }
        cases.sort(Comparator.comparingLong(DemoCase::start));
        return cases;
    }

    /** Numbers the interactions in time order from {@code ids} and writes their texts. */
    List<InteractionRow> rows(DemoCustomer customer, List<DemoCase> cases, IdSequence ids, SplittableRandom r) {
        List<Step> all = new ArrayList<>();
        for (DemoCase c : cases) {
            facts.fill(c.values, customer, c.topic, c.start(), r);
            c.subject = texts.caseSubject(c.topic, c.values, r);
            all.addAll(c.steps);
        }
        all.sort(Comparator.comparingLong((Step s) -> s.created));
        for (Step s : all) {
            s.id = ids.next();
        }
        List<InteractionRow> rows = new ArrayList<>(all.size());
        for (DemoCase c : cases) {
            for (Step s : c.steps) {
                long wait = (s.answered == Activity.NO_TIME ? s.ended : s.answered) - s.created;
                c.values.set(Var.WAIT, Long.toString(wait));
                Long agent = s.answered == Activity.NO_TIME || agentIds.isEmpty()
                        ? null : agentIds.get(r.nextInt(agentIds.size()));
                rows.add(new InteractionRow(s.id, customer.id(), s.channel, s.direction, s.state,
                        address(customer, s.channel.addressKind(), r),
                        texts.subject(c.subject, s.channel, s.direction, s.state),
                        texts.body(c.topic, c.values, customer, s.channel, s.direction, s.state, r),
                        s.created, s.answered, s.ended, agent));
            }
        }
        rows.sort(Comparator.comparingLong(InteractionRow::id));
        return rows;
    }

    private void steps(DemoCase c, int size, Weighted<Channel> channels, ZoneRules zone, long from,
                       SplittableRandom r) {
        Channel channel = channels.pick(r);
        long at = from + (long) (r.nextDouble() * Math.max(0, now - from));
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                channel = r.nextBoolean() ? channel : channels.pick(r);
                at += DAY * r.nextInt(4);
            }
            Direction direction = direction(channel, i > 0, r);
            // A ticket needs a real conversation to start from, so its first contact was answered.
            boolean mayAbandon = direction == Direction.INBOUND && !(c.ticketed && i == 0);
            InteractionState state = mayAbandon && abandons(channel, r)
                    ? InteractionState.ABANDONED : InteractionState.ENDED;
            Step s = new Step(channel, direction, state);
            long previousEnd = i == 0 ? from : c.end();
            s.created = localHour(at, zone, channel, r);
            if (s.created < previousEnd + (i == 0 ? 0 : 900)) {
                s.created += DAY;
            }
            durations(s, r);
            c.steps.add(s);
            at = s.ended;
        }
    }

    private static Direction direction(Channel channel, boolean followUp, SplittableRandom r) {
        int percentOutbound = switch (channel) {
            case PHONE -> followUp ? 40 : 5;
            case EMAIL -> followUp ? 50 : 3;
            case CHAT -> 0;
            case SOCIAL -> followUp ? 30 : 0;
        };
        return r.nextInt(100) < percentOutbound ? Direction.OUTBOUND : Direction.INBOUND;
    }

    private static boolean abandons(Channel channel, SplittableRandom r) {
        return switch (channel) {
            case PHONE -> r.nextInt(100) < 6;
            case CHAT -> r.nextInt(100) < 4;
            default -> false;
        };
    }

    /** Waiting and handling times by channel; log-normal, as queue and talk times are. */
    private static void durations(Step s, SplittableRandom r) {
        boolean out = s.direction == Direction.OUTBOUND;
        long wait;
        long handle;
        switch (s.channel) {
            case PHONE -> {
                wait = out ? 5 + r.nextInt(25) : logNormal(40, 0.9, 3, 1200, r);
                handle = logNormal(out ? 180 : 300, 0.6, 30, 3600, r);
            }
            case EMAIL -> {
                wait = out ? 0 : logNormal(4 * 3600, 1.0, 300, 72 * 3600, r);
                handle = 120 + r.nextInt(1080);
            }
            case CHAT -> {
                wait = logNormal(30, 0.8, 2, 600, r);
                handle = logNormal(480, 0.5, 60, 3600, r);
            }
            default -> {
                wait = out ? 0 : logNormal(45 * 60, 1.0, 120, DAY, r);
                handle = 60 + r.nextInt(420);
            }
        }
        if (s.state == InteractionState.ABANDONED) {
            s.answered = Activity.NO_TIME;
            s.ended = s.created + logNormal(60, 0.8, 5, 900, r);
        } else {
            s.answered = s.created + wait;
            s.ended = s.answered + handle;
        }
    }

    /**
     * Moves a case that would end after "now" back by whole days (keeping its time of day), or, for
     * a customer too new for that, squeezes it between {@code from} and now.
     */
    private void fit(DemoCase c, long from) {
        if (c.end() <= now) {
            return;
        }
        long days = (c.end() - now + DAY - 1) / DAY;
        if (c.start() - days * DAY >= from) {
            c.steps.forEach(s -> s.shift(-days * DAY));
            return;
        }
        long start = c.start();
        double scale = (double) (now - from) / Math.max(1, c.end() - start);
        for (Step s : c.steps) {
            s.created = from + (long) ((s.created - start) * scale);
            s.ended = from + (long) ((s.ended - start) * scale);
            if (s.answered != Activity.NO_TIME) {
                s.answered = from + (long) ((s.answered - start) * scale);
            }
        }
    }

    /** The same calendar day as {@code epochSecond} in the customer's zone, at a likely hour. */
    private long localHour(long epochSecond, ZoneRules zone, Channel channel, SplittableRandom r) {
        int offset = zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        long day = Math.floorDiv(epochSecond + offset, DAY);
        int hour = hourWeights.get(channel.ordinal()).pick(r);
        return day * DAY + hour * 3600L + r.nextInt(3600) - offset;
    }

    private String address(DemoCustomer customer, ContactKind kind, SplittableRandom r) {
        List<Contact> options = customer.contacts(kind);
        // Most contact comes from the first number or address; some from the second.
        return options.get(options.size() > 1 && r.nextInt(10) < 3 ? 1 : 0).value();
    }

    private static int geometric(double mu, SplittableRandom r) {
        if (mu <= 0) {
            return 0;
        }
        double p = 1 / (1 + mu);
        // StrictMath gives the same bits on every JVM and CPU, so a seed means the same data everywhere.
        int n = (int) Math.floor(StrictMath.log(1 - r.nextDouble()) / StrictMath.log(1 - p));
        return Math.min(n, MAX_INTERACTIONS);
    }

    private static long logNormal(double median, double sigma, long min, long max, SplittableRandom r) {
        long v = Math.round(median * StrictMath.exp(sigma * CustomerFactory.gaussian(r)));
        return Math.max(min, Math.min(max, v));
    }
}
