package dev.switchboard.app.bench;

import java.util.Arrays;

/**
 * Frame intervals over a period, in milliseconds: percentiles by nearest rank, the longest, how many
 * went over 50 ms, and the stalls (over 250 ms) with the time they took together.
 */
record FrameStats(int count, double p50, double p90, double p99, double max, int over50ms, int stalls,
                  double stalledMs, double periodMs) {
    static final double STALL_MS = 250;
    static final double LONG_MS = 50;

    static FrameStats of(long[] intervalNanos, long periodNanos) {
        long[] sorted = intervalNanos.clone();
        Arrays.sort(sorted);
        int over50 = 0;
        int stalls = 0;
        double stalled = 0;
        for (long v : sorted) {
            double ms = v / 1e6;
            if (ms > LONG_MS) {
                over50++;
            }
            if (ms > STALL_MS) {
                stalls++;
                stalled += ms;
            }
        }
        return new FrameStats(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, over50, stalls, stalled,
                periodNanos / 1e6);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int r = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))] / 1e6;
    }

    /** Frames drawn per second of the period. */
    double framesPerSecond() {
        return periodMs <= 0 ? 0 : count / (periodMs / 1000);
    }
}
