package dev.switchboard.metrics;

import java.time.Duration;

/**
 * A queue's service-level target: {@code targetPercent} of contacts answered within {@code threshold}.
 *
 * @param threshold     the answer-time target; a wait equal to it still meets it; positive
 * @param targetPercent the share to reach, in (0, 100]
 * @param shortAbandon  abandons sooner than this are not counted at all (neither offered nor abandoned):
 *                      the caller hung up before anyone could have answered; zero counts every abandon;
 *                      at most the threshold, so that a counted abandon can never be hidden
 * @param treatment     how counted abandons enter the service level
 */
public record ServiceLevelSettings(Duration threshold, double targetPercent, Duration shortAbandon,
                                   AbandonTreatment treatment) {

    public ServiceLevelSettings {
        if (threshold == null || threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        if (!(targetPercent > 0 && targetPercent <= 100)) {
            throw new IllegalArgumentException("targetPercent must be in (0, 100]");
        }
        if (shortAbandon == null || shortAbandon.isNegative()) {
            throw new IllegalArgumentException("shortAbandon must be zero or positive");
        }
        if (shortAbandon.compareTo(threshold) > 0) {
            throw new IllegalArgumentException("shortAbandon must not exceed the threshold");
        }
        if (treatment == null) {
            throw new IllegalArgumentException("treatment is required");
        }
    }
}
