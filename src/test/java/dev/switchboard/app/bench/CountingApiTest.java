package dev.switchboard.app.bench;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desktop's client, counted: what reaches the desktop is what the real client gave, unchanged. */
class CountingApiTest {
    private final AtomicReference<EventListener> subscribed = new AtomicReference<>();
    private final List<String> calls = new ArrayList<>();
    private final SwitchboardApi real = (SwitchboardApi) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SwitchboardApi.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return switch (method.getName()) {
                    case "timeline" -> new TimelinePage(List.of(row(1), row(2), row(3)), "next");
                    case "subscribe" -> {
                        subscribed.set((EventListener) args[1]);
                        yield null;
                    }
                    case "customer" -> throw new IllegalArgumentException("no such customer");
                    case "baseUrl" -> "http://example.invalid";
                    default -> null;
                };
            });

    @Test
    void countsTimelinePagesAndTheirRows() {
        CountingApi counting = CountingApi.around(real);
        SwitchboardApi client = counting.client();

        TimelinePage page = client.timeline(7, null, 20);
        client.timeline(7, "next", 20);

        assertThat(page.items()).extracting(InteractionView::id).containsExactly(1L, 2L, 3L);
        assertThat(counting.timelinePages()).isEqualTo(2);
        assertThat(counting.timelineRows()).isEqualTo(6);
        assertThat(client.baseUrl()).isEqualTo("http://example.invalid");
        assertThat(calls).containsExactly("timeline", "timeline", "baseUrl");
    }

    @Test
    void countsTheEventsHandedToTheDesktopButNotTheGreeting() {
        CountingApi counting = CountingApi.around(real);
        List<StreamEvent> seen = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        EventSubscription unused = counting.client().subscribe(0, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                seen.add(event);
            }

            @Override
            public void onDisconnected(String reason) {
                drops.add(reason);
            }
        });
        assertThat(unused).isNull();

        EventListener stream = subscribed.get();
        stream.onEvent(new StreamEvent(1, EventTypes.HELLO, null));
        stream.onEvent(new StreamEvent(2, EventTypes.QUEUE, null));
        stream.onEvent(new StreamEvent(3, EventTypes.QUEUE, null));
        stream.onEvent(new StreamEvent(4, EventTypes.TICKET, null));
        stream.onDisconnected("reset");

        assertThat(seen).extracting(StreamEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(drops).containsExactly("reset");
        assertThat(counting.events()).isEqualTo(3);
        assertThat(counting.eventsByType()).containsExactly(java.util.Map.entry(EventTypes.QUEUE, 2L),
                java.util.Map.entry(EventTypes.TICKET, 1L));
        assertThat(counting.disconnects()).isEqualTo(1);
    }

    @Test
    void theRealClientsFailuresComeThroughAsTheyAre() {
        SwitchboardApi client = CountingApi.around(real).client();

        assertThatThrownBy(() -> client.customer(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such customer");
    }

    private static InteractionView row(long id) {
        return new InteractionView(id, 7L, Channel.EMAIL, Direction.INBOUND, InteractionState.ENDED, "a@b.c", "a@b.c",
                "subject", "body", Instant.EPOCH, null, null, null, null);
    }
}
