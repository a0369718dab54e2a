package dev.switchboard.desktop.supervisor;

import java.util.List;

/**
 * A queue's tile, every text ready to show: its priority ("Priority 5"), the service level of the last 30 minutes (big, coloured)
 * with its target, who waits now, the staffing, and the numbers of the last 30 minutes beside today's.
 */
public record QueueTile(long queueId, String name, int priority, String priorityText, KpiCell serviceLevel, String target, String waiting,
                        String longestWait, Level waitLevel, String staffing, Level staffLevel, List<Row> rows) {

    /** A line of the table on the tile: the KPI's name, its last 30 minutes and its today. */
    public record Row(String label, KpiCell recent, KpiCell today) {
    }
}
