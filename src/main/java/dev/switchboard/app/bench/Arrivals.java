package dev.switchboard.app.bench;

import java.util.Arrays;

/**
 * The events of one kind that reached one stream: each one's sequence number and when it arrived, in
 * arrival order. The server delivers a stream's events in sequence order, so the numbers grow and a
 * lookup is a binary search. Written by the reading thread only; read once the streams are closed.
 */
final class Arrivals {
    private long[] seqs;
    private long[] nanos;
    private int n;
    private long outOfOrder;

    Arrivals() {
        this(16);
    }

    Arrivals(int capacity) {
        seqs = new long[Math.max(1, capacity)];
        nanos = new long[seqs.length];
    }

    void add(long seq, long at) {
        if (n == seqs.length) {
            seqs = Arrays.copyOf(seqs, n * 2);
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        if (n > 0 && seq <= seqs[n - 1]) {
            outOfOrder++; // kept out of the lookups, which rely on the order; counted so a run shows it
            return;
        }
        seqs[n] = seq;
        nanos[n] = at;
        n++;
    }

    int size() {
        return n;
    }

    /** Events that arrived with a number not above the one before (none when the server keeps its order). */
    long outOfOrder() {
        return outOfOrder;
    }

    /** When the event numbered {@code seq} arrived, or -1 when it did not. */
    long at(long seq) {
        int i = firstFrom(seq);
        return i < n && seqs[i] == seq ? nanos[i] : -1;
    }

    /** When the first event numbered {@code seq} or later arrived, or -1 when none did. */
    long from(long seq) {
        int i = firstFrom(seq);
        return i < n ? nanos[i] : -1;
    }

    private int firstFrom(long seq) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seqs[mid] >= seq) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
