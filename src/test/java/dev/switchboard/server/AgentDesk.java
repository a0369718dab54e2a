package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * A demo account signed in through the client library, Ready, following its event stream: the
 * offers made to it and every event's payload by type. Close it to stop following.
 */
final class AgentDesk implements AutoCloseable {
    final HttpSwitchboardApi api;
    final List<OfferEvent> offers = new CopyOnWriteArrayList<>();
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    private final EventSubscription subscription;

    /** Signs in as {@code user} (the demo accounts' password is their name) and goes Ready. */
    AgentDesk(SwitchboardServer server, String user) {
        api = new HttpSwitchboardApi(server.baseUrl());
        long seq = api.login(user, user).eventSeq();
        subscription = api.subscribe(seq, new EventListener() {
            @Override
            public void onEvent(StreamEvent e) {
                events.add(e);
                if (e.type().equals(EventTypes.OFFER)) {
                    offers.add((OfferEvent) e.payload());
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(subscription::connected);
        api.setState(AgentState.READY);
    }

    /** The payloads of the events of one type received so far. */
    <T> List<T> payloads(String type, Class<T> kind) {
        return events.stream().filter(e -> e.type().equals(type)).map(e -> kind.cast(e.payload())).toList();
    }

    /** Waits for the next offer and takes it off the list. */
    OfferEvent nextOffer() {
        return await().atMost(Duration.ofSeconds(20)).until(() -> offers.isEmpty() ? null : offers.remove(0),
                Objects::nonNull);
    }

    /** Waits for the next offer and accepts it; returns its interaction. */
    long take() {
        long id = nextOffer().interactionId();
        api.accept(id);
        return id;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
