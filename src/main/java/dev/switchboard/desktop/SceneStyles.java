package dev.switchboard.desktop;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

import java.net.URL;

/** Puts the token sheet of the current theme and the base sheet on a scene, and swaps tokens live. */
public final class SceneStyles {
    private static final URL BASE = View.resource("/styles/base.css");

    private SceneStyles() {
    }

    /** Styles the scene now and on every theme change until the returned registration is closed. */
    public static Registration follow(Scene scene, ThemeModel model) {
        scene.getStylesheets().setAll(model.theme().tokens().toExternalForm(), BASE.toExternalForm());
        ChangeListener<Theme> swap = (obs, old, now) -> scene.getStylesheets().set(0, now.tokens().toExternalForm());
        model.themeProperty().addListener(swap);
        return () -> model.themeProperty().removeListener(swap);
    }
}
