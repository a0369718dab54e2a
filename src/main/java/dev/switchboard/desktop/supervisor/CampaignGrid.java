package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Campaigns table's columns. Each column holds the row itself, shows one of its texts (or the
 * progress bar) and sorts by the matching value; the abandon rate is coloured by its level, as the
 * queue tiles' figures are. Cells carry ids by campaign ({@code campaign-rate-1}) for tests and tools.
 */
final class CampaignGrid {
    /** The style classes a cell may be given for its row (the table's own are left alone). */
    private static final List<String> DECORATIONS = List.of("supervisor-campaign-active", "supervisor-campaign-paused",
            "supervisor-campaign-rate", "supervisor-none", "supervisor-met", "supervisor-near", "supervisor-missed");

    private final Messages messages;

    CampaignGrid(Messages messages) {
        this.messages = messages;
    }

    void columns(TableView<CampaignRow> table) {
        TableColumn<CampaignRow, CampaignRow> name = text("supervisor.campaigns.name", CampaignRow::name,
                Comparator.comparing(CampaignRow::name, String.CASE_INSENSITIVE_ORDER), null);
        name.setPrefWidth(200);
        TableColumn<CampaignRow, CampaignRow> mode = text("supervisor.campaigns.mode", CampaignRow::mode,
                Comparator.comparing(CampaignRow::mode),
                (cell, row) -> cell.setTooltip(row.modeNote().isEmpty() ? null : new Tooltip(row.modeNote())));
        mode.setPrefWidth(110);   // "Progressive" and "Predictive" whole
        TableColumn<CampaignRow, CampaignRow> state = text("supervisor.campaigns.state", CampaignRow::state,
                Comparator.comparing(CampaignRow::active), (cell, row) -> {
                    cell.setId("campaign-state-" + row.id());
                    cell.getStyleClass().add(row.active() ? "supervisor-campaign-active" : "supervisor-campaign-paused");
                });
        TableColumn<CampaignRow, CampaignRow> rate = text("supervisor.campaigns.abandoned", CampaignRow::abandonText,
                Comparator.comparing(CampaignRow::abandonRate, Comparator.nullsFirst(Comparator.naturalOrder())),
                (cell, row) -> {
                    cell.setId("campaign-rate-" + row.id());
                    cell.getStyleClass().addAll("supervisor-campaign-rate", TileView.level(row.abandonLevel()));
                    cell.setTooltip(new Tooltip(row.abandonTip()));
                });
        rate.setPrefWidth(170);
        table.getColumns().setAll(List.of(name, mode, state, progress(),
                number("supervisor.campaigns.attempted", CampaignRow::attempted),
                number("supervisor.campaigns.connected", CampaignRow::connected),
                rate,
                number("supervisor.campaigns.remaining", CampaignRow::remaining),
                number("supervisor.campaigns.blocked", CampaignRow::blocked)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private TableColumn<CampaignRow, CampaignRow> column(String key, Comparator<CampaignRow> order) {
        TableColumn<CampaignRow, CampaignRow> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(order);
        return c;
    }

    /**
     * A text column; {@code decorate} (may be null) gives a filled cell its id, style classes and tooltip,
     * which are taken off again whenever the cell shows another row.
     */
    private TableColumn<CampaignRow, CampaignRow> text(String key, Function<CampaignRow, String> text,
                                                       Comparator<CampaignRow> order,
                                                       BiConsumer<TableCell<CampaignRow, CampaignRow>, CampaignRow> decorate) {
        TableColumn<CampaignRow, CampaignRow> c = column(key, order);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CampaignRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(DECORATIONS);
                setId(null);
                setTooltip(null);
                setText(empty || row == null ? null : text.apply(row));
                if (!empty && row != null && decorate != null) {
                    decorate.accept(this, row);
                }
            }
        });
        return c;
    }

    private TableColumn<CampaignRow, CampaignRow> number(String key, Function<CampaignRow, Integer> value) {
        TableColumn<CampaignRow, CampaignRow> c = column(key, Comparator.comparing(value));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CampaignRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : Integer.toString(value.apply(row)));
            }
        });
        c.getStyleClass().add("supervisor-campaign-number");
        c.setPrefWidth(90);
        return c;
    }

    /** How far through the list: a bar and its percentage; the tooltip says what it is made of. */
    private TableColumn<CampaignRow, CampaignRow> progress() {
        TableColumn<CampaignRow, CampaignRow> c = column("supervisor.campaigns.progress",
                Comparator.comparingDouble(CampaignRow::progress));
        Label header = new Label(messages.get("supervisor.campaigns.progress"));
        header.setTooltip(new Tooltip(messages.get("supervisor.campaigns.progress.help")));
        c.setGraphic(header);
        c.setText(null);
        c.setPrefWidth(210);
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label percent = new Label();
            private final HBox box = new HBox(8, bar, percent);

            {
                bar.getStyleClass().add("supervisor-campaign-bar");
                bar.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bar, Priority.ALWAYS);
                percent.getStyleClass().add("supervisor-campaign-percent");
                percent.setMinWidth(Region.USE_PREF_SIZE);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(CampaignRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    setId(null);
                    return;
                }
                bar.setProgress(row.progress());
                bar.setAccessibleText(row.progressTip());
                percent.setText(row.progressText());
                setGraphic(box);
                setTooltip(new Tooltip(row.progressTip()));
                setId("campaign-progress-" + row.id());
            }
        });
        return c;
    }
}
