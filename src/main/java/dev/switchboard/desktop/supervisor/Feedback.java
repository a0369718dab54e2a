package dev.switchboard.desktop.supervisor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The dashboard's one line about what the supervisor just did: work under way (with a spinner), what
 * it achieved, or the server's reason for refusing it. The newest action's outcome replaces the last.
 */
public final class Feedback {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    void working(String what) {
        text.set(what);
        error.set(false);
        busy.set(true);
    }

    void done(String what) {
        text.set(what);
        error.set(false);
        busy.set(false);
    }

    void failed(String why) {
        text.set(why);
        error.set(true);
        busy.set(false);
    }

    /** The supervisor closed the line. */
    public void dismiss() {
        if (!busy.get()) {
            text.set("");
            error.set(false);
        }
    }

    /** "" when there is nothing to say. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The text says why something failed. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Something asked for is still on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
