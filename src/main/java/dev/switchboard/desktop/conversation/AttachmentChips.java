package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.desktop.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The look of files: those that came with a message (click to save) and those attached to the answer. */
final class AttachmentChips {
    private AttachmentChips() {
    }

    /** A file of a message: its icon, name and size; pressing it saves it. */
    static Button received(AttachmentView file, MessageTexts texts, Messages messages, Runnable save) {
        Button button = new Button(messages.format("conversation.file", file.filename(), texts.size(file.size())),
                icon(file.contentType()));
        button.getStyleClass().add("attachment-chip");
        button.setMnemonicParsing(false);
        String tip = messages.format("conversation.file.save", file.filename());
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> save.run());
        return button;
    }

    /** A file attached to the answer, with the × that takes it off. */
    static HBox draft(DraftAttachment file, Messages messages, Runnable remove) {
        Label name = new Label(messages.format("conversation.file", file.name(), file.sizeText()), icon(file.contentType()));
        name.getStyleClass().add("draft-file-name");
        name.setMinWidth(0);
        Button x = new Button(null, new FontIcon("mdi2c-close"));
        x.getStyleClass().addAll("flat", "icon-button", "draft-file-remove");
        String tip = messages.format("conversation.file.remove", file.name());
        x.setTooltip(new Tooltip(tip));
        x.setAccessibleText(tip);
        x.setOnAction(e -> remove.run());
        HBox chip = new HBox(4, name, x);
        chip.getStyleClass().add("draft-file");
        chip.setAlignment(Pos.CENTER_LEFT);
        return chip;
    }

    static FontIcon icon(String contentType) {
        FontIcon icon = new FontIcon(switch (MessageTexts.kind(contentType)) {
            case "image" -> "mdi2f-file-image-outline";
            case "pdf" -> "mdi2f-file-pdf-box";
            default -> "mdi2f-file-document-outline";
        });
        icon.getStyleClass().add("attachment-icon");
        return icon;
    }
}
