package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.supervisor.CaseReport.CountLine;
import dev.switchboard.desktop.supervisor.CaseReport.KindLine;
import dev.switchboard.desktop.supervisor.CaseReport.WeekLine;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The case report's tables: first response per ticket kind (a row whose median is over its target is
 * highlighted and says so in its tooltip, so the colour is not the only sign), complaints as bars by
 * category or segment, and complaints by week and category. Cells carry ids by row for tests and tools
 * ({@code firstResponse-median-0}, {@code category-count-0}).
 */
final class CaseReportTables {
    private static final String OVER = "supervisor-case-over";
    private static final double ROW_HEIGHT = 28;
    /** Room around a header's text: its padding and the sort arrow's place. */
    private static final double HEADER_PADDING = 30;

    private final Messages messages;

    CaseReportTables(Messages messages) {
        this.messages = messages;
    }

    TableView<KindLine> firstResponse() {
        TableView<KindLine> table = new TableView<>();
        table.setId("firstResponseTable");
        table.getStyleClass().addAll("supervisor-table", "supervisor-case-table");
        TableColumn<KindLine, KindLine> median = column("supervisor.caseReport.median", "firstResponse-median",
                KindLine::median, true, 110);
        median.getStyleClass().add("supervisor-case-median");
        table.getColumns().setAll(List.of(
                column("supervisor.caseReport.kind", "firstResponse-kind", KindLine::kind, false, 150),
                column("supervisor.caseReport.opened", "firstResponse-opened", l -> count(l.opened()), true, 80),
                column("supervisor.caseReport.answered", "firstResponse-answered", l -> count(l.answered()), true, 90),
                column("supervisor.caseReport.average", "firstResponse-average", KindLine::average, true, 110),
                median,
                column("supervisor.caseReport.target", "firstResponse-target", KindLine::target, true, 100),
                column("supervisor.caseReport.met", "firstResponse-met", KindLine::withinTarget, true, 110)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KindLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove(OVER);
                setTooltip(null);
                setId(empty || line == null ? null : "firstResponse-row-" + getIndex());
                if (!empty && line != null && line.overTarget()) {
                    getStyleClass().add(OVER);
                    setTooltip(new Tooltip(line.note()));
                }
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setSortPolicy(t -> false); // the kinds keep the server's order
        fitRows(table, 4);
        return table;
    }

    /** Complaints by week: the week, a column per category, and the week's total. */
    TableView<WeekLine> byWeek() {
        TableView<WeekLine> table = new TableView<>();
        table.setId("complaintsByWeek");
        table.getStyleClass().addAll("supervisor-table", "supervisor-case-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setSortPolicy(t -> false);
        return table;
    }

    void showWeeks(TableView<WeekLine> table, CaseReport report) {
        List<TableColumn<WeekLine, WeekLine>> columns = new ArrayList<>();
        columns.add(column("supervisor.caseReport.week", "week", WeekLine::week, false, 120));
        for (int i = 0; i < report.categories().size(); i++) {
            int at = i;
            TableColumn<WeekLine, WeekLine> c = column(null, "week-cat" + i,
                    l -> count(l.counts().get(at)), true, 100);
            c.setText(report.categories().get(i));
            columns.add(c);
        }
        columns.add(column("supervisor.caseReport.total", "week-total", l -> count(l.total()), true, 80));
        columns.get(columns.size() - 1).getStyleClass().add("supervisor-case-total");
        columns.forEach(CaseReportTables::fitHeader);
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getItems().setAll(report.weeks());
        fitRows(table, report.weeks().size());
    }

    /** One line per name: the name, a bar as long as its share of the largest, and the count. */
    void showCounts(GridPane grid, String idPrefix, List<CountLine> lines) {
        grid.getChildren().clear();
        grid.getColumnConstraints().setAll(new ColumnConstraints(), grow(), new ColumnConstraints());
        for (int i = 0; i < lines.size(); i++) {
            CountLine line = lines.get(i);
            Label name = new Label(line.name());
            name.setId(idPrefix + "-name-" + i);
            name.setMinWidth(Region.USE_PREF_SIZE);
            ProgressBar bar = new ProgressBar(line.share());
            bar.getStyleClass().add("supervisor-case-bar");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setAccessibleText(line.tip());
            Label count = new Label(count(line.complaints()));
            count.setId(idPrefix + "-count-" + i);
            count.getStyleClass().add("supervisor-case-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(count, HPos.RIGHT);
            Tooltip tip = new Tooltip(line.tip());
            name.setTooltip(tip);
            count.setTooltip(tip);
            Tooltip.install(bar, tip);
            grid.addRow(i, name, bar, count);
        }
    }

    private String count(int n) {
        return messages.format("supervisor.caseReport.count", n);
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints(60, 140, Double.MAX_VALUE);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    /** Never narrower than its header: a category's name is the only place it is named. */
    private static void fitHeader(TableColumn<?, ?> column) {
        Font normal = Font.getDefault();
        Text probe = new Text(column.getText());
        probe.setFont(Font.font(normal.getFamily(), FontWeight.BOLD, normal.getSize()));
        column.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth()) + HEADER_PADDING);
    }

    /** Tall enough for {@code rows} rows and the header, so the section needs no scroll bar of its own. */
    private static void fitRows(TableView<?> table, int rows) {
        double height = ROW_HEIGHT * Math.max(1, rows) + ROW_HEIGHT + 4;
        table.setPrefHeight(height);
        table.setMinHeight(height);
        table.setMaxHeight(height);
    }

    private <T> TableColumn<T, T> column(String key, String id, Function<T, String> text, boolean number,
                                         double width) {
        TableColumn<T, T> c = new TableColumn<>(key == null ? null : messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T line, boolean empty) {
                super.updateItem(line, empty);
                boolean filled = !empty && line != null;
                setText(filled ? text.apply(line) : null);
                setId(filled ? id + "-" + getIndex() : null);
            }
        });
        if (number) {
            c.getStyleClass().add("supervisor-case-number");
        }
        c.setPrefWidth(width);
        c.setReorderable(false);
        return c;
    }
}
