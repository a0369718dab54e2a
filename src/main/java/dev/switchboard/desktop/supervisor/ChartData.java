package dev.switchboard.desktop.supervisor;

import java.util.List;

/**
 * What the chart of today shows: the intervals, oldest first; the service-level target to draw (null
 * when the queues shown have different targets, then {@code note} says so); and the caption.
 */
public record ChartData(List<ChartPoint> points, Integer target, String caption, String note) {
    static final ChartData EMPTY = new ChartData(List.of(), null, "", "");

    boolean hasContacts() {
        return points.stream().anyMatch(p -> p.offered() > 0);
    }
}
