package dev.switchboard.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * Erlang C staffing: how many agents a steady load needs. Assumes random (Poisson) arrivals,
 * exponential handle times and callers who never give up, so it errs on the side of more agents.
 *
 * <p>Traffic A (Erlangs) = arrivals per second × AHT in seconds. With N agents:
 * <ul>
 *   <li>probability of waiting Pw = Erlang C(N, A), computed through the recursion
 *       B(0) = 1, B(k) = A·B(k−1) ÷ (k + A·B(k−1)) for Erlang B, then C = N·B ÷ (N − A·(1 − B)), which
 *       stays accurate for hundreds of agents where factorials overflow;</li>
 *   <li>service level = (1 − Pw · e^(−(N − A) · T ÷ AHT)) × 100 for threshold T;</li>
 *   <li>average speed of answer = Pw · AHT ÷ (N − A).</li>
 * </ul>
 * With N ≤ A the queue grows without end: Pw = 1 and the service level is 0.
 */
public final class ErlangC {
    /** agentsNeeded gives up beyond this many agents. */
    public static final int MAX_AGENTS = 10_000;

    private ErlangC() {
    }

    /** A = arrivals per second × AHT in seconds. */
    public static double trafficErlangs(double arrivalsPerSecond, Duration aht) {
        requireRate(arrivalsPerSecond);
        return arrivalsPerSecond * seconds(aht, "aht");
    }

    /** The probability that a contact has to wait, in [0, 1]. */
    public static double probabilityOfWaiting(double trafficErlangs, int agents) {
        if (!(trafficErlangs >= 0) || Double.isInfinite(trafficErlangs)) {
            throw new IllegalArgumentException("trafficErlangs must be zero or positive");
        }
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be zero or positive");
        }
        if (trafficErlangs == 0) {
            return 0.0;
        }
        if (agents <= trafficErlangs) {
            return 1.0;
        }
        double b = 1.0;
        for (int k = 1; k <= agents; k++) {
            b = trafficErlangs * b / (k + trafficErlangs * b);
        }
        return erlangC(b, trafficErlangs, agents);
    }

    private static double erlangC(double erlangB, double a, int n) {
        return n * erlangB / (n - a * (1 - erlangB));
    }

    /** The percentage of contacts answered within the threshold, in [0, 100]. */
    public static double serviceLevel(int agents, double arrivalsPerSecond, Duration aht, Duration threshold) {
        double a = trafficErlangs(arrivalsPerSecond, aht);
        return serviceLevel(probabilityOfWaiting(a, agents), a, agents, seconds(aht, "aht"),
                seconds(threshold, "threshold"));
    }

    private static double serviceLevel(double pw, double a, int n, double ahtSeconds, double thresholdSeconds) {
        if (a == 0) {
            return 100.0;
        }
        if (n <= a) {
            return 0.0;
        }
        return Math.max(0.0, (1 - pw * Math.exp(-(n - a) * thresholdSeconds / ahtSeconds)) * 100);
    }

    /** The expected wait of a contact; empty when the agents cannot keep up (N ≤ A). */
    public static Optional<Duration> averageSpeedOfAnswer(int agents, double arrivalsPerSecond, Duration aht) {
        double a = trafficErlangs(arrivalsPerSecond, aht);
        if (a == 0) {
            return Optional.of(Duration.ZERO);
        }
        if (agents <= a) {
            return Optional.empty();
        }
        double s = probabilityOfWaiting(a, agents) * seconds(aht, "aht") / (agents - a);
        return Optional.of(Duration.ofNanos(Math.round(s * 1e9)));
    }

    /**
     * The fewest agents whose service level reaches {@code targetPercent} (0 when nothing arrives).
     *
     * @throws IllegalArgumentException if the target is outside (0, 100) or the load needs more than
     *                                  {@link #MAX_AGENTS}
     */
    public static int agentsNeeded(double arrivalsPerSecond, Duration aht, Duration threshold, double targetPercent) {
        if (!(targetPercent > 0 && targetPercent < 100)) {
            throw new IllegalArgumentException("targetPercent must be in (0, 100)");
        }
        double a = trafficErlangs(arrivalsPerSecond, aht);
        double ahtSeconds = seconds(aht, "aht");
        double thresholdSeconds = seconds(threshold, "threshold");
        if (a == 0) {
            return 0;
        }
        double b = 1.0;
        for (int n = 1; n <= MAX_AGENTS; n++) {
            b = a * b / (n + a * b);
            if (n > a && serviceLevel(erlangC(b, a, n), a, n, ahtSeconds, thresholdSeconds) >= targetPercent) {
                return n;
            }
        }
        throw new IllegalArgumentException("arrivalsPerSecond needs more than " + MAX_AGENTS + " agents");
    }

    private static void requireRate(double arrivalsPerSecond) {
        if (!(arrivalsPerSecond >= 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new IllegalArgumentException("arrivalsPerSecond must be zero or positive");
        }
    }

    private static double seconds(Duration d, String name) {
        if (d == null || d.isNegative() || (d.isZero() && name.equals("aht"))) {
            throw new IllegalArgumentException(name + " must be " + (name.equals("aht") ? "positive" : "zero or positive"));
        }
        return d.toNanos() / 1e9;
    }
}
