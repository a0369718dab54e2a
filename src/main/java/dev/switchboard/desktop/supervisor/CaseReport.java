package dev.switchboard.desktop.supervisor;

import java.util.List;

/**
 * A case report as the dialog shows it, every figure already in words: first response against target
 * per ticket kind, and the complaints of the same days by category, segment and week.
 *
 * @param days          the period the figures are for (the one asked, even if another is chosen since)
 * @param kindsCaption  what the first-response table counts, with its period
 * @param kindsEmpty    the table's text when no ticket was opened
 * @param complaintsText the total in words, or that there were none
 * @param categories    the week table's columns after the week, largest category first
 */
public record CaseReport(int days, String kindsCaption, String kindsEmpty, List<KindLine> kinds, int complaints,
                         String complaintsText, List<CountLine> byCategory, List<CountLine> bySegment,
                         List<String> categories, List<WeekLine> weeks) {

    /** One ticket kind; {@code overTarget} when its median first response is longer than its target. */
    public record KindLine(String kind, int opened, int answered, String average, String median, String target,
                           String withinTarget, boolean overTarget, String note) {
    }

    /** A category or segment; {@code share} of the largest one, for the length of its bar. */
    public record CountLine(String name, int complaints, double share, String tip) {
    }

    /** A week (by its Monday): the complaints of each of {@link #categories()}, in that order, and all. */
    public record WeekLine(String week, List<Integer> counts, int total) {
    }
}
