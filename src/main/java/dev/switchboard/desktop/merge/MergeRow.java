package dev.switchboard.desktop.merge;

import dev.switchboard.client.TicketConflict.Field;
import dev.switchboard.client.TicketConflict.Side;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One field both sides changed: its name and its three values as the agent reads them, and whose value
 * it keeps (the agent's own, until they choose otherwise).
 */
public final class MergeRow {
    private final Field field;
    private final String name;
    private final String before;
    private final String mine;
    private final String theirs;
    private final ObjectProperty<Side> choice = new SimpleObjectProperty<>(this, "choice", Side.MINE);

    MergeRow(Field field, String name, String before, String mine, String theirs) {
        this.field = field;
        this.name = name;
        this.before = before;
        this.mine = mine;
        this.theirs = theirs;
    }

    public Field field() {
        return field;
    }

    public String name() {
        return name;
    }

    public String before() {
        return before;
    }

    public String mine() {
        return mine;
    }

    public String theirs() {
        return theirs;
    }

    /** Whose value this field keeps. */
    public ObjectProperty<Side> choiceProperty() {
        return choice;
    }
}
