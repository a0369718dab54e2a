package dev.switchboard.desktop.ui;

import dev.switchboard.desktop.Urgency;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Shows an {@link Urgency} on a node as the pseudo-classes {@code :warning} and {@code :danger}. */
public final class UrgencyStyle {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private UrgencyStyle() {
    }

    public static void show(Node node, Urgency urgency) {
        node.pseudoClassStateChanged(WARNING, urgency == Urgency.WARNING);
        node.pseudoClassStateChanged(DANGER, urgency == Urgency.DANGER);
    }
}
