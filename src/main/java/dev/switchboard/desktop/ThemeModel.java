package dev.switchboard.desktop;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The theme in use; windows follow it (see {@link SceneStyles}). */
public final class ThemeModel {
    private final ObjectProperty<Theme> theme;

    public ThemeModel(Theme initial) {
        this.theme = new SimpleObjectProperty<>(this, "theme", initial);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void use(Theme next) {
        theme.set(next);
    }
}
