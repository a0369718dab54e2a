package dev.switchboard.desktop.session;

import dev.switchboard.client.StreamEvent;
import dev.switchboard.desktop.Registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands each event of the stream to the view models that asked for its payload type. Runs on the FX
 * thread only (the session hops there first), so it needs no locking.
 */
public final class StreamEvents {
    private static final System.Logger LOG = System.getLogger(StreamEvents.class.getName());

    private final Map<Class<?>, List<Consumer<Object>>> handlers = new HashMap<>();

    public <T> Registration on(Class<T> type, Consumer<? super T> handler) {
        Consumer<Object> typed = payload -> handler.accept(type.cast(payload));
        List<Consumer<Object>> list = handlers.computeIfAbsent(type, k -> new ArrayList<>());
        list.add(typed);
        return () -> list.remove(typed);
    }

    public void dispatch(StreamEvent event) {
        Object payload = event.payload();
        if (payload == null) {
            return;
        }
        List<Consumer<Object>> list = handlers.get(payload.getClass());
        if (list == null) {
            return;
        }
        for (Consumer<Object> handler : List.copyOf(list)) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                // one faulty handler must not starve the others of the event
                LOG.log(System.Logger.Level.ERROR, "handling " + event.type() + " #" + event.seq() + " failed", e);
            }
        }
    }
}
