package dev.switchboard.server.security;

import dev.switchboard.api.ApiError;
import dev.switchboard.server.ApiProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Rate limits on {@code /api/v1}, checked before anything else of a request: a bucket per session
 * token, and a bucket per client address for sign-ins and every request without a live token (so
 * made-up tokens cannot open buckets of their own). Over the limit is a 429 with
 * {@code Retry-After} and a JSON body. The event stream is one long request, so only its connect
 * counts. Also answers a locked sign-in ({@link SignInLocked}) with 429, {@code Retry-After} and when.
 */
public final class RequestGuard {
    private static final String API = "/api/v1/";

    private final RateLimits limits;
    private final Predicate<String> liveToken;
    private final Clock clock;
    private final RateLimiter limiter = new RateLimiter();

    /** Per session and per client address (for sign-ins and requests without a live session). */
    public record RateLimits(RateLimiter.Rate perToken, RateLimiter.Rate perAddress) {
        /** 50 requests a second with bursts of 100 per session; 20 a second, bursts of 200, per address. */
        public static final RateLimits DEFAULT = new RateLimits(new RateLimiter.Rate(50, 100),
                new RateLimiter.Rate(20, 200));
        public static final RateLimits OFF = new RateLimits(RateLimiter.Rate.UNLIMITED, RateLimiter.Rate.UNLIMITED);

        /** {@code perSecond} sustained with bursts of twice as many; 0 or less: no limit. */
        public static RateLimiter.Rate rate(double perSecond) {
            return perSecond <= 0 ? RateLimiter.Rate.UNLIMITED
                    : new RateLimiter.Rate(perSecond, (int) Math.max(1, Math.min(Integer.MAX_VALUE, perSecond * 2)));
        }
    }

    public RequestGuard(RateLimits limits, Predicate<String> liveToken, Clock clock) {
        this.limits = limits;
        this.liveToken = liveToken;
        this.clock = clock;
    }

    /** Registers the check; call before the routes' own before-handlers, so it runs first. */
    public void install(JavalinConfig config) {
        config.routes.before(this::limit);
        config.routes.exception(SignInLocked.class, (e, ctx) -> {
            long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds() + 1);
            ctx.header("Retry-After", Long.toString(seconds));
            ctx.status(429).json(new ApiError("locked", "too many failed sign-ins for this user name: try again in "
                    + minutes(seconds) + " (after " + e.until() + ")", null));
        });
    }

    private void limit(Context ctx) {
        if (!ctx.path().startsWith(API)) {
            return;
        }
        String token = bearer(ctx);
        boolean session = token != null && !ctx.path().equals(API + "login") && liveToken.test(token);
        long waitNanos = session ? limiter.take("t:" + token, limits.perToken())
                : limiter.take("a:" + ctx.ip(), limits.perAddress());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiProblem(429, "rate_limited", "too many requests " + (session ? "for this session" : "from this address")
                    + ": at most " + rate(session ? limits.perToken() : limits.perAddress()) + "; try again in "
                    + seconds + " s", null);
        }
    }

    private static String rate(RateLimiter.Rate r) {
        String perSecond = r.perSecond() >= 1 ? String.format(java.util.Locale.ROOT, "%.0f", r.perSecond())
                : String.format(java.util.Locale.ROOT, "%.2f", r.perSecond());
        return perSecond + " a second, bursts of " + r.burst();
    }

    private static String minutes(long seconds) {
        return seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }
}
