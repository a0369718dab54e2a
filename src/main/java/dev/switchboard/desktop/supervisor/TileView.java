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

    /** A queue's tile, built once; {@link Tile#update} shows a newer state of the queue in the same nodes. */
    Tile tile(QueueTile t, QueueMenu menu) {
        return new Tile(t, menu);
    }

    /**
     * The nodes of one queue's tile. They stay while the queue does: a newer state changes their texts
     * and colours in place, so a formula being read stays open and the cursor stays where it was
     * while the figures move under it.
     */
    final class Tile {
        private final long queueId;
        private final VBox root = new VBox(10);
        private final Label name = new Label();
        private final Label priority = new Label();
        private final Button sl;
        private final Label target = new Label();
        private final Label waiting = new Label();
        private final Label longest = new Label();
        private final Label staffing = new Label();
        private final GridPane grid = new GridPane();
        private final java.util.List<Button[]> rows = new java.util.ArrayList<>();
        private QueueTile shown;

        private Tile(QueueTile t, QueueMenu menu) {
            this.queueId = t.queueId();
            name.getStyleClass().add("supervisor-tile-name");
            name.setMinWidth(0);
            priority.setId("priority-" + t.queueId());
            priority.getStyleClass().add("supervisor-tile-priority");
            priority.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            sl = kpi(t.serviceLevel(), "supervisor-sl");
            sl.setId("sl-" + t.queueId());
            Label caption = new Label(messages.get("supervisor.tile.slCaption"));
            caption.getStyleClass().add("supervisor-tile-caption");
            target.getStyleClass().add("supervisor-tile-target");
            VBox slBox = new VBox(0, caption, sl, target);

            waiting.getStyleClass().add("supervisor-tile-fact");
            longest.setId("longest-" + t.queueId());
            staffing.setId("staffing-" + t.queueId());
            for (Label l : new Label[] {caption, waiting, longest, staffing}) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            VBox facts = new VBox(4, waiting, longest, staffing);
            facts.setAlignment(Pos.CENTER_LEFT);
            HBox top = new HBox(18, slBox, facts);
            top.setAlignment(Pos.CENTER_LEFT);

            grid.getStyleClass().add("supervisor-tile-grid");
            grid.add(head(""), 0, 0);
            grid.add(head(messages.get("supervisor.tile.recent")), 1, 0);
            grid.add(head(messages.get("supervisor.tile.today")), 2, 0);
            int r = 1;
            for (QueueTile.Row row : t.rows()) {
                Label label = new Label(row.label());
                label.getStyleClass().add("supervisor-tile-label");
                Button recent = kpi(row.recent(), "supervisor-kpi");
                Button today = kpi(row.today(), "supervisor-kpi");
                grid.add(label, 0, r);
                grid.add(recent, 1, r);
                grid.add(today, 2, r);
                rows.add(new Button[] {recent, today});
                r++;
            }
            HBox head = new HBox(8, name, priority, gap, menu.button(t, root));
            head.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().setAll(head, top, grid);
            root.getStyleClass().add("supervisor-tile");
            root.setId("tile-" + t.queueId());
            root.setUserData(t.queueId());
            root.setOnContextMenuRequested(e -> {
                menu.contextMenu(shown, root).show(root, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            update(t);
        }

        Node node() {
            return root;
        }

        /** Whether {@code t} can be shown in these nodes (the same queue, the same table of numbers). */
        boolean fits(QueueTile t) {
            return t.queueId() == queueId && t.rows().size() == rows.size();
        }

        void update(QueueTile t) {
            if (t.equals(shown)) {
                return;
            }
            shown = t;
            name.setText(t.name());
            priority.setText(t.priorityText());
            show(sl, t.serviceLevel(), "supervisor-sl");
            target.setText(t.target());
            waiting.setText(t.waiting());
            longest.setText(t.longestWait());
            longest.getStyleClass().setAll("label", "supervisor-tile-fact", "supervisor-wait", level(t.waitLevel()));
            longest.setVisible(!t.longestWait().isEmpty());
            longest.setManaged(longest.isVisible());
            staffing.setText(t.staffing());
            staffing.getStyleClass().setAll("label", "supervisor-tile-fact", "supervisor-staffing", level(t.staffLevel()));
            for (int i = 0; i < rows.size(); i++) {
                show(rows.get(i)[0], t.rows().get(i).recent(), "supervisor-kpi");
                show(rows.get(i)[1], t.rows().get(i).today(), "supervisor-kpi");
            }
        }
    }

    /** A KPI: its value, coloured by its level, with its formula on demand. */
    Button kpi(KpiCell cell, String styleClass) {
        Button b = new Button();
        Tooltip tip = new Tooltip();
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
        show(b, cell, styleClass);
        return b;
    }

    /** Shows a KPI's value, colour and formula in its button (an open formula changes where it is). */
    private static void show(Button b, KpiCell cell, String styleClass) {
        b.setText(cell.text());
        b.getStyleClass().setAll("button", "flat", styleClass, level(cell.level()));
        b.setAccessibleText(cell.title() + ": " + cell.text());
        b.setAccessibleHelp(cell.formula());
        b.getTooltip().setText(cell.formula());
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
