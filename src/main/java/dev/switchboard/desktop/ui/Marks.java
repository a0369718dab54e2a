package dev.switchboard.desktop.ui;

import javafx.scene.Node;

/**
 * A name for a node made per record (a contact's tab, its conversation pane, a line of it), kept in
 * the node's properties rather than as its id: JavaFX keeps style caches for each distinct id, and
 * for the nodes inside a node with one, so ids made per contact grew the desktop over a shift.
 */
public final class Marks {
    private Marks() {
    }

    public static void mark(Node node, String mark) {
        node.getProperties().put(Marks.class, mark);
    }

    /** The node's mark, or null. */
    public static String of(Node node) {
        return node.getProperties().get(Marks.class) instanceof String s ? s : null;
    }
}
