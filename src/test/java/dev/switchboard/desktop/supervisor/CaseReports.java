package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.ComplaintReportView.Cell;
import dev.switchboard.api.ComplaintReportView.Count;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.api.FirstResponseReportView.Row;
import dev.switchboard.domain.TicketKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A month of tickets as the server reports them: problems answered later than their target at the
 * median, no requests at all, and 14 complaints over four weeks, one of them without complaints.
 */
final class CaseReports {
    private CaseReports() {
    }

    static FirstResponseReportView firstResponses() {
        return new FirstResponseReportView(30, List.of(
                new Row(TicketKind.QUESTION, 42, 40, 38.4, 31.0, 60, 88.1),
                new Row(TicketKind.PROBLEM, 18, 15, 212.6, 245.5, 240, 61.1),
                new Row(TicketKind.REQUEST, 0, 0, null, null, 480, null),
                new Row(TicketKind.COMPLAINT, 7, 5, 150.2, 65.0, 120, 71.4)), List.of());
    }

    static ComplaintReportView complaints() {
        LocalDate w1 = LocalDate.of(2025, 10, 20);
        LocalDate w2 = LocalDate.of(2025, 10, 27);
        LocalDate w4 = LocalDate.of(2025, 11, 10);
        return new ComplaintReportView(30, 14, List.of(
                new Cell(w1, "Billing", "Retail", 2),
                new Cell(w1, "Delivery", "Business", 1),
                new Cell(w2, "Billing", "Business", 2),
                new Cell(w2, "Product quality", "Retail", 1),
                new Cell(w2, "none", "none", 1),
                new Cell(w4, "Billing", "Retail", 2),
                new Cell(w4, "Delivery", "Retail", 2),
                new Cell(w4, "Delivery", "Business", 1),
                new Cell(w4, "Product quality", "Business", 2)),
                List.of(new Count("Billing", 6), new Count("Delivery", 4), new Count("Product quality", 3),
                        new Count("none", 1)),
                // not in order: the desktop puts the largest first
                List.of(new Count("none", 1), new Count("Business", 6), new Count("Retail", 7)));
    }
}
