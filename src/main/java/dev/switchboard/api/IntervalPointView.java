package dev.switchboard.api;

import java.time.Instant;

/**
 * One 15-minute interval of a queue: contacts offered, answered and abandoned in it (those that
 * joined the queue in it), and the service level they reached (null when nothing counts yet).
 */
public record IntervalPointView(Instant start, long offered, long answered, long abandoned,
                                Double serviceLevelPercent) {
}
