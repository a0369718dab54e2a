package dev.switchboard.api;

import dev.switchboard.domain.TicketKind;

import java.util.List;

/**
 * First response against target, per ticket kind, for the tickets opened in the last {@code days} days:
 * how many, how many answered, the average and median first response in business minutes (paused
 * time not counted), the target (the kind's NORMAL-priority one) and the share answered within their
 * own targets. {@code tickets} lists each ticket's figure.
 */
public record FirstResponseReportView(int days, List<Row> kinds, List<Ticket> tickets) {
    public record Row(TicketKind kind, int opened, int answered, Double averageMinutes, Double medianMinutes,
                      Integer targetMinutes, Double metPercent) {
    }

    public record Ticket(long ticketId, TicketKind kind, Long firstResponseMinutes, int targetMinutes, boolean met) {
    }
}
