package dev.switchboard.app.bench;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.client.SwitchboardApi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The desktop's client as the desktop gets it, with counters: every event the stream hands the
 * desktop (by type; the stream's {@code hello} not counted), the stream's drops, and the timeline
 * pages the desktop fetched and their rows. Every call goes on to the real client unchanged.
 */
final class CountingApi implements InvocationHandler {
    private final SwitchboardApi target;
    private final Map<String, LongAdder> eventsByType = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong timelinePages = new AtomicLong();
    private final AtomicLong timelineRows = new AtomicLong();

    private CountingApi(SwitchboardApi target) {
        this.target = target;
    }

    /** The counters, and the client to hand the desktop ({@link #client()}). */
    static CountingApi around(SwitchboardApi target) {
        return new CountingApi(target);
    }

    SwitchboardApi client() {
        return (SwitchboardApi) Proxy.newProxyInstance(SwitchboardApi.class.getClassLoader(),
                new Class<?>[] {SwitchboardApi.class}, this);
    }

    long events() {
        return events.get();
    }

    long disconnects() {
        return disconnects.get();
    }

    long timelinePages() {
        return timelinePages.get();
    }

    long timelineRows() {
        return timelineRows.get();
    }

    Map<String, Long> eventsByType() {
        Map<String, Long> copy = new TreeMap<>();
        eventsByType.forEach((type, n) -> copy.put(type, n.sum()));
        return copy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "CountingApi(" + target + ")";
            };
        }
        Object[] passed = args;
        if (method.getName().equals("subscribe") && args != null && args.length == 2
                && args[1] instanceof EventListener listener) {
            passed = new Object[] {args[0], counting(listener)};
        }
        Object answer;
        try {
            answer = method.invoke(target, passed);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (answer instanceof TimelinePage page && method.getName().equals("timeline")) {
            timelinePages.incrementAndGet();
            timelineRows.addAndGet(page.items().size());
        }
        return answer;
    }

    private EventListener counting(EventListener listener) {
        return new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                if (!EventTypes.HELLO.equals(event.type())) {
                    eventsByType.computeIfAbsent(event.type(), t -> new LongAdder()).increment();
                    events.incrementAndGet();
                }
                listener.onEvent(event);
            }

            @Override
            public void onConnected() {
                listener.onConnected();
            }

            @Override
            public void onDisconnected(String reason) {
                disconnects.incrementAndGet();
                listener.onDisconnected(reason);
            }

            @Override
            public void onSessionEnded() {
                listener.onSessionEnded();
            }
        };
    }
}
