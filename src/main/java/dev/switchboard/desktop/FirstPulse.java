package dev.switchboard.desktop;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * Runs an action once, on the FX thread, from the first pulse of a scene at which a condition holds:
 * the scene's CSS and layout have been done with what the condition speaks of, and that frame goes to
 * the renderer next. Start-up measurements use it, so "usable" means drawn, not merely decided.
 */
public final class FirstPulse implements Registration {
    private final Scene scene;
    private final ObservableBooleanValue ready;
    private final Runnable action;
    private final FxThread fx;
    private final Runnable afterLayout = this::afterLayout;
    private final ChangeListener<Boolean> changed;
    private boolean done;

    private FirstPulse(Scene scene, ObservableBooleanValue ready, Runnable action, FxThread fx) {
        this.scene = scene;
        this.ready = ready;
        this.action = action;
        this.fx = fx;
        // a condition that turns true without changing the scene must still get its pulse
        this.changed = (obs, old, now) -> fx.requestPulse();
    }

    /** Watches {@code scene} until {@code ready} holds at one of its pulses; call on the FX thread. */
    public static FirstPulse when(Scene scene, ObservableBooleanValue ready, Runnable action, FxThread fx) {
        FirstPulse p = new FirstPulse(scene, ready, action, fx);
        scene.addPostLayoutPulseListener(p.afterLayout);
        ready.addListener(p.changed);
        fx.requestPulse();
        return p;
    }

    private void afterLayout() {
        if (done || !ready.get()) {
            return;
        }
        done = true;
        action.run();
        // not while the scene walks its pulse listeners
        fx.execute(this::close);
    }

    @Override
    public void close() {
        done = true;
        scene.removePostLayoutPulseListener(afterLayout);
        ready.removeListener(changed);
    }
}
