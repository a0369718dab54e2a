package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.domain.TicketPriority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Offers, accept/end, and resuming the event stream without gaps, through the real client. */
class EventStreamTest {
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private final List<StreamEvent> received = new CopyOnWriteArrayList<>();
    private EventSubscription subscription;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("events-" + System.nanoTime(), 0)
                .withOfferTimeout(Duration.ofSeconds(2)));
        agent = new HttpSwitchboardApi(server.baseUrl());
        agent.login("agent", "agent");
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        server.close();
    }

    private EventSubscription follow(long after) {
        EventSubscription s = agent.subscribe(after, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                received.add(event);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(s::connected);
        return s;
    }

    private <T> T awaitEvent(String type, Class<T> payload, java.util.function.Predicate<T> match) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(e -> e.type().equals(type))
                .map(e -> payload.cast(e.payload()))
                .filter(match)
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private long customerWithPhone(String first, String phone) {
        return agent.createCustomer(new NewCustomerRequest(first, "Streamer", null,
                List.of(new NewContactPoint(ContactKind.PHONE, phone, "mobile")), null)).id();
    }

    @Test
    void anIngestedCallIsOfferedWithItsScreenPopThenAcceptedAndEnded() {
        subscription = follow(0);
        long customer = customerWithPhone("Olga", "+447700900555");
        agent.createTicket(new NewTicketRequest(customer, "Broken router", TicketPriority.HIGH, null, null));

        long id = agent.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND, "07700 900555", "Call", null))
                .interaction().id();

        OfferEvent offer = awaitEvent(EventTypes.OFFER, OfferEvent.class, o -> o.interactionId() == id);
        assertThat(offer.pop().match()).isEqualTo(MatchKind.SINGLE);
        assertThat(offer.pop().customer().displayName()).isEqualTo("Olga Streamer");
        assertThat(offer.pop().openTickets()).extracting(t -> t.subject()).containsExactly("Broken router");
        assertThat(offer.pop().interaction().state()).isEqualTo(InteractionState.OFFERED);

        assertThat(agent.accept(id).state()).isEqualTo(InteractionState.ACTIVE);
        assertThat(agent.me().state()).isEqualTo(AgentState.BUSY);
        assertThat(agent.activeWork()).singleElement().satisfies(pop -> {
            assertThat(pop.interaction().id()).isEqualTo(id);
            assertThat(pop.customer().displayName()).isEqualTo("Olga Streamer");
            assertThat(pop.openTickets()).hasSize(1);
        });
        awaitEvent(EventTypes.INTERACTION, InteractionEvent.class,
                e -> e.interaction().id() == id && e.interaction().state() == InteractionState.ACTIVE);
        assertThat(agent.end(id).state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(agent.me().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(agent.wrapUp(id, new WrapUpRequest("RESOLVED", "sorted", null)).state())
                .isEqualTo(InteractionState.ENDED);
        assertThat(agent.me().state()).isEqualTo(AgentState.READY);
        assertThat(agent.interaction(id).routing().disposition()).isEqualTo("RESOLVED");
        assertThat(agent.activeWork()).isEmpty();
    }

    @Test
    void anOfferNobodyAnswersIsWithdrawnAndTheAgentMadeNotReady() {
        subscription = follow(0);
        long id = agent.ingest(new IngestRequest(Channel.CHAT, null, "visitor@example.org", "Hello", null))
                .interaction().id();
        awaitEvent(EventTypes.OFFER, OfferEvent.class, o -> o.interactionId() == id);
        OfferRevokedEvent revoked = awaitEvent(EventTypes.OFFER_REVOKED, OfferRevokedEvent.class,
                r -> r.interactionId() == id);
        assertThat(revoked.reason()).isEqualTo("TIMEOUT");
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.me().state() == AgentState.NOT_READY);
        assertThat(agent.me().reasonCode()).isEqualTo("NO_ANSWER");
        assertThat(agent.interaction(id).state()).isEqualTo(InteractionState.QUEUED);

        long offers = received.stream().filter(e -> e.type().equals(EventTypes.OFFER)).count();
        agent.setState(AgentState.READY);
        // the agent who let it ring out is spared it for a while from the ring-out, then offered it again
        await().atMost(dev.switchboard.routing.Router.REOFFER_AFTER.plusSeconds(10)).until(() -> received.stream()
                .filter(e -> e.type().equals(EventTypes.OFFER)).count() > offers);
    }

    @Test
    void aRejectedOfferGoesBackToTheQueueAndAnotherCannotAcceptIt() {
        subscription = follow(0);
        long id = agent.ingest(new IngestRequest(Channel.EMAIL, null, "someone@example.org", "Question", "Body"))
                .interaction().id();
        awaitEvent(EventTypes.OFFER, OfferEvent.class, o -> o.interactionId() == id);
        assertThat(agent.reject(id).state()).isIn(InteractionState.QUEUED, InteractionState.OFFERED);

        HttpSwitchboardApi other = new HttpSwitchboardApi(server.baseUrl());
        other.login("outbound", "outbound");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.switchboard.client.ApiException.class, () -> other.accept(id)).status()).isEqualTo(409);
    }

    @Test
    void aStreamWhoseSessionEndedStopsRetryingAndSaysSo() {
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        HttpSwitchboardApi other = new HttpSwitchboardApi(server.baseUrl());
        other.login("outbound", "outbound");
        other.logout(); // the token is gone on the server; a stream with none is refused the same way
        EventSubscription stale = other.subscribe(0, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
            }

            @Override
            public void onSessionEnded() {
                ended.set(true);
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertThat(stale.connected()).isFalse();
        stale.close();
    }

    @Test
    void aResumedStreamDeliversEveryMissedEventInOrderWithoutGaps() {
        subscription = follow(0);
        long customer = customerWithPhone("Rita", "+447700900666");
        agent.createTicket(new NewTicketRequest(customer, "First", TicketPriority.NORMAL, null, null));
        StreamEvent firstTicket = await().atMost(Duration.ofSeconds(10)).until(
                () -> received.stream().filter(e -> e.type().equals(EventTypes.TICKET)).findFirst().orElse(null),
                java.util.Objects::nonNull);
        long seen = firstTicket.seq();
        subscription.close();

        for (int i = 0; i < 20; i++) {
            agent.createTicket(new NewTicketRequest(customer, "Missed " + i, TicketPriority.LOW, null, null));
        }
        agent.ingest(new IngestRequest(Channel.PHONE, null, "+447700900666", "Missed call", null));
        List<Long> expected = server.events().since(seen).stream()
                .filter(e -> e.agentId() == null || e.agentId() == agent.me().id())
                .map(EventHub.Event::seq).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(21);

        received.clear();
        subscription = follow(seen);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().filter(e -> e.seq() > 0).count() >= expected.size());
        List<Long> got = received.stream().filter(e -> e.seq() > 0).map(StreamEvent::seq).toList();
        assertThat(got.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(received.get(0).type()).isEqualTo(EventTypes.HELLO);
    }
}
