package dev.switchboard.desktop.customer;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;

import java.util.List;

/**
 * One customer that may be the same person, as the duplicate lists show it: the name, how to reach
 * them and where they live on one line, and why they were suggested on another.
 */
public record DuplicateRow(CustomerSummary customer, String name, String details, String reasons) {

    static DuplicateRow of(DuplicateView view) {
        CustomerSummary c = view.customer();
        return new DuplicateRow(c, c.displayName(), details(c), String.join(" · ", view.reasons()));
    }

    /** Company, numbers and addresses, and the postcode, separated by dots; blank parts left out. */
    static String details(CustomerSummary c) {
        StringBuilder out = new StringBuilder();
        append(out, c.company());
        List<ContactPointView> points = c.contactPoints() == null ? List.of() : c.contactPoints();
        for (ContactPointView p : points) {
            append(out, p.display() == null || p.display().isBlank() ? p.value() : p.display());
        }
        append(out, c.address() == null ? null : c.address().postcode());
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("  ·  ");
        }
        out.append(part.strip());
    }
}
