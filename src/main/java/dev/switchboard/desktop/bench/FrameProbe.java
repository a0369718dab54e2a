package dev.switchboard.desktop.bench;

import dev.switchboard.desktop.FxThread;
import javafx.animation.AnimationTimer;

import java.util.Arrays;

/**
 * Frame intervals of the JavaFX application thread, for the benchmark (P8): an {@link AnimationTimer}
 * notes the wall-clock time at every pulse's animation step, and an interval is the time from one
 * pulse to the next. A running timer asks the toolkit for a pulse every frame, so while the thread
 * keeps up the intervals are the toolkit's frame period (60 a second unless {@code javafx.animation.pulse}
 * says otherwise); whatever holds the thread (event handling, layout, drawing, a task's result) shows
 * as a longer one.
 *
 * <p>Call from any thread but the FX thread; it hops there itself.
 */
public final class FrameProbe {
    private final Timer timer = new Timer();

    private FrameProbe() {
    }

    /** A probe that records from now on. */
    public static FrameProbe start() {
        FrameProbe probe = new FrameProbe();
        FxThread.callAndWait(() -> {
            probe.timer.start();
            return null;
        });
        return probe;
    }

    /** Stops recording; what was recorded stays readable. */
    public void stop() {
        FxThread.callAndWait(() -> {
            timer.stop();
            return null;
        });
    }

    /** The intervals in nanoseconds that ended in [{@code fromNanos}, {@code toNanos}) of {@code System.nanoTime()}. */
    public long[] intervalsBetween(long fromNanos, long toNanos) {
        return timer.between(fromNanos, toNanos, false);
    }

    /** When each of those intervals ended ({@code System.nanoTime()}), in the same order. */
    public long[] endsBetween(long fromNanos, long toNanos) {
        return timer.between(fromNanos, toNanos, true);
    }

    private static final class Timer extends AnimationTimer {
        private long[] ends = new long[8192];
        private long[] intervals = new long[8192];
        private int n;
        private long last = -1;

        @Override
        public void handle(long pulseNanos) {
            // the time the pulse's animations actually run, not its scheduled time: a late pulse counts as late
            long now = System.nanoTime();
            if (last >= 0) {
                add(now, now - last);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = -1;
        }

        private synchronized void add(long end, long interval) {
            if (n == ends.length) {
                ends = Arrays.copyOf(ends, n * 2);
                intervals = Arrays.copyOf(intervals, n * 2);
            }
            ends[n] = end;
            intervals[n] = interval;
            n++;
        }

        synchronized long[] between(long fromNanos, long toNanos, boolean wantEnds) {
            long[] picked = new long[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (ends[i] >= fromNanos && ends[i] < toNanos) {
                    picked[k++] = wantEnds ? ends[i] : intervals[i];
                }
            }
            return Arrays.copyOf(picked, k);
        }
    }
}
