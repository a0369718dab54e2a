package dev.switchboard.domain.outbound;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a record is tried again after an attempt that did not reach an agent, and how often at most.
 *
 * <p>{@code maxAttempts} counts every dial of the record, whatever its result. A result without an
 * entry in {@code retryAfter} is not retried: the record closes ({@link CloseReason#RESULT_NOT_RETRIED}).
 * The entry for {@code CONNECTED} is used for dispositions that are neither final nor callbacks.
 */
public record RetryPolicy(int maxAttempts, Map<AttemptResult, Duration> retryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a record must be allowed at least one attempt");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        retryAfter.forEach((result, delay) -> {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("the retry delay after " + result + " must be positive");
            }
        });
        retryAfter = Map.copyOf(retryAfter);
    }

    /**
     * Five attempts; busy after 15 minutes, no answer after 2 hours, a machine after 4 hours, a
     * failed network attempt after 30 minutes, someone reached but not the contact after a day, and
     * an abandoned call not within 72 hours (regulators ask that an abandoned contact is not called
     * again soon without a guaranteed agent).
     */
    public static RetryPolicy standard() {
        Map<AttemptResult, Duration> delays = new EnumMap<>(AttemptResult.class);
        delays.put(AttemptResult.BUSY, Duration.ofMinutes(15));
        delays.put(AttemptResult.NO_ANSWER, Duration.ofHours(2));
        delays.put(AttemptResult.ANSWERING_MACHINE, Duration.ofHours(4));
        delays.put(AttemptResult.FAILED, Duration.ofMinutes(30));
        delays.put(AttemptResult.CONNECTED, Duration.ofDays(1));
        delays.put(AttemptResult.ABANDONED, Duration.ofHours(72));
        return new RetryPolicy(5, delays);
    }

    public Optional<Duration> delayAfter(AttemptResult result) {
        return Optional.ofNullable(retryAfter.get(result));
    }
}
