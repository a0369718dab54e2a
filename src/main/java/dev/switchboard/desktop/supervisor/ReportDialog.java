package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.ui.FileDialogs;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Export report…: the kind, the first and last day, and the dashboard's treatment of abandons and
 * cut-off. A wrong range is named in the dialog, which stays open and asks nothing; a right one closes
 * it, asks where to save, and the export runs in the background with its progress on the dashboard.
 */
final class ReportDialog {
    private ReportDialog() {
    }

    static void open(Node owner, Messages messages, SupervisorViewModel vm, FileDialogs files) {
        ReportExport report = vm.report();
        Dialog<Boolean> d = Dialogs.create(owner, messages.get("supervisor.report.title"),
                messages.get("supervisor.report.ok"), "report-dialog");
        ComboBox<ReportKind> kind = new ComboBox<>();
        kind.setId("reportKind");
        kind.getItems().setAll(ReportKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportKind k) {
                return k == null ? "" : messages.get(k == ReportKind.AGENTS ? "supervisor.report.kind.agents"
                        : "supervisor.report.kind.intervals");
            }

            @Override
            public ReportKind fromString(String s) {
                return null;
            }
        });
        kind.setValue(ReportKind.INTERVALS);
        LocalDate today = report.today();
        DatePicker from = new DatePicker(today);
        from.setId("reportFrom");
        DatePicker to = new DatePicker(today);
        to.setId("reportTo");
        Label problem = new Label();
        problem.setId("reportProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(380);
        problem.getStyleClass().add("supervisor-error");
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        from.valueProperty().addListener((obs, old, now) -> problem.setText(report.problem(now, to.getValue())));
        to.valueProperty().addListener((obs, old, now) -> problem.setText(report.problem(from.getValue(), now)));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, caption(messages, "supervisor.report.kind", kind), kind);
        grid.addRow(1, caption(messages, "supervisor.report.from", from), from);
        grid.addRow(2, caption(messages, "supervisor.report.to", to), to);
        Label settings = new Label(messages.format("supervisor.report.settings",
                vm.treatmentText(vm.treatmentProperty().get()), vm.cutoffProperty().get()));
        settings.setId("reportSettings");
        settings.setWrapText(true);
        settings.setMaxWidth(380);
        settings.getStyleClass().add("supervisor-help");
        Label limits = new Label(messages.format("supervisor.report.limits", ReportExport.MAX_DAYS));
        limits.setWrapText(true);
        limits.setMaxWidth(380);
        limits.getStyleClass().add("supervisor-help");
        d.getDialogPane().setContent(new VBox(10, grid, settings, limits, problem));

        Button ok = Dialogs.ok(d);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            commit(from);
            commit(to);
            String wrong = report.problem(from.getValue(), to.getValue());
            problem.setText(wrong);
            if (!wrong.isEmpty()) {
                e.consume(); // stays open, asks nothing
            }
        });
        d.setResultConverter(Dialogs::isOk);
        d.setOnShown(e -> kind.requestFocus());
        d.resultProperty().addListener((obs, old, done) -> {
            if (Boolean.TRUE.equals(done)) {
                LocalDate f = from.getValue();
                LocalDate t = to.getValue();
                ReportKind k = kind.getValue();
                Path target = files.chooseSaveTarget(owner.getScene() == null ? null : owner.getScene().getWindow(),
                        messages.get("supervisor.report.save"), report.suggestedName(k, f, t));
                if (target != null) {
                    report.export(k, f, t, vm.treatmentProperty().get(), vm.cutoffProperty().get(), target);
                }
            }
        });
        d.show();
    }

    /** Takes a day typed but not yet confirmed with Enter; an unreadable one counts as none. */
    private static void commit(DatePicker picker) {
        String typed = picker.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            picker.setValue(null);
            return;
        }
        try {
            picker.setValue(picker.getConverter().fromString(typed.strip()));
        } catch (RuntimeException e) {
            picker.setValue(null);
        }
    }

    private static Label caption(Messages messages, String key, Node field) {
        Label l = new Label(messages.get(key));
        l.setLabelFor(field);
        return l;
    }
}
