package dev.switchboard.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The chart of today: each queue's 15-minute intervals from the day's start (in the centre's zone)
 * up to the current one, computed with the given treatment of abandons and short-abandon cut-off.
 */
public record SupervisorIntervalsView(LocalDate day, Instant at, String abandonTreatment, int shortAbandonSeconds,
                                      List<IntervalSeriesView> queues) {
}
