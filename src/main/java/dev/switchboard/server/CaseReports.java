package dev.switchboard.server;

import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.sla.BusinessCalendar;
import dev.switchboard.store.CaseStore;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The supervisor's case reports: first response against target, and complaints over time. */
public final class CaseReports {
    private final CaseStore cases;
    private final CaseService service;
    private final Clock clock;

    public CaseReports(CaseStore cases, CaseService service, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Each ticket's first response in business minutes, less the time it waited on the customer
     * before it; averages and medians per kind over the answered ones.
     */
    public FirstResponseReportView firstResponses(int days) {
        Instant now = clock.instant();
        BusinessCalendar cal = service.calendar();
        Map<TicketKind, List<FirstResponseReportView.Ticket>> byKind = new EnumMap<>(TicketKind.class);
        List<FirstResponseReportView.Ticket> all = new ArrayList<>();
        for (CaseStore.FirstResponse f : cases.firstResponses(now.minus(Duration.ofDays(days)))) {
            Long minutes = null;
            boolean met;
            if (f.respondedAt() != null) {
                long ms = Math.max(0, cal.between(f.startedAt(), f.respondedAt()).toMillis() - f.pausedMillis());
                minutes = ms / 60_000;
                met = minutes <= f.targetMinutes();
            } else {
                met = false;
            }
            var row = new FirstResponseReportView.Ticket(f.ticketId(), f.kind(), minutes, f.targetMinutes(), met);
            all.add(row);
            byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(row);
        }
        Map<TicketKind, Integer> normalTargets = new EnumMap<>(TicketKind.class);
        for (CaseStore.Policy p : cases.policies()) {
            if (p.priority() == TicketPriority.NORMAL) {
                normalTargets.put(p.kind(), p.responseMinutes());
            }
        }
        List<FirstResponseReportView.Row> rows = new ArrayList<>();
        for (TicketKind kind : TicketKind.values()) {
            List<FirstResponseReportView.Ticket> list = byKind.getOrDefault(kind, List.of());
            List<Long> answered = list.stream().filter(t -> t.firstResponseMinutes() != null)
                    .map(FirstResponseReportView.Ticket::firstResponseMinutes).sorted().toList();
            Double average = answered.isEmpty() ? null : answered.stream().mapToLong(Long::longValue).average().orElse(0);
            Double median = answered.isEmpty() ? null : median(answered);
            Double met = list.isEmpty() ? null : 100.0 * list.stream().filter(FirstResponseReportView.Ticket::met).count()
                    / list.size();
            rows.add(new FirstResponseReportView.Row(kind, list.size(), answered.size(), round(average), round(median),
                    normalTargets.get(kind), round(met)));
        }
        return new FirstResponseReportView(days, rows, all);
    }

    static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    /** Complaints by week, category and segment (a customer without a segment counts as "none"). */
    public ComplaintReportView complaints(int days) {
        Instant now = clock.instant();
        List<CaseStore.ComplaintRow> rows = cases.complaints(now.minus(Duration.ofDays(days)));
        Map<String, Integer> cells = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> segments = new TreeMap<>();
        for (CaseStore.ComplaintRow r : rows) {
            LocalDate week = r.openedAt().atZone(service.zone()).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String category = name(r.category());
            String segment = name(r.segment());
            cells.merge(week + "\u0000" + category + "\u0000" + segment, 1, Integer::sum);
            categories.merge(category, 1, Integer::sum);
            segments.merge(segment, 1, Integer::sum);
        }
        List<ComplaintReportView.Cell> byWeek = cells.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\u0000", -1);
            return new ComplaintReportView.Cell(LocalDate.parse(k[0]), k[1], k[2], e.getValue());
        }).toList();
        return new ComplaintReportView(days, rows.size(), byWeek, counts(categories), counts(segments));
    }

    private static List<ComplaintReportView.Count> counts(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> new ComplaintReportView.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ComplaintReportView.Count::complaints).reversed()
                        .thenComparing(ComplaintReportView.Count::name))
                .toList();
    }

    private static String name(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }
}
