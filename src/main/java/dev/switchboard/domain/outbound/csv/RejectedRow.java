package dev.switchboard.domain.outbound.csv;

import java.util.List;

/**
 * A row that became no record: the file line it starts on (the header is line 1, as a text editor
 * counts) and every problem found in it, each with a message naming the column and the value.
 */
public record RejectedRow(int line, List<Issue> issues) {
    public RejectedRow {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a rejected row has at least one problem");
        }
        issues = List.copyOf(issues);
    }

    /** One problem of a row. */
    public record Issue(RowProblem problem, String message) {
    }

    public List<RowProblem> problems() {
        return issues.stream().map(Issue::problem).toList();
    }
}
