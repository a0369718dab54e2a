package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Builds the nodes of a queue's tile (with its priority and its actions' menu) and of a KPI. A KPI is a flat button: hovering shows its formula
 * and parameters, and clicking it (or Space/Enter on it) shows them too, until the pointer or the
 * focus leaves it.
 */
final class TileView {
    private final Messages messages;

    TileView(Messages messages) {
        this.messages = messages;
    }

    Node tile(QueueTile t, QueueMenu menu) {
        Label name = new Label(t.name());
        name.getStyleClass().add("supervisor-tile-name");
        name.setMinWidth(0);
        Label priority = new Label(t.priorityText());
        priority.setId("priority-" + t.queueId());
        priority.getStyleClass().add("supervisor-tile-priority");
        priority.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button sl = kpi(t.serviceLevel(), "supervisor-sl");
        sl.setId("sl-" + t.queueId());
        Label caption = new Label(messages.get("supervisor.tile.slCaption"));
        caption.getStyleClass().add("supervisor-tile-caption");
        Label target = new Label(t.target());
        target.getStyleClass().add("supervisor-tile-target");
        VBox slBox = new VBox(0, caption, sl, target);

        Label waiting = new Label(t.waiting());
        waiting.getStyleClass().add("supervisor-tile-fact");
        Label longest = new Label(t.longestWait());
        longest.setId("longest-" + t.queueId());
        longest.getStyleClass().addAll("supervisor-tile-fact", "supervisor-wait", level(t.waitLevel()));
        longest.setVisible(!t.longestWait().isEmpty());
        longest.setManaged(longest.isVisible());
        Label staffing = new Label(t.staffing());
        staffing.setId("staffing-" + t.queueId());
        staffing.getStyleClass().addAll("supervisor-tile-fact", "supervisor-staffing", level(t.staffLevel()));
        for (Label l : new Label[] {caption, waiting, longest, staffing}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox facts = new VBox(4, waiting, longest, staffing);
        facts.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(18, slBox, facts);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("supervisor-tile-grid");
        grid.add(head(""), 0, 0);
        grid.add(head(messages.get("supervisor.tile.recent")), 1, 0);
        grid.add(head(messages.get("supervisor.tile.today")), 2, 0);
        int r = 1;
        for (QueueTile.Row row : t.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("supervisor-tile-label");
            grid.add(label, 0, r);
            grid.add(kpi(row.recent(), "supervisor-kpi"), 1, r);
            grid.add(kpi(row.today(), "supervisor-kpi"), 2, r);
            r++;
        }
        VBox tile = new VBox(10);
        HBox head = new HBox(8, name, priority, gap, menu.button(t, tile));
        head.setAlignment(Pos.CENTER_LEFT);
        tile.getChildren().setAll(head, top, grid);
        tile.getStyleClass().add("supervisor-tile");
        tile.setId("tile-" + t.queueId());
        tile.setUserData(t.queueId());
        tile.setOnContextMenuRequested(e -> {
            menu.contextMenu(t, tile).show(tile, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return tile;
    }

    /** A KPI: its value, coloured by its level, with its formula on demand. */
    Button kpi(KpiCell cell, String styleClass) {
        Button b = new Button(cell.text());
        b.getStyleClass().addAll("flat", styleClass, level(cell.level()));
        b.setAccessibleText(cell.title() + ": " + cell.text());
        b.setAccessibleHelp(cell.formula());
        Tooltip tip = new Tooltip(cell.formula());
        tip.getStyleClass().add("supervisor-formula");
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.INDEFINITE);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        b.setTooltip(tip);
        b.setOnAction(e -> {
            if (tip.isShowing()) {
                tip.hide();
            } else {
                var at = b.localToScreen(0, b.getHeight() + 2);
                if (at != null) {
                    tip.show(b, at.getX(), at.getY());
                }
            }
        });
        b.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                tip.hide();
            }
        });
        return b;
    }

    static String level(Level level) {
        return switch (level) {
            case NONE -> "supervisor-none";
            case MET -> "supervisor-met";
            case NEAR -> "supervisor-near";
            case MISSED -> "supervisor-missed";
        };
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("supervisor-tile-head");
        return l;
    }
}
