package dev.switchboard.store.demo;

import dev.switchboard.store.demo.DemoCustomer.Purchase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A customer's purchases and refunds from sign-up to now. They net to exactly the customer's lifetime
 * value, so the value the card works out from them agrees with the segment the customer is in.
 *
 * <p>Each customer buys a few times a year, more often in the higher segments. Most keep to that
 * rhythm; some slow down or stop (so the card shows a growing gap between purchases), and some keep
 * buying but spend far less in the last year (so it shows declining spend).
 *
 * <p>Purchase times come from a schedule (sign-up, then one every period), each moved by up to 15 %
 * of the period, rather than from gaps drawn one after the other. So gaps stay between 0.7 and 1.3
 * periods and every year holds about the same number of purchases: a steady customer does not drift
 * into looking like a leaving one by chance.
 */
final class PurchaseFactory {
    /** What the customer's buying looks like over time. */
    enum Story {
        /** Keeps to the rhythm until now. */
        STEADY,
        /** Keeps to it, then stops (a long silence) or buys once more after a long pause and goes quiet. */
        SLOWING,
        /** Keeps to it, but spends a tenth to a third as much in the last year as in the year before. */
        DROPPED
    }

    static final long DAY = 86_400L;
    static final long YEAR = 365 * DAY;
    /** A slowing customer needs a few regular purchases before the pause, so a usual gap exists. */
    static final long SLOWING_MIN_TENURE = 180 * DAY;
    /** A drop needs a year before the last one with purchases in it. */
    static final long DROPPED_MIN_TENURE = 400 * DAY;
    /**
     * Chances among the customers old enough for the story. Sign-ups grow towards now, so about 84 %
     * are old enough to slow down and 67 % for a drop: about 15 % and 10 % of all customers.
     */
    static final double SLOWING_RATE = 0.18;
    static final double DROPPED_RATE = 0.15;
    /**
     * Chance that a sale is refunded (all of it, or part of it) a few days to weeks later. The largest
     * sale never is, and refunds not due yet are left out, so about 3 % of all rows are refunds.
     */
    static final double REFUND_RATE = 0.04;
    /** How far a purchase may move from its scheduled time, as a share of the period, either way. */
    private static final double JITTER = 0.15;
    /** Regular purchases before a slowing customer's pause: four, so three gaps set the usual rhythm. */
    private static final double REGULAR_PERIODS = 3.2;
    /*
     * Purchases a year by segment, the more valuable the more often: 1.75 on average, which with
     * customers two years old on average gives a demo about four purchases per customer, each row as
     * dear to load as a contact point.
     */
    private static final Weighted<Integer> STANDARD_PER_YEAR = Weighted.of(List.of(1, 2), List.of(75, 25));
    private static final Weighted<Integer> SILVER_PER_YEAR = Weighted.of(List.of(1, 2, 3), List.of(40, 40, 20));
    private static final Weighted<Integer> GOLD_PER_YEAR = Weighted.of(List.of(2, 3, 4), List.of(45, 35, 20));
    private static final Weighted<Integer> PLATINUM_PER_YEAR = Weighted.of(List.of(3, 4, 6, 12),
            List.of(35, 35, 20, 10));

    private final long now;

    /** @param nowEpochSecond the demo's present: nothing is dated after it */
    PurchaseFactory(long nowEpochSecond) {
        this.now = nowEpochSecond;
    }

    /** The customer's purchases and refunds in time order, netting to its lifetime value. */
    List<Purchase> purchases(DemoCustomer customer, SplittableRandom r) {
        return purchases(customer, story(customer, r), r);
    }

    /** Draws the customer's story; a customer too new for a slowdown or a drop is steady. */
    Story story(DemoCustomer customer, SplittableRandom r) {
        long tenure = now - customer.createdAt().getEpochSecond();
        double x = r.nextDouble();
        if (x < DROPPED_RATE) {
            return tenure >= DROPPED_MIN_TENURE ? Story.DROPPED : Story.STEADY;
        }
        return x < DROPPED_RATE + SLOWING_RATE && tenure >= SLOWING_MIN_TENURE ? Story.SLOWING : Story.STEADY;
    }

