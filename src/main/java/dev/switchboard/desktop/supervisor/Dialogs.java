package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.View;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dashboard's dialogs: owned by its window, styled like it (the window's theme and this view's
 * sheet), and shown without blocking, so the dashboard keeps ticking behind them. A choice from a list
 * is made with the arrow keys and Enter, or a double click.
 */
final class Dialogs {
    private Dialogs() {
    }

    /** A dialog over {@code owner}'s window with an OK button named {@code ok} and Cancel. */
    static <R> Dialog<R> create(Node owner, String title, String ok, String styleClass) {
        Dialog<R> d = new Dialog<>();
        d.setTitle(title);
        d.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStylesheets().add(View.SUPERVISOR.stylesheet().toExternalForm());
        d.getDialogPane().getStyleClass().addAll("supervisor-dialog", styleClass);
        d.setResizable(true);
        ButtonType okType = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(okType, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(okType);
        okButton.setId(styleClass + "-ok");
        return d;
    }

    /** The dialog's OK button. */
    static Button ok(Dialog<?> d) {
        return (Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0));
    }

    static boolean isOk(ButtonType type) {
        return type != null && type.getButtonData() == ButtonBar.ButtonData.OK_DONE;
    }

    /** Asks for one of {@code items}; {@code chosen} gets it, and nothing happens on Cancel. */
    static <T> void choose(Node owner, String title, String prompt, String ok, String id, List<T> items,
                           Function<T, String> text, Consumer<T> chosen) {
        Dialog<T> d = create(owner, title, ok, id);
        ListView<T> list = new ListView<>();
        list.setId(id + "-list");
        list.getItems().setAll(items);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        list.setPrefSize(340, Math.min(320, 30 + 26 * Math.max(3, items.size())));
        Label question = new Label(prompt);
        question.setWrapText(true);
        question.getStyleClass().add("supervisor-dialog-prompt");
        question.setLabelFor(list);
        d.getDialogPane().setContent(new VBox(8, question, list));
        Button okButton = ok(d);
        okButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                okButton.fire();
            }
        });
        if (!items.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        d.setResultConverter(b -> isOk(b) ? list.getSelectionModel().getSelectedItem() : null);
        d.setOnShown(e -> list.requestFocus());
        d.resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                chosen.accept(result);
            }
        });
        d.show();
    }
}
