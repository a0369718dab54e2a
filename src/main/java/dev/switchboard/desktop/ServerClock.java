package dev.switchboard.desktop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The desktop's clock, kept in step with the server's: offer deadlines, waiting times and wrap-up
 * countdowns are server times, and reading them against a desktop clock that runs a few seconds
 * off would make every timer lie. The offset is taken from the server time each stream connection
 * starts with.
 */
public final class ServerClock extends Clock {
    private final Clock local;
    private volatile Duration offset = Duration.ZERO;

    public ServerClock(Clock local) {
        this.local = local;
    }

    /** The server said it is {@code serverTime} now. */
    public void seen(Instant serverTime) {
        if (serverTime != null) {
            offset = Duration.between(local.instant(), serverTime);
        }
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ServerClock c = new ServerClock(local.withZone(zone));
        c.offset = offset;
        return c;
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }
}
