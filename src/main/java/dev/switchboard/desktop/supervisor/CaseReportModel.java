package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ComplaintReportView;
import dev.switchboard.api.FirstResponseReportView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The case report's figures for the period chosen (the last 7, 30 or 90 days). Both of the server's
 * reports are asked together in the background when the period is chosen and on Refresh; an answer to
 * an earlier ask is dropped, so the newest choice always wins. A failure leaves what was shown (its
 * captions name its own period) with the reason beside it; choosing again or Refresh retries.
 */
public final class CaseReportModel {
    public static final List<Integer> PERIODS = List.of(7, 30, 90);
    public static final int DEFAULT_PERIOD = 30;
    /** The server's name for a complaint without a category, or a customer without a segment. */
    static final String UNSET = "none";

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final BusinessTime time;
    private final DateTimeFormatter weekFormat;
    private final ReadOnlyIntegerWrapper period = new ReadOnlyIntegerWrapper(this, "period", DEFAULT_PERIOD);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<CaseReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private long generation;

    public CaseReportModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums,
                           ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.time = new BusinessTime(messages);
        this.weekFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
    }

    /** Shows the last {@code days} days, asking the server again even when they are already shown. */
    public void choose(int days) {
        period.set(days);
        load();
    }

    /** Asks again for the chosen period. */
    public void refresh() {
        load();
    }

    /** The dialog closed: answers still on their way are dropped. */
    public void close() {
        generation++;
        loading.set(false);
    }

    public ReadOnlyIntegerProperty periodProperty() {
        return period.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last ask failed, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The report shown; null until the first answer. */
    public ReadOnlyObjectProperty<CaseReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** "Last 30 days". */
    public String periodText(int days) {
        return messages.format("supervisor.caseReport.days", days);
    }

    private void load() {
        long asked = ++generation;
        int days = period.get();
        loading.set(true);
        error.set("");
        tasks.run(() -> new Answers(api.firstResponseReport(days), api.complaintReport(days)), answers -> {
            if (asked == generation) {
                loading.set(false);
                report.set(shape(days, answers));
            }
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                error.set(e instanceof ApiException a && a.status() == 403
                        ? messages.get("supervisor.caseReport.error.forbidden")
                        : messages.format("supervisor.caseReport.error", errors.of(e)));
            }
        });
    }

    private record Answers(FirstResponseReportView firstResponses, ComplaintReportView complaints) {
    }

    private CaseReport shape(int days, Answers answers) {
        List<FirstResponseReportView.Row> rows = answers.firstResponses() == null ? List.of()
                : list(answers.firstResponses().kinds());
        // a row per kind comes even when nothing was opened: then the table says so in words instead
        List<CaseReport.KindLine> kinds = rows.stream().allMatch(r -> r.opened() == 0) ? List.of()
                : rows.stream().map(this::kind).toList();
        ComplaintReportView c = answers.complaints();
        int total = c == null ? 0 : c.total();
        List<CaseReport.CountLine> byCategory = c == null ? List.of() : counts(c.byCategory(), total);
        List<CaseReport.CountLine> bySegment = c == null ? List.of() : counts(c.bySegment(), total);
        List<String> categories = categories(c, byCategory);
        return new CaseReport(days, messages.format("supervisor.caseReport.firstResponse.caption", days),
                messages.format("supervisor.caseReport.firstResponse.none", days), kinds, total,
                total == 0 ? messages.format("supervisor.caseReport.complaints.none", days)
                        : messages.format("supervisor.caseReport.complaints.total", total, days),
                byCategory, bySegment, categories, c == null ? List.of() : weeks(c, categories));
    }

    private CaseReport.KindLine kind(FirstResponseReportView.Row row) {
        String median = time.of(row.medianMinutes());
        String target = time.of(row.targetMinutes());
        boolean over = row.medianMinutes() != null && row.targetMinutes() != null
                && Math.round(row.medianMinutes()) > row.targetMinutes();
        String within = row.metPercent() == null ? messages.get("supervisor.caseReport.noValue")
                : messages.format("supervisor.caseReport.percent", row.metPercent());
        return new CaseReport.KindLine(row.kind() == null ? "" : enums.kind(row.kind()), row.opened(), row.answered(),
                time.of(row.averageMinutes()), median, target, within, over,
                over ? messages.format("supervisor.caseReport.overTarget", median, target) : "");
    }

    /** Largest first (then by name), each with its share of the largest for its bar. */
    private List<CaseReport.CountLine> counts(List<ComplaintReportView.Count> counts, int total) {
        List<ComplaintReportView.Count> sorted = list(counts).stream()
                .sorted(Comparator.comparingInt(ComplaintReportView.Count::complaints).reversed()
                        .thenComparing(n -> name(n.name())))
                .toList();
        int largest = sorted.isEmpty() ? 0 : Math.max(0, sorted.get(0).complaints());
        return sorted.stream().map(n -> new CaseReport.CountLine(name(n.name()), n.complaints(),
                largest == 0 ? 0 : (double) n.complaints() / largest,
                messages.format("supervisor.caseReport.count.tip", name(n.name()), n.complaints(), total,
                        total == 0 ? 0 : 100.0 * n.complaints() / total))).toList();
    }

    /** In the order of the totals by category; any only in the weeks after them. */
    private List<String> categories(ComplaintReportView c, List<CaseReport.CountLine> byCategory) {
        Set<String> names = new LinkedHashSet<>();
        byCategory.forEach(n -> names.add(n.name()));
        if (c != null) {
            list(c.byWeek()).forEach(cell -> names.add(name(cell.category())));
        }
        return List.copyOf(names);
    }

    /** Every week from the first to the last, a week without complaints included, segments added up. */
    private List<CaseReport.WeekLine> weeks(ComplaintReportView c, List<String> categories) {
        TreeMap<LocalDate, int[]> byWeek = new TreeMap<>();
        for (ComplaintReportView.Cell cell : list(c.byWeek())) {
            if (cell.week() != null) {
                byWeek.computeIfAbsent(cell.week(), w -> new int[categories.size()])
                        [categories.indexOf(name(cell.category()))] += cell.complaints();
            }
        }
        List<CaseReport.WeekLine> lines = new ArrayList<>();
        if (byWeek.isEmpty()) {
            return lines;
        }
        LocalDate last = byWeek.lastKey();
        for (LocalDate w = byWeek.firstKey(); !w.isAfter(last); w = w.plusWeeks(1)) {
            int[] counts = byWeek.getOrDefault(w, new int[categories.size()]);
            List<Integer> boxed = new ArrayList<>();
            int sum = 0;
            for (int n : counts) {
                boxed.add(n);
                sum += n;
            }
            lines.add(new CaseReport.WeekLine(weekFormat.format(w), List.copyOf(boxed), sum));
        }
        return lines;
    }

    private String name(String raw) {
        return raw == null || raw.isBlank() || UNSET.equals(raw) ? messages.get("supervisor.caseReport.notSet") : raw;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
