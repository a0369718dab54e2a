package dev.switchboard.domain.outbound;

import java.time.Duration;

/**
 * Decides how many lines a campaign dials now.
 *
 * <p>Preview dials nothing; progressive dials one line per ready agent not yet covered by a call in
 * flight (1:1), which can never leave an answered call without an agent. Predictive dials more
 * than 1:1 only while the rolling abandon rate leaves room. It takes the largest number of lines
 * for which both hold:
 * <ul>
 *   <li>the abandons expected among all calls out stay under a safety share of the limit of the
 *       answers expected from them, so room is spent evenly, never in one burst;</li>
 *   <li>the chance that the calls out push the window's rate over the limit stays under
 *       {@link Settings#maxBreachChance()}, so a window with few answered calls (early in a shift)
 *       or already near the limit holds the pacer back.</li>
 * </ul>
 * Both are computed exactly for a simple model: each call out is answered with the measured answer
 * rate (its upper confidence bound, since it is measured on a sample); the agents free when calls
 * are answered are the ready ones plus each finishing agent with the chance that a call of the
 * measured average handle time ends within the measured ring time (memoryless). At or above the
 * limit, and until the window holds enough answered calls to trust the rates, it backs off to 1:1.
 */
public final class PredictivePacer {

    /**
     * @param safety            the share of the limit the pacer aims for (0.8: 2.4 % for a 3 % limit),
     *                          room for chance and for answered calls leaving the window
     * @param minAnswered       answered calls the window must hold before the pacer dials more than 1:1
     * @param maxLinesPerAgent  a hard ceiling on calls in flight per ready or finishing agent
     * @param maxBreachChance   the largest chance the pacer accepts that the calls out push the rolling
     *                          abandon rate over the limit (0.01: one in a hundred)
     */
    public record Settings(double safety, int minAnswered, double maxLinesPerAgent, double maxBreachChance) {
        public Settings {
            if (!(safety > 0 && safety <= 1)) {
                throw new IllegalArgumentException("safety is a share of the limit, above 0 and at most 1");
            }
            if (minAnswered < 1 || maxLinesPerAgent < 1) {
                throw new IllegalArgumentException("at least one answered call and one line per agent");
            }
            if (!(maxBreachChance > 0 && maxBreachChance < 1)) {
                throw new IllegalArgumentException("the breach chance is a probability above 0 and below 1");
            }
        }

        public static Settings standard() {
            return new Settings(0.8, 30, 3.0, 0.002);
        }
    }

    private final Settings settings;

    public PredictivePacer(Settings settings) {
        this.settings = settings;
    }

    /** Lines to dial now for a campaign in {@code mode} whose abandon limit is {@code maxAbandonRate}. */
    public PacingDecision pace(DiallingMode mode, double maxAbandonRate, PacerInput in) {
        int oneToOne = Math.max(0, in.readyAgents() - in.callsInFlight());
        switch (mode) {
            case PREVIEW:
                return new PacingDecision(0, PacingDecision.Basis.PREVIEW);
            case PROGRESSIVE:
                return new PacingDecision(oneToOne, PacingDecision.Basis.ONE_TO_ONE);
            default:
                break;
        }
        DialStats.Snapshot stats = in.stats();
        if (stats.answered() < settings.minAnswered()) {
            return new PacingDecision(oneToOne, PacingDecision.Basis.WARMING_UP);
        }
        if (stats.abandonRate() >= maxAbandonRate) {
            return new PacingDecision(oneToOne, PacingDecision.Basis.AT_ABANDON_LIMIT);
        }
        return new PacingDecision(predictive(in, oneToOne, maxAbandonRate * settings.safety(), maxAbandonRate),
                PacingDecision.Basis.PREDICTIVE);
    }

