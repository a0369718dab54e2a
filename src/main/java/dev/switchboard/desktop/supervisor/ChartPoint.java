package dev.switchboard.desktop.supervisor;

import java.time.Instant;

/**
 * One 15-minute interval as the chart draws it: its start ("10:15"), the contacts offered, answered and
 * abandoned in it, and the service level they reached (null when nothing counts yet).
 */
public record ChartPoint(Instant start, String label, long offered, long answered, long abandoned,
                         Double serviceLevel) {
}
