package dev.switchboard.domain.sla;

import java.time.Duration;
import java.util.Objects;

/** The business time allowed for the first response and for the resolution of a case. */
public record SlaTargets(Duration firstResponse, Duration resolution) {
    public SlaTargets {
        requirePositive(firstResponse, "first response");
        requirePositive(resolution, "resolution");
    }

    private static void requirePositive(Duration target, String what) {
        Objects.requireNonNull(target, what);
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the " + what + " target must be positive, got " + target);
        }
    }
}
