package dev.switchboard.desktop.card;

import dev.switchboard.desktop.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A contact point as a chip: kind icon, formatted value, label; the one the contact came from marked. */
final class ContactChips {
    private ContactChips() {
    }

    static Node chip(ContactPointRow row, String matchedHint) {
        FontIcon icon = new FontIcon(Icons.contactKind(row.kind()));
        Label text = new Label(row.display());
        text.getStyleClass().add("contact-chip-text");
        HBox chip = new HBox(5, icon, text);
        chip.setAlignment(Pos.CENTER_LEFT);
        if (row.label() != null && !row.label().isBlank()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("contact-chip-label");
            chip.getChildren().add(label);
        }
        chip.getStyleClass().add("contact-chip");
        if (row.matched()) {
            chip.getStyleClass().add("contact-chip-matched");
            Tooltip.install(chip, new Tooltip(matchedHint));
        }
        return chip;
    }
}
