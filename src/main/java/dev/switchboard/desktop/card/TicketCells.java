package dev.switchboard.desktop.card;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.function.Function;

/** Table cells that show a ticket's priority and status as coloured badges (colours in CSS). */
final class TicketCells {
    private TicketCells() {
    }

    static BadgeCell priority() {
        return new BadgeCell(TicketRow::priorityText, "priority-badge", row -> priorityClass(row.priority()));
    }

    static BadgeCell status() {
        return new BadgeCell(TicketRow::statusText, "status-badge", row -> statusClass(row.status()));
    }

    /** A badge: its text and its style classes (the kind, and the value's own class for the colour). */
    static final class BadgeCell extends TableCell<TicketRow, TicketRow> {
        private final Label badge = new Label();
        private final Function<TicketRow, String> text;
        private final String kind;
        private final Function<TicketRow, String> valueClass;

        BadgeCell(Function<TicketRow, String> text, String kind, Function<TicketRow, String> valueClass) {
            this.text = text;
            this.kind = kind;
            this.valueClass = valueClass;
        }

        @Override
        protected void updateItem(TicketRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            badge.setText(text.apply(row));
            badge.getStyleClass().setAll("label", kind, valueClass.apply(row));
            setGraphic(badge);
        }
    }

    static String priorityClass(TicketPriority p) {
        return switch (p) {
            case URGENT -> "priority-urgent";
            case HIGH -> "priority-high";
            case NORMAL -> "priority-normal";
            case LOW -> "priority-low";
        };
    }

    static String statusClass(TicketStatus s) {
        return s == TicketStatus.PENDING ? "status-pending" : "status-open";
    }
}
