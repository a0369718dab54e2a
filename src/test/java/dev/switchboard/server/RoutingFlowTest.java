package dev.switchboard.server;

import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.api.WrapUpTicket;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.store.RoutingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Queues, skills, capacity, wrap-up, transfers and callbacks through the real server and client. */
class RoutingFlowTest {
    private final TestClock clock = new TestClock();
    private SwitchboardServer server;
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private ConfigView config;

    @BeforeEach
    void start() {
        ServerOptions base = ServerOptions.inMemory("routing-" + System.nanoTime(), 0);
        server = SwitchboardServer.start(new ServerOptions(base.host(), 0, null, null, null, null, base.memoryDb(),
                0, 1, 0, "GB", null, null, 0, 0, 0, null, null, false, null, clock));
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(EventSubscription::close);
        server.close();
    }

    /** A signed-in client with the offers made to it. */
    private final class Desk {
        final HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
        final List<OfferEvent> offers = new CopyOnWriteArrayList<>();

        Desk(String user) {
            long seq = api.login(user, user).eventSeq();
            EventSubscription s = api.subscribe(seq, new EventListener() {
                @Override
                public void onEvent(StreamEvent e) {
                    if (e.type().equals(EventTypes.OFFER)) {
                        offers.add((OfferEvent) e.payload());
                    }
                }
            });
            subscriptions.add(s);
            await().atMost(Duration.ofSeconds(10)).until(s::connected);
            if (config == null) {
                config = api.config();
            }
        }

        OfferEvent offerOf(long id) {
            return await().atMost(Duration.ofSeconds(10)).until(() -> offers.stream()
                    .filter(o -> o.interactionId() == id).findFirst().orElse(null), Objects::nonNull);
        }

        boolean wasOffered(long id) {
            return offers.stream().anyMatch(o -> o.interactionId() == id);
        }
    }

    private long queue(String name) {
        return config.queues().stream().filter(q -> q.name().equals(name)).findFirst().map(QueueView::id).orElseThrow();
    }

    private long call(Desk via, String queue, String number) {
        return via.api.ingest(new IngestRequest(Channel.PHONE, null, number, "Call", null, queue(queue), null))
                .interaction().id();
    }

    @Test
    void configListsQueuesReasonsDispositionsAndAgents() {
        Desk agent = new Desk("agent");
        assertThat(config.queues()).extracting(QueueView::name).contains("General", "Billing", "Sales", "Chat");
        assertThat(config.notReadyReasons()).extracting(c -> c.code()).contains("BREAK", "LUNCH");
        assertThat(config.dispositions()).extracting(c -> c.code()).contains("RESOLVED", "ESCALATED");
        assertThat(config.agents()).extracting(a -> a.displayName()).contains("Alex Morgan", "Sam Okafor")
                .doesNotContain("Priya Raman");
        assertThat(agent.api.me().skills()).isNotEmpty();
        assertThat(agent.api.me().capacity()).containsEntry(Channel.CHAT, 3).containsEntry(Channel.PHONE, 1);
    }

    @Test
    void onlyAgentsWithTheQueuesSkillsAreOffered() {
        Desk kim = new Desk(InboundColleague.add(server));
        kim.api.setState(AgentState.READY);
        long billing = call(kim, "Billing", "+447700900301");
        long sales = call(kim, "Sales", "+447700900302");
        kim.offerOf(sales);
        assertThat(kim.wasOffered(billing)).isFalse();
        assertThat(kim.api.queue()).extracting(e -> e.interactionId()).doesNotContain(billing);
        Desk supervisor = new Desk("supervisor");
        assertThat(supervisor.api.queue()).extracting(e -> e.interactionId()).contains(billing);
    }

