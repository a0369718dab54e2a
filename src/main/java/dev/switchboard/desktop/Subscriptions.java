package dev.switchboard.desktop;

import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a view or view model hooked up while it was open, undone in one call when it closes, so
 * a long shift of opening and closing views leaks no listener.
 */
public final class Subscriptions implements Registration {
    private final List<Runnable> undo = new ArrayList<>();

    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        undo.add(() -> list.removeListener(listener));
    }

    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        undo.add(target::unbind);
    }

    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        undo.add(() -> a.unbindBidirectional(b));
    }

    public void add(Registration registration) {
        undo.add(registration::close);
    }

    public void onClose(Runnable action) {
        undo.add(action);
    }

    /** Undoes everything, newest first; safe to call twice. */
    @Override
    public void close() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
