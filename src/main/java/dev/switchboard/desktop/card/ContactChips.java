package dev.switchboard.desktop.card;

import dev.switchboard.desktop.ui.Icons;
import dev.switchboard.domain.ContactKind;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/**
 * A contact point as a chip: kind icon, formatted value, label; the one the contact came from marked;
 * a phone number with a button that calls it.
 */
final class ContactChips {
    private ContactChips() {
    }

    /** {@code dialHint} and {@code dial} may be null: no call button then. */
    static Node chip(ContactPointRow row, String matchedHint, String dialHint, Consumer<ContactPointRow> dial) {
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
        if (row.kind() == ContactKind.PHONE && dial != null) {
            Button call = new Button(null, new FontIcon("mdi2p-phone-outgoing"));
            call.getStyleClass().addAll("flat", "icon-button", "contact-chip-dial");
            call.setTooltip(new Tooltip(dialHint));
            call.setAccessibleText(dialHint);
            call.setFocusTraversable(false);
            call.setOnAction(e -> dial.accept(row));
            chip.getChildren().add(call);
        }
        return chip;
    }
}
