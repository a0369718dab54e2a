package dev.switchboard.desktop;

import java.util.function.LongConsumer;

/** Where "the card of this interaction is drawn" is reported (the benchmark listens, from any thread). */
public final class PopProbe {
    private volatile LongConsumer listener;

    public void listen(LongConsumer next) {
        this.listener = next;
    }

    public boolean listening() {
        return listener != null;
    }

    public void drawn(long interactionId) {
        LongConsumer l = listener;
        if (l != null) {
            l.accept(interactionId);
        }
    }
}
