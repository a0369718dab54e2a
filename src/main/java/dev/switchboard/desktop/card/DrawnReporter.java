package dev.switchboard.desktop.card;

import dev.switchboard.desktop.FxThread;
import dev.switchboard.desktop.PopProbe;
import dev.switchboard.desktop.Registration;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns "the card's controls now hold this offer's pop" into "it is drawn": a post-layout pulse
 * listener on the card's scene reports every pop shown since the previous pulse.
 */
final class DrawnReporter implements Registration {
    private final PopProbe probe;
    private final FxThread fx;
    private final Node root;
    private final List<Long> pending = new ArrayList<>();
    private final Runnable afterLayout = this::afterLayout;
    private final ChangeListener<Scene> sceneListener = (obs, old, now) -> move(old, now);

    DrawnReporter(Node root, PopProbe probe, FxThread fx) {
        this.root = root;
        this.probe = probe;
        this.fx = fx;
        root.sceneProperty().addListener(sceneListener);
        move(null, root.getScene());
    }

    /** An offer's pop is in the controls; the next pulse draws it. */
    void shown(long interactionId) {
        pending.add(interactionId);
        fx.requestPulse();
    }

    @Override
    public void close() {
        root.sceneProperty().removeListener(sceneListener);
        move(root.getScene(), null);
        pending.clear();
    }

    private void move(Scene from, Scene to) {
        if (from != null) {
            from.removePostLayoutPulseListener(afterLayout);
        }
        if (to != null) {
            to.addPostLayoutPulseListener(afterLayout);
        }
    }

    private void afterLayout() {
        if (!pending.isEmpty()) {
            List<Long> drawn = List.copyOf(pending);
            pending.clear();
            drawn.forEach(probe::drawn);
        }
    }
}
