package dev.switchboard.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Complaints opened in the last {@code days} days, counted by week (the Monday it starts), category and
 * the customer's segment, and in total by category and by segment.
 */
public record ComplaintReportView(int days, int total, List<Cell> byWeek, List<Count> byCategory,
                                  List<Count> bySegment) {
    public record Cell(LocalDate week, String category, String segment, int complaints) {
    }

    public record Count(String name, int complaints) {
    }
}
