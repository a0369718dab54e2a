package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The agent grid's columns. Each column holds the row itself, shows one of its texts and sorts by the
 * matching number (time in state by seconds, AHT by seconds, occupancy by percent; no value last).
 */
final class AgentGrid {
    private final Messages messages;
    private final TileView tiles;

    AgentGrid(Messages messages, TileView tiles) {
        this.messages = messages;
        this.tiles = tiles;
    }

    void columns(TableView<AgentRow> table) {
        TableColumn<AgentRow, AgentRow> name = text("supervisor.agents.name", AgentRow::name,
                Comparator.comparing(AgentRow::name, String.CASE_INSENSITIVE_ORDER));
        name.setPrefWidth(190);
        TableColumn<AgentRow, AgentRow> state = text("supervisor.agents.state", AgentRow::stateText,
                Comparator.comparing(AgentRow::stateText));
        state.setPrefWidth(170); // "Not ready (Training)" whole
        table.getColumns().setAll(List.of(name, state,
                ticking(),
                current(),
                text("supervisor.agents.handled", r -> Long.toString(r.handled()),
                        Comparator.comparingLong(AgentRow::handled)),
                kpi("supervisor.agents.aht", AgentRow::handleTime, AgentRow::handleSeconds),
                kpi("supervisor.agents.occupancy", AgentRow::occupancy, AgentRow::occupancyPercent)));
        table.getSortOrder().setAll(name);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private TableColumn<AgentRow, AgentRow> column(String key, Comparator<AgentRow> order) {
        TableColumn<AgentRow, AgentRow> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(order);
        return c;
    }

    private TableColumn<AgentRow, AgentRow> text(String key, Function<AgentRow, String> text,
                                                 Comparator<AgentRow> order) {
        TableColumn<AgentRow, AgentRow> c = column(key, order);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(AgentRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return c;
    }

    /** "Phone · Ada Lovelace"; agents on no contact sort last. */
    private TableColumn<AgentRow, AgentRow> current() {
        TableColumn<AgentRow, AgentRow> c = text("supervisor.agents.current", AgentRow::current,
                Comparator.comparing((AgentRow r) -> r.current().isEmpty()).thenComparing(AgentRow::current,
                        String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(220);
        return c;
    }

    /** Time in state, bound to the row's ticking text. */
    private TableColumn<AgentRow, AgentRow> ticking() {
        TableColumn<AgentRow, AgentRow> c = column("supervisor.agents.time",
                Comparator.comparingLong(r -> r.secondsInStateProperty().get()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(AgentRow row, boolean empty) {
                super.updateItem(row, empty);
                textProperty().unbind();
                if (empty || row == null) {
                    setText(null);
                } else {
                    ObservableStringValue time = row.timeInStateProperty();
                    textProperty().bind(time);
                }
            }
        });
        return c;
    }

    /** A KPI with its formula on demand, sorted by its value. */
    private TableColumn<AgentRow, AgentRow> kpi(String key, Function<AgentRow, KpiCell> cell,
                                                Function<AgentRow, Double> value) {
        TableColumn<AgentRow, AgentRow> c = column(key,
                Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(AgentRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : tiles.kpi(cell.apply(row), "supervisor-grid-kpi"));
            }
        });
        return c;
    }
}
