package dev.switchboard.cluster;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.server.SwitchboardServer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/** A signed-in desktop's view of one node: the REST client and what its event stream brought. */
final class ClusterDesk implements AutoCloseable {
    final HttpSwitchboardApi api;
    final List<OfferEvent> offers = new CopyOnWriteArrayList<>();
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    private final EventSubscription subscription;

    ClusterDesk(SwitchboardServer node, String user, String password) {
        this(node, user, password, offer -> { });
    }

    /** @param onOffer called on the stream's thread for every offer (e.g. to work it at once) */
    ClusterDesk(SwitchboardServer node, String user, String password, Consumer<OfferEvent> onOffer) {
        api = new HttpSwitchboardApi(node.baseUrl());
        long seq = api.login(user, password).eventSeq();
        subscription = api.subscribe(seq, new EventListener() {
            @Override
            public void onEvent(StreamEvent e) {
                events.add(e);
                if (e.type().equals(EventTypes.OFFER)) {
                    OfferEvent offer = (OfferEvent) e.payload();
                    offers.add(offer);
                    onOffer.accept(offer);
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(subscription::connected);
    }

    OfferEvent offerOf(long interactionId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> offers.stream()
                .filter(o -> o.interactionId() == interactionId).findFirst().orElse(null), Objects::nonNull);
    }

    boolean sawEvent(String type, long interactionId) {
        return events.stream().anyMatch(e -> e.type().equals(type) && e.payload() instanceof OfferEvent o
                && o.interactionId() == interactionId);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
