package dev.switchboard.desktop;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads a {@link View} with the text bundle and a controller factory, so controllers get their
 * collaborators through their constructors. The view's stylesheet is on the scene ({@link SceneStyles}).
 */
public final class ViewLoader {
    private final Messages messages;
    private final Map<Class<?>, Supplier<?>> factories = new HashMap<>();

    public ViewLoader(Messages messages) {
        this.messages = messages;
    }

    public <C> ViewLoader register(Class<C> type, Supplier<? extends C> factory) {
        factories.put(type, factory);
        return this;
    }

    public <C> Loaded<C> load(View view, Class<C> controllerType) {
        FXMLLoader loader = new FXMLLoader(view.fxml(), messages.bundle());
        loader.setControllerFactory(this::create);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view, e);
        }
        return new Loaded<>(root, controllerType.cast(loader.getController()));
    }

    private Object create(Class<?> type) {
        Supplier<?> factory = factories.get(type);
        if (factory == null) {
            throw new IllegalStateException("no controller factory registered for " + type.getName());
        }
        return factory.get();
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }
}