    /**
     * The purchases for a given story; one the customer is too new for is told as {@link Story#STEADY}.
     * The same customer, story and random state give the same list.
     */
    List<Purchase> purchases(DemoCustomer customer, Story story, SplittableRandom r) {
        long start = customer.createdAt().getEpochSecond();
        long tenure = Math.max(0, now - start);
        if (story == Story.SLOWING && tenure < SLOWING_MIN_TENURE
                || story == Story.DROPPED && tenure < DROPPED_MIN_TENURE) {
            story = Story.STEADY;
        }
        int perYear = perYear(customer.segment()).pick(r);
        if (story == Story.DROPPED) {
            // Twice a year at least, so that the year before the last surely holds a purchase.
            perYear = Math.max(perYear, 2);
        }
        double period = (double) YEAR / perYear;
        long regularEnd = now;
        long lastAfterPause = -1;
        if (story == Story.SLOWING) {
            // Both ways of slowing leave a gap that is more than twice the longest regular one (1.3 periods).
            double silence = 2.8 + 2.2 * r.nextDouble();
            double pause = 2.7 + 0.8 * r.nextDouble();
            double quiet = 0.3 + 1.7 * r.nextDouble();
            boolean cameBack = r.nextBoolean();
            double periodsNeeded = REGULAR_PERIODS + (cameBack ? pause + quiet : silence);
            // A newer customer who slows down must have bought more often before, to show a rhythm at all.
            period = Math.min(period, tenure / periodsNeeded);
            if (cameBack) {
                lastAfterPause = now - (long) (quiet * period);
                regularEnd = lastAfterPause - (long) (pause * period);
            } else {
                regularEnd = now - (long) (silence * period);
            }
        }

        Sales sales = new Sales((int) (tenure / period) + 4);
        sales.add(start + (long) (r.nextDouble() * Math.min(Math.min(DAY, JITTER * period), tenure)), basket(r));
        for (int i = 1; ; i++) {
            long at = start + (long) (i * period + (2 * r.nextDouble() - 1) * JITTER * period);
            if (at > regularEnd) {
                break;
            }
            sales.add(at, basket(r));
        }
        if (lastAfterPause >= 0) {
            sales.add(lastAfterPause, basket(r));
        }
        if (story == Story.DROPPED) {
            sales.shrinkLastYear(now - YEAR, 0.1 + 0.2 * r.nextDouble());
        }
        return sales.toPurchases(customer.lifetimeCents(), now, r);
    }

    /** A basket's size relative to the customer's usual one. */
    private static double basket(SplittableRandom r) {
        return 0.7 + 0.6 * r.nextDouble();
    }

    private static Weighted<Integer> perYear(Segment segment) {
        return switch (segment) {
            case PLATINUM -> PLATINUM_PER_YEAR;
            case GOLD -> GOLD_PER_YEAR;
            case SILVER -> SILVER_PER_YEAR;
            case STANDARD -> STANDARD_PER_YEAR;
        };
    }

    /** One customer's sales as times and relative sizes, turned into cents once all are known. */
    private static final class Sales {
        private long[] times;
        private double[] weights;
        private int size;

        Sales(int capacity) {
            times = new long[capacity];
            weights = new double[capacity];
        }

        void add(long at, double weight) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            times[size] = at;
            weights[size] = weight;
            size++;
        }

        /**
         * Makes the spend after {@code yearAgo} {@code ratio} times that of the year before it. Relative
         * to that year rather than to a usual basket: a year may hold one purchase more than the other.
         */
        void shrinkLastYear(long yearAgo, double ratio) {
            double before = 0;
            double last = 0;
            for (int i = 0; i < size; i++) {
                if (times[i] > yearAgo) {
                    last += weights[i];
                } else if (times[i] > yearAgo - YEAR) {
                    before += weights[i];
                }
            }
            double factor = before > 0 && last > 0 ? ratio * before / last : ratio;
            for (int i = 0; i < size; i++) {
                if (times[i] > yearAgo) {
                    weights[i] *= factor;
                }
            }
        }

        /**
         * Draws the refunds (none dated after {@code now}), then scales everything to {@code totalCents}.
         * The largest sale is never refunded and takes the rounding remainder, so the net is exact and
         * no refund is larger than its sale.
         */
        List<Purchase> toPurchases(long totalCents, long now, SplittableRandom r) {
            int largest = 0;
            for (int i = 1; i < size; i++) {
                if (weights[i] > weights[largest]) {
                    largest = i;
                }
            }
            List<Refund> refunds = List.of();
            double net = 0;
            for (int i = 0; i < size; i++) {
                net += weights[i];
                if (i == largest || r.nextDouble() >= REFUND_RATE) {
                    continue;
                }
                long at = times[i] + 2 * DAY + (long) (r.nextDouble() * 40 * DAY);
                // Half are sent back whole; the rest in part (one item of several, a goodwill credit).
                double share = r.nextBoolean() ? 1 : 0.2 + 0.6 * r.nextDouble();
                if (at <= now) {
                    if (refunds.isEmpty()) {
                        refunds = new ArrayList<>(2);
                    }
                    refunds.add(new Refund(i, at, share));
                    net -= share * weights[i];
                }
            }
            double scale = totalCents / net;
            long[] cents = new long[size];
            long sum = 0;
            for (int i = 0; i < size; i++) {
                cents[i] = Math.max(1, Math.round(weights[i] * scale));
                sum += cents[i];
            }
            long[] refundCents = new long[refunds.size()];
            for (int j = 0; j < refundCents.length; j++) {
                Refund refund = refunds.get(j);
                refundCents[j] = Math.round(refund.share() * cents[refund.sale()]);
                sum -= refundCents[j];
            }
            cents[largest] += totalCents - sum;
            Purchase[] out = new Purchase[size + refundCents.length];
            for (int i = 0; i < size; i++) {
                out[i] = new Purchase(times[i], cents[i]);
            }
            for (int j = 0; j < refundCents.length; j++) {
                out[size + j] = new Purchase(refunds.get(j).at(), -refundCents[j]);
            }
            if (refundCents.length > 0) {
                // Stable: a refund never goes before a sale of the same second.
                Arrays.sort(out, Comparator.comparingLong(Purchase::at));
            }
            return List.of(out);
        }
    }

    private record Refund(int sale, long at, double share) {
    }
}
