package dev.switchboard.api;

import java.util.List;

/** Today's 15-minute intervals of one queue, oldest first, with the queue's service-level target. */
public record IntervalSeriesView(long queueId, String name, int slPercent, int slSeconds,
                                 List<IntervalPointView> points) {
}
