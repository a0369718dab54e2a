package dev.switchboard.server.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a session's token, or a client's address): each holds up to {@code burst}
 * requests and refills at {@code perSecond}. A bucket left full for a minute is dropped, so clients
 * that went away cost nothing; a dropped bucket comes back full, as it would have been.
 */
public final class RateLimiter {
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int SWEEP_EVERY = 4096;

    /** A sustained rate and the burst on top of it; {@code perSecond <= 0} means no limit. */
    public record Rate(double perSecond, int burst) {
        public static final Rate UNLIMITED = new Rate(0, 0);

        public Rate {
            if (perSecond > 0 && burst < 1) {
                throw new IllegalArgumentException("a limited rate needs a burst of at least 1");
            }
        }

        public boolean limited() {
            return perSecond > 0;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final LongSupplier nanoTime;

    public RateLimiter() {
        this(System::nanoTime);
    }

    /** With its own clock in nanoseconds (tests). */
    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request from the key's bucket: 0 when it may go ahead, otherwise how many nanoseconds
     * until it could (nothing is taken then).
     */
    public long take(String key, Rate rate) {
        if (!rate.limited()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> b.idle(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(rate, now)).take(now);
    }

    /** How many buckets are held (clients seen within the last minute or so). */
    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final Rate rate;
        private double tokens;
        private long last;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate.perSecond() * 1e9);
        }

        /** Full again and untouched for a while: dropping it changes nothing. */
        synchronized boolean idle(long now) {
            long refillNanos = (long) (rate.burst() / rate.perSecond() * 1e9);
            return now - last >= Math.max(IDLE_NANOS, refillNanos);
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(rate.burst(), tokens + (now - last) / 1e9 * rate.perSecond());
                last = now;
            }
        }
    }
}