    private int predictive(PacerInput in, int oneToOne, double target, double limit) {
        DialStats.Snapshot stats = in.stats();
        int ceiling = (int) Math.floor(settings.maxLinesPerAgent() * (in.readyAgents() + in.agentsFinishing()))
                - in.callsInFlight();
        if (ceiling <= oneToOne || stats.answerRate() <= 0) {
            return oneToOne;
        }
        // the measured rate comes from a sample: plan with its upper bound, so a lucky stretch of
        // unanswered calls does not talk the pacer into a burst
        double p = Math.min(1, stats.answerRate()
                + 2 * Math.sqrt(stats.answerRate() * (1 - stats.answerRate()) / stats.ended()));
        Agents agents = Agents.of(in, ceiling + in.callsInFlight());
        // distribution of the number of answers among the calls out, grown one call at a time
        double[] answers = new double[ceiling + in.callsInFlight() + 1];
        answers[0] = 1;
        int out = 0;
        for (; out < in.callsInFlight() + oneToOne; out++) {
            addCall(answers, out, p);
        }
        int lines = oneToOne;
        while (lines < ceiling) {
            addCall(answers, out, p);
            out++;
            double expectedAbandons = 0;
            double breach = 0;
            for (int x = 0; x <= out; x++) {
                expectedAbandons += answers[x] * agents.expectedShortfall(x);
                // the window passes the limit when abandons exceed its room after these x answers
                double room = limit * (stats.answered() + x) - stats.abandoned();
                breach += answers[x] * agents.chanceShortfallAbove(x, room);
            }
            if (expectedAbandons > target * p * out || breach > settings.maxBreachChance()) {
                break;
            }
            lines++;
        }
        return lines;
    }

    /** One more call out of {@code out}: the answer count goes up by one with probability p. */
    private static void addCall(double[] answers, int out, double p) {
        for (int x = out + 1; x > 0; x--) {
            answers[x] = answers[x] * (1 - p) + answers[x - 1] * p;
        }
        answers[0] *= 1 - p;
    }

    /**
     * The agents free when the calls out are answered: the ready ones, plus each finishing agent with
     * the chance that a call of the average handle time ends within the average ring time.
     */
    private record Agents(int ready, double[] finishedCdf, double[] shortfall) {
        static Agents of(PacerInput in, int maxAnswers) {
            double q = finishChance(in.stats().averageRingTime(), in.averageHandleTime());
            double[] finished = new double[in.agentsFinishing() + 1];
            finished[0] = 1;
            for (int k = 0; k < in.agentsFinishing(); k++) {
                addCall(finished, k, q);
            }
            double[] cdf = new double[finished.length];
            double sum = 0;
            for (int f = 0; f < finished.length; f++) {
                sum += finished[f];
                cdf[f] = sum;
            }
            double[] shortfall = new double[maxAnswers + 1];
            for (int x = 0; x <= maxAnswers; x++) {
                double expected = 0;
                for (int f = 0; f < finished.length && x - in.readyAgents() - f > 0; f++) {
                    expected += finished[f] * (x - in.readyAgents() - f);
                }
                shortfall[x] = expected;
            }
            return new Agents(in.readyAgents(), cdf, shortfall);
        }

        /** E[max(0, x - free agents)]: answers expected to find no agent when x calls are answered. */
        double expectedShortfall(int x) {
            return shortfall[x];
        }

        /** P(x - free agents > room): the chance x answers leave more than {@code room} without an agent. */
        double chanceShortfallAbove(int x, double room) {
            if (room < 0) {
                return 1;
            }
            double bound = x - ready - room;   // shortfall > room  <=>  finished agents f < bound
            if (bound <= 0) {
                return 0;
            }
            int most = (int) Math.ceil(bound) - 1;
            return finishedCdf[Math.min(most, finishedCdf.length - 1)];
        }
    }

    private static double finishChance(Duration ring, Duration handle) {
        if (handle.isZero() || handle.isNegative()) {
            return 1;
        }
        return 1 - Math.exp(-(double) ring.toMillis() / handle.toMillis());
    }
}
