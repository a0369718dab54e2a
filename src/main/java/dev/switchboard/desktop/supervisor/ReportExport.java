package dev.switchboard.desktop.supervisor;

import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Exports a report of a range of days to a CSV file. The range is checked here first (from not after
 * to, at most {@link #MAX_DAYS} days, nothing after today) so a wrong one asks nothing. The server's
 * bytes are written in the background to a temporary file beside the chosen one, which then takes its
 * place: a failure leaves the chosen file as it was and no half-written file behind.
 */
public final class ReportExport {
    public static final int MAX_DAYS = 31;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Feedback feedback;
    private final Supplier<LocalDate> today;

    ReportExport(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors, Feedback feedback,
                 Supplier<LocalDate> today) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.feedback = feedback;
        this.today = today;
    }

    /** The centre's today: the last day a report may cover. */
    public LocalDate today() {
        return today.get();
    }

    /** What is wrong with the range, or "" when it can be exported. */
    public String problem(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return messages.get("supervisor.report.error.missing");
        }
        if (from.isAfter(to)) {
            return messages.get("supervisor.report.error.order");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return messages.format("supervisor.report.error.tooLong", MAX_DAYS);
        }
        if (to.isAfter(today())) {
            return messages.get("supervisor.report.error.future");
        }
        return "";
    }

    /** "interval-report-2025-11-01-to-2025-11-14.csv". */
    public String suggestedName(ReportKind kind, LocalDate from, LocalDate to) {
        String name = kind == ReportKind.AGENTS ? "agent-report" : "interval-report";
        return from.equals(to) ? name + "-" + from + ".csv" : name + "-" + from + "-to-" + to + ".csv";
    }

    /**
     * Fetches the report and writes it to {@code target}; false (asking nothing) when the range is wrong.
     */
    public boolean export(ReportKind kind, LocalDate from, LocalDate to, Treatment treatment, int cutoff,
                          Path target) {
        if (kind == null || target == null || !problem(from, to).isEmpty()) {
            return false;
        }
        String what = messages.get(kind == ReportKind.AGENTS ? "supervisor.report.kind.agents"
                : "supervisor.report.kind.intervals");
        feedback.working(messages.format("supervisor.report.working", what, target.getFileName()));
        String t = treatment == null ? null : treatment.wire();
        tasks.run(() -> write(api.supervisorReport(kind.wire(), from, to, t, cutoff), target),
                written -> feedback.done(messages.format("supervisor.report.done", what, written.getFileName(),
                        written.toAbsolutePath().getParent())),
                e -> feedback.failed(messages.format("supervisor.report.failed", what, errors.of(e))));
        return true;
    }

    private static Path write(byte[] csv, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.write(part, csv == null ? new byte[0] : csv);
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
