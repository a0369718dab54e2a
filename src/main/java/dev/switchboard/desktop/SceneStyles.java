package dev.switchboard.desktop;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the token sheet of the current theme, the base sheet and every view's sheet on a scene, and
 * swaps tokens live.
 *
 * <p>The views' sheets are the scene's, not their roots': JavaFX registers every parent below a
 * root with sheets of its own as a user of each of those sheets, in a list it walks each time a
 * node's style is worked out again. A desktop has thousands of parents, so every cell that changed
 * paid for a walk through all of them. No selector is in two views' sheets, so their order among
 * themselves does not matter; they follow the base sheet, as they did when they were the roots'.
 */
public final class SceneStyles {
    private static final URL BASE = View.resource("/styles/base.css");

    private SceneStyles() {
    }

    /** Styles the scene now and on every theme change until the returned registration is closed. */
    public static Registration follow(Scene scene, ThemeModel model) {
        scene.getStylesheets().setAll(sheets(model.theme()));
        ChangeListener<Theme> swap = (obs, old, now) -> scene.getStylesheets().set(0, now.tokens().toExternalForm());
        model.themeProperty().addListener(swap);
        return () -> model.themeProperty().removeListener(swap);
    }

    /** The theme's tokens, the base sheet, then each view's sheet in the order of {@link View}. */
    static List<String> sheets(Theme theme) {
        List<String> sheets = new ArrayList<>();
        sheets.add(theme.tokens().toExternalForm());
        sheets.add(BASE.toExternalForm());
        for (View view : View.values()) {
            sheets.add(view.stylesheet().toExternalForm());
        }
        return sheets;
    }
}
