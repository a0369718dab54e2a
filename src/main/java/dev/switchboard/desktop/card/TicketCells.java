package dev.switchboard.desktop.card;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** Table cells that show a ticket's priority and status as coloured badges (colours in CSS). */
final class TicketCells {
    private TicketCells() {
    }

    static final class PriorityCell extends TableCell<TicketRow, TicketRow> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(TicketRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.priorityText());
            badge.getStyleClass().setAll("label", "priority-badge", priorityClass(row.priority()));
            setGraphic(badge);
        }
    }

    static final class StatusCell extends TableCell<TicketRow, TicketRow> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(TicketRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.statusText());
            badge.getStyleClass().setAll("label", "status-badge", statusClass(row.status()));
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