    @Test
    void anAgentWorksTwoChatsAndAnEmailAtOnceButACallWaitsForTheWholeAgent() {
        Desk agent = new Desk("agent");
        long chat1 = agent.api.ingest(new IngestRequest(Channel.CHAT, null, "a@example.org", "one", null)).interaction().id();
        long chat2 = agent.api.ingest(new IngestRequest(Channel.CHAT, null, "b@example.org", "two", null)).interaction().id();
        long mail = agent.api.ingest(new IngestRequest(Channel.EMAIL, null, "c@example.org", "three", null)).interaction().id();
        long phone = call(agent, "General", "+447700900303");
        for (long id : List.of(chat1, chat2, mail)) {
            agent.offerOf(id);
            agent.api.accept(id);
        }
        assertThat(agent.api.activeWork()).hasSize(3);
        assertThat(agent.api.me().state()).isEqualTo(AgentState.BUSY);
        assertThat(agent.wasOffered(phone)).isFalse();
        for (long id : List.of(chat1, chat2, mail)) {
            agent.api.end(id);
        }
        assertThat(agent.api.me().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(agent.wasOffered(phone)).isFalse();
        for (long id : List.of(chat1, chat2, mail)) {
            agent.api.wrapUp(id, new WrapUpRequest("RESOLVED", null, null));
        }
        agent.offerOf(phone);
    }

    @Test
    void aRequiredWrapUpNeedsADispositionAndCanCreateATicket() {
        Desk agent = new Desk("agent");
        long customer = agent.api.createCustomer(new NewCustomerRequest("Wendy", "Wrap", null,
                List.of(new NewContactPoint(ContactKind.PHONE, "+447700900310", null)), null)).id();
        long id = call(agent, "Billing", "+447700900310");
        agent.offerOf(id);
        agent.api.accept(id);
        InteractionView wrapping = agent.api.end(id);
        assertThat(wrapping.routing().wrapUpRequired()).isTrue();
        assertThat(wrapping.routing().wrapUpDeadline()).isAfter(Instant.now());

        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> agent.api.wrapUp(id, new WrapUpRequest(null, "no code", null)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().field()).isEqualTo("disposition");
        assertThat(catchThrowableOfType(ApiException.class,
                () -> agent.api.wrapUp(id, new WrapUpRequest("MADE_UP", null, null))).status()).isEqualTo(400);
        assertThat(catchThrowableOfType(ApiException.class, () -> agent.api.wrapUp(id, new WrapUpRequest("RESOLVED",
                null, new WrapUpTicket(null, " ", null, null, null)))).error().field()).isEqualTo("ticket.subject");
        assertThat(agent.api.interaction(id).state()).isEqualTo(InteractionState.WRAP_UP);
        assertThat(agent.api.openTickets(customer)).isEmpty();

        // a required wrap-up does not end by itself
        clock.advance(Duration.ofMinutes(5));
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(agent.api.interaction(id).state()).isEqualTo(InteractionState.WRAP_UP);

        InteractionView ended = agent.api.wrapUp(id, new WrapUpRequest("FOLLOW_UP", "will call back",
                new WrapUpTicket(null, "Refund due", TicketPriority.HIGH, null, "agreed refund")));
        assertThat(ended.state()).isEqualTo(InteractionState.ENDED);
        assertThat(ended.routing().disposition()).isEqualTo("FOLLOW_UP");
        assertThat(agent.api.openTickets(customer)).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Refund due");
            assertThat(t.interactionIds()).contains(id);
        });
        assertThat(agent.api.me().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void anOptionalWrapUpEndsByItselfAtItsDeadline() {
        Desk agent = new Desk("agent");
        long id = call(agent, "General", "+447700900320");
        agent.offerOf(id);
        agent.api.accept(id);
        agent.api.end(id);
        assertThat(agent.api.me().state()).isEqualTo(AgentState.WRAP_UP);
        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.api.interaction(id).state() == InteractionState.ENDED);
        assertThat(agent.api.me().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aTransferCarriesItsNoteToTheQueueOrToTheNamedAgent() {
        Desk agent = new Desk("agent");
        Desk kim = new Desk(InboundColleague.add(server));
        long id = call(agent, "General", "+447700900330");
        agent.offerOf(id);
        agent.api.accept(id);
        kim.api.setState(AgentState.READY);
        agent.api.transfer(id, new TransferRequest(queue("Sales"), null, "wants the premium plan"));
        OfferEvent offer = kim.offerOf(id);
        assertThat(offer.pop().interaction().routing().transferNote()).isEqualTo("wants the premium plan");
        assertThat(offer.pop().interaction().routing().queueName()).isEqualTo("Sales");
        assertThat(agent.api.activeWork()).isEmpty();

        kim.api.accept(id);
        long agentId = agent.api.me().id();
        kim.api.transfer(id, new TransferRequest(null, agentId, "back to you"));
        assertThat(agent.offerOf(id) != null && agent.offers.stream().filter(o -> o.interactionId() == id).count() == 2)
                .isTrue();

        assertThat(catchThrowableOfType(ApiException.class, () -> kim.api.transfer(id,
                new TransferRequest(queue("Sales"), agentId, null))).status()).isEqualTo(400);
    }

    @Test
    void aCallbackKeepsTheCallersPlaceAndAScheduledOneComesWhenDue() {
        Desk agent = new Desk("agent");
        agent.api.setState(AgentState.NOT_READY, "LUNCH");
        assertThat(agent.api.me().reasonCode()).isEqualTo("LUNCH");
        long first = call(agent, "General", "+447700900341");
        long second = call(agent, "General", "+447700900342");
        InteractionView callback = agent.api.callback(first, new CallbackRequest(null, null, null, null, "after 5pm"));
        assertThat(callback.state()).isEqualTo(InteractionState.QUEUED);
        assertThat(callback.routing().callbackNumber()).isEqualTo("+44 7700 900341");
        assertThat(agent.api.queue()).extracting(e -> e.interactionId()).containsExactly(first, second);

        long customer = agent.api.createCustomer(new NewCustomerRequest("Cal", "Later", null, List.of(), null)).id();
        InteractionView scheduled = agent.api.scheduleCallback(new NewCallbackRequest(customer, "07700 900343",
                clock.instant().plus(Duration.ofHours(2)), null, agent.api.me().id(), "promised"));
        assertThat(scheduled.state()).isEqualTo(InteractionState.SCHEDULED);

        assertThat(agent.api.queue()).extracting(e -> e.interactionId()).doesNotContain(scheduled.id());
        clock.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.api.queue().stream()
                .anyMatch(e -> e.interactionId() == scheduled.id() && e.callback()));
        assertThat(agent.api.interaction(scheduled.id()).state()).isEqualTo(InteractionState.QUEUED);

        // ready again: the callback that kept its place comes first, with its number
        agent.api.setState(AgentState.READY);
        assertThat(agent.offerOf(first).pop().interaction().routing().callbackNumber()).isEqualTo("+44 7700 900341");

        assertThat(catchThrowableOfType(ApiException.class, () -> agent.api.setState(AgentState.NOT_READY, "NAP"))
                .error().field()).isEqualTo("reasonCode");
        assertThat(catchThrowableOfType(ApiException.class, () -> agent.api.scheduleCallback(
                new NewCallbackRequest(customer, "not a number", Instant.now(), null, null, null))).error().field())
                .isEqualTo("number");
    }

    @Test
    void timeInEachStateIsRecorded() {
        Desk agent = new Desk("agent");
        agent.api.setState(AgentState.NOT_READY, "BREAK");
        agent.api.setState(AgentState.READY);
        long id = agent.api.me().id();
        RoutingStore store = new RoutingStore(server.database().dataSource());
        // the log is written a few milliseconds behind routing
        await().atMost(Duration.ofSeconds(5)).until(() -> store
                .secondsInStates(id, Instant.now().minusSeconds(60), clock.instant()).keySet()
                .containsAll(List.of("READY", "NOT_READY")));
    }
}
