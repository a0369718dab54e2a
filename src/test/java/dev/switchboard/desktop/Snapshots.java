package dev.switchboard.desktop;

import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import java.nio.file.Path;

import static dev.switchboard.desktop.FxTestSupport.onFx;

/** Screenshots of a window's content at a size of its own (the headless screen is smaller than a real one). */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * Lends the window's content to a scene of {@code width}×{@code height} with the window's
     * stylesheets, draws it to {@code file} as PNG and gives the content back.
     */
    public static Path write(Stage stage, double width, double height, Path file) throws Exception {
        onFx(() -> {
            Scene window = stage.getScene();
            Parent root = window.getRoot();
            window.setRoot(new Pane());
            Scene big = new Scene(new Group(), width, height);
            big.getStylesheets().setAll(window.getStylesheets());
            big.setRoot(root);
            try {
                root.applyCss();
                root.layout();
                PngWriter.write(big.snapshot(null), file);
            } finally {
                big.setRoot(new Group());
                window.setRoot(root);
            }
            return null;
        });
        return file;
    }
}
