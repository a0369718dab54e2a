package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.View;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.util.StringConverter;

/**
 * Case report…: first response against target per ticket kind, and the complaints by category, segment
 * and week, over the last 7, 30 or 90 days. Like the other dashboard dialogs it is owned by the window
 * and does not block it. Choosing a period asks the server in the background (so does Refresh, or
 * {@link SupervisorKeys#REFRESH}); while it works a spinner shows beside the period, and a failure is
 * named under it with the last figures left in place. Esc closes.
 */
final class CaseReportDialog {
    private final Messages messages;
    private final CaseReportModel model;
    private final CaseReportTables tables;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<CaseReport.KindLine> kinds;
    private final TableView<CaseReport.WeekLine> weeks;
    private final Label kindsCaption = new Label();
    private final Label complaintsText = new Label();
    private final GridPane byCategory = new GridPane();
    private final GridPane bySegment = new GridPane();
    private final VBox complaintDetails = new VBox(10);

    private CaseReportDialog(Messages messages, CaseReportModel model) {
        this.messages = messages;
        this.model = model;
        this.tables = new CaseReportTables(messages);
        this.kinds = tables.firstResponse();
        this.weeks = tables.byWeek();
    }

    static void open(Node owner, Messages messages, SupervisorViewModel vm) {
        new CaseReportDialog(messages, vm.caseReport()).show(owner);
    }

    private void show(Node owner) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle(messages.get("supervisor.caseReport.title"));
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.SUPERVISOR.stylesheet().toExternalForm());
        d.getDialogPane().getStyleClass().addAll("supervisor-dialog", "case-report-dialog");
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE); // and Esc

        ChoiceBox<Integer> period = periodChoice();
        Label periodLabel = new Label(messages.get("supervisor.caseReport.period"));
        periodLabel.setLabelFor(period);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("caseReportBusy");
        busy.setPrefSize(20, 20);
        Label loading = new Label(messages.get("supervisor.caseReport.loading"));
        loading.getStyleClass().add("supervisor-loading");
        shown(busy, model.loadingProperty());
        shown(loading, model.loadingProperty());
        Button refresh = new Button(messages.get("supervisor.caseReport.refresh"));
        refresh.setId("caseReportRefresh");
        refresh.setTooltip(new Tooltip(messages.format("supervisor.caseReport.refresh.tip",
                SupervisorKeys.REFRESH.getDisplayText())));
        refresh.setOnAction(e -> model.refresh());
        HBox top = new HBox(8, periodLabel, period, busy, loading, spacer(), refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("caseReportError");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.getStyleClass().add("supervisor-error");
        subscriptions.bind(error.textProperty(), model.errorProperty());
        shown(error, model.errorProperty().isNotEmpty());

        VBox sections = new VBox(8, firstResponseSection(), complaintsSection());
        sections.getStyleClass().add("supervisor-case-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("supervisor-scroll");
        subscriptions.bind(scroll.visibleProperty(), model.reportProperty().isNotNull());
        VBox content = new VBox(10, top, error, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        content.setPrefSize(860, 640);
        d.getDialogPane().setContent(content);

        subscriptions.listen(model.reportProperty(), (obs, old, report) -> showReport(report));
        EventHandler<KeyEvent> keys = e -> {
            if (SupervisorKeys.REFRESH.match(e)) {
                model.refresh();
                e.consume();
            }
        };
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, keys);
        d.setOnShown(e -> period.requestFocus());
        d.setOnHidden(e -> {
            d.getDialogPane().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            subscriptions.close();
            model.close();
        });
        d.show();
        model.choose(period.getValue());
    }

    private ChoiceBox<Integer> periodChoice() {
        ChoiceBox<Integer> period = new ChoiceBox<>();
        period.setId("caseReportPeriod");
        period.getItems().setAll(CaseReportModel.PERIODS);
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : model.periodText(days);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        period.setValue(model.periodProperty().get());
        // another period asks the server; the same one again is Refresh
        period.setOnAction(e -> {
            if (period.getValue() != null) {
                model.choose(period.getValue());
            }
        });
        return period;
    }

    private VBox firstResponseSection() {
        Label title = section("supervisor.caseReport.firstResponse");
        kindsCaption.setId("firstResponseCaption");
        kindsCaption.setWrapText(true);
        kindsCaption.getStyleClass().add("supervisor-help");
        Label placeholder = new Label();
        placeholder.setId("firstResponseEmpty");
        placeholder.getStyleClass().add("supervisor-case-empty");
        kinds.setPlaceholder(placeholder);
        return new VBox(4, title, kindsCaption, kinds);
    }

    private VBox complaintsSection() {
        Label title = section("supervisor.caseReport.complaints");
        complaintsText.setId("complaintsTotal");
        complaintsText.setWrapText(true);
        complaintsText.getStyleClass().add("supervisor-case-total");
        byCategory.setId("complaintsByCategory");
        bySegment.setId("complaintsBySegment");
        HBox counts = new HBox(24, counts("supervisor.caseReport.byCategory", byCategory),
                counts("supervisor.caseReport.bySegment", bySegment));
        Label weekTitle = subsection("supervisor.caseReport.byWeek");
        Label weekCaption = new Label(messages.get("supervisor.caseReport.byWeek.caption"));
        weekCaption.setWrapText(true);
        weekCaption.getStyleClass().add("supervisor-help");
        complaintDetails.getChildren().setAll(counts, new VBox(4, weekTitle, weekCaption, weeks));
        complaintDetails.managedProperty().bind(complaintDetails.visibleProperty());
        VBox box = new VBox(6, title, complaintsText, complaintDetails);
        box.getStyleClass().add("supervisor-case-complaints");
        return box;
    }

    private VBox counts(String key, GridPane grid) {
        grid.setHgap(10);
        grid.setVgap(4);
        VBox box = new VBox(6, subsection(key), grid);
        box.getStyleClass().add("supervisor-case-counts");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(300);
        return box;
    }

    private void showReport(CaseReport report) {
        if (report == null) {
            return;
        }
        kindsCaption.setText(report.kindsCaption());
        ((Label) kinds.getPlaceholder()).setText(report.kindsEmpty());
        kinds.getItems().setAll(report.kinds());
        complaintsText.setText(report.complaintsText());
        complaintsText.getStyleClass().remove("supervisor-case-empty");
        if (report.complaints() == 0) {
            complaintsText.getStyleClass().add("supervisor-case-empty");
        }
        complaintDetails.setVisible(report.complaints() > 0);
        tables.showCounts(byCategory, "category", report.byCategory());
        tables.showCounts(bySegment, "segment", report.bySegment());
        tables.showWeeks(weeks, report);
    }

    private Label section(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("supervisor-section");
        return l;
    }

    private Label subsection(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("supervisor-case-subsection");
        return l;
    }

    private void shown(Node node, ObservableBooleanValue visible) {
        subscriptions.bind(node.visibleProperty(), visible);
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
