package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.store.CustomerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Matching on generated demo data (one, several, none) and contacts surviving a restart. */
class ContactFlowTest {

    private static List<OfferEvent> follow(HttpSwitchboardApi api, List<EventSubscription> keep) {
        return follow(api, 0, keep);
    }

    private static List<OfferEvent> follow(HttpSwitchboardApi api, long after, List<EventSubscription> keep) {
        List<OfferEvent> offers = new CopyOnWriteArrayList<>();
        EventSubscription s = api.subscribe(after, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                if (event.type().equals(EventTypes.OFFER)) {
                    offers.add((OfferEvent) event.payload());
                }
            }
        });
        keep.add(s);
        await().atMost(Duration.ofSeconds(10)).until(s::connected);
        return offers;
    }

    @Test
    void aHouseholdNumberMatchesSeveralAndTheAgentsPickIsRemembered() {
        List<EventSubscription> subs = new CopyOnWriteArrayList<>();
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("flow-several", 800))) {
            CustomerStore customers = new CustomerStore(server.database().dataSource());
            String shared = customers.sharedAddresses(ContactKind.PHONE, 10).get(0);
            HttpSwitchboardApi agent = new HttpSwitchboardApi(server.baseUrl());
            agent.login("agent", "agent");
            List<OfferEvent> offers = follow(agent, subs);

            IngestResponse r = agent.ingest(new IngestRequest(Channel.PHONE, null, shared, "Call", null));
            assertThat(r.match()).isEqualTo(MatchKind.SEVERAL);
            assertThat(r.candidateIds()).hasSizeGreaterThanOrEqualTo(2);
            OfferEvent offer = await().atMost(Duration.ofSeconds(10)).until(() -> offers.stream()
                    .filter(o -> o.interactionId() == r.interaction().id()).findFirst().orElse(null), o -> o != null);
            assertThat(offer.pop().match()).isEqualTo(MatchKind.SEVERAL);
            assertThat(offer.pop().candidates()).extracting(c -> c.id()).containsExactlyInAnyOrderElementsOf(r.candidateIds());
            assertThat(offer.pop().customer()).isNull();

            long picked = r.candidateIds().get(1);
            assertThat(agent.linkCustomer(r.interaction().id(), picked).customerId()).isEqualTo(picked);
            assertThat(agent.interaction(r.interaction().id()).customerId()).isEqualTo(picked);
            agent.accept(r.interaction().id());
            assertThat(agent.interaction(r.interaction().id()).customerId()).isEqualTo(picked);
            assertThat(agent.timeline(picked, null, 5).items().get(0).id()).isEqualTo(r.interaction().id());
        } finally {
            subs.forEach(EventSubscription::close);
        }
    }

    @Test
    void aKnownCustomerPopsWithHistoryAndAnUnknownOneCanBeCreatedFromTheContact() {
        List<EventSubscription> subs = new CopyOnWriteArrayList<>();
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("flow-known", 800))) {
            CustomerStore customers = new CustomerStore(server.database().dataSource());
            var someone = customers.findAll(customers.idsByNamePrefix("a", 50)).stream()
                    .filter(c -> c.contactPoints().stream().anyMatch(p -> p.kind() == ContactKind.EMAIL))
                    .findFirst().orElseThrow();
            String email = someone.contactPoints().stream().filter(p -> p.kind() == ContactKind.EMAIL)
                    .findFirst().orElseThrow().value();
            HttpSwitchboardApi agent = new HttpSwitchboardApi(server.baseUrl());
            agent.login("agent", "agent");
            List<OfferEvent> offers = follow(agent, subs);

            IngestResponse known = agent.ingest(new IngestRequest(Channel.EMAIL, null, email.toUpperCase(), "Hello", "Body"));
            assertThat(known.match()).isEqualTo(MatchKind.SINGLE);
            OfferEvent offer = await().atMost(Duration.ofSeconds(10)).until(() -> offers.stream()
                    .filter(o -> o.interactionId() == known.interaction().id()).findFirst().orElse(null), o -> o != null);
            assertThat(offer.pop().customer().id()).isEqualTo(someone.id());
            assertThat(offer.pop().recent()).hasSizeLessThanOrEqualTo(ScreenPopBuilder.RECENT)
                    .allMatch(i -> i.customerId() == someone.id() && i.id() != known.interaction().id());
            agent.accept(known.interaction().id());
            agent.end(known.interaction().id());
            agent.wrapUp(known.interaction().id(), new WrapUpRequest("INFO_GIVEN", null, null));

            IngestResponse unknown = agent.ingest(new IngestRequest(Channel.PHONE, null, "+44 7700 900999", "Call", null));
            assertThat(unknown.match()).isEqualTo(MatchKind.UNKNOWN);
            var created = agent.createCustomer(new NewCustomerRequest("Nadia", "Newcomer", null,
                    List.of(new NewContactPoint(ContactKind.PHONE, unknown.interaction().address(), "mobile")),
                    unknown.interaction().id()));
            assertThat(agent.interaction(unknown.interaction().id()).customerId()).isEqualTo(created.id());
            assertThat(agent.ingest(new IngestRequest(Channel.PHONE, null, "07700900999", "Again", null)).match())
                    .isEqualTo(MatchKind.SINGLE);
        } finally {
            subs.forEach(EventSubscription::close);
        }
    }

    @Test
    void queuedContactsSurviveARestartAndAreOfferedOnceEach(@TempDir Path dir) {
        ServerOptions options = new ServerOptions("127.0.0.1", 0, dir, null, null, null, null, 0, 1, 0, "GB",
                null, null, 0, 0, 0, null, null, false, null, Clock.systemUTC());
        List<Long> queued;
        try (SwitchboardServer first = SwitchboardServer.start(options)) {
            HttpSwitchboardApi outbound = new HttpSwitchboardApi(first.baseUrl());
            outbound.login("outbound", "outbound"); // starts not ready: nobody takes the contacts
            queued = List.of(
                    outbound.ingest(new IngestRequest(Channel.PHONE, null, "+447700900001", "one", null)).interaction().id(),
                    outbound.ingest(new IngestRequest(Channel.CHAT, null, "two@example.org", "two", null)).interaction().id(),
                    outbound.ingest(new IngestRequest(Channel.EMAIL, null, "three@example.org", "three", null)).interaction().id());
        }
        List<EventSubscription> subs = new CopyOnWriteArrayList<>();
        try (SwitchboardServer second = SwitchboardServer.start(options)) {
            HttpSwitchboardApi agent = new HttpSwitchboardApi(second.baseUrl());
            // subscribe from the sequence at sign-in: the first offer is made the moment the agent is ready
            long signedInAt = agent.login("agent", "agent").eventSeq();
            List<OfferEvent> offers = follow(agent, signedInAt, subs);
            // the chat's queue has the higher priority, and an e-mail fits beside it; the call needs the
            // whole agent and comes once both are wrapped up
            List<Long> handled = new java.util.ArrayList<>();
            while (handled.size() < queued.size()) {
                OfferEvent next = await().atMost(Duration.ofSeconds(10)).until(() -> offers.stream()
                        .filter(o -> !handled.contains(o.interactionId())).findFirst().orElse(null), o -> o != null);
                agent.accept(next.interactionId());
                agent.end(next.interactionId());
                agent.wrapUp(next.interactionId(), new WrapUpRequest("RESOLVED", null, null));
                handled.add(next.interactionId());
            }
            assertThat(offers).extracting(OfferEvent::interactionId)
                    .containsExactlyInAnyOrderElementsOf(queued).doesNotHaveDuplicates();
            assertThat(handled.get(2)).isEqualTo(queued.get(0));
        } finally {
            subs.forEach(EventSubscription::close);
        }
    }
}
