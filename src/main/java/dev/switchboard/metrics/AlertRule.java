package dev.switchboard.metrics;

import java.time.Duration;

/**
 * A condition a supervisor wants to hear about. Each fires only when strictly past its edge, so a
 * value exactly at the edge stays quiet.
 */
public sealed interface AlertRule {

    /**
     * The longest-waiting contact of a queue has used more than this fraction of the service-level
     * threshold: WARNING; past the threshold itself (that contact can no longer meet it): CRITICAL.
     */
    record LongestWaitOver(double fractionOfThreshold) implements AlertRule {
        public LongestWaitOver {
            if (!(fractionOfThreshold > 0 && fractionOfThreshold <= 1)) {
                throw new IllegalArgumentException("fractionOfThreshold must be in (0, 1]");
            }
        }
    }

    /**
     * The last 30 minutes' service level is under the queue's target: WARNING; more than
     * {@code criticalMarginPoints} percentage points under it: CRITICAL.
     */
    record ServiceLevelUnder(double criticalMarginPoints) implements AlertRule {
        public ServiceLevelUnder {
            if (!(criticalMarginPoints >= 0) || Double.isInfinite(criticalMarginPoints)) {
                throw new IllegalArgumentException("criticalMarginPoints must be zero or positive");
            }
        }
    }

    /** An agent has been not ready for longer than the limit: WARNING; longer than twice it: CRITICAL. */
    record NotReadyLonger(Duration limit) implements AlertRule {
        public NotReadyLonger {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }
    }
}
