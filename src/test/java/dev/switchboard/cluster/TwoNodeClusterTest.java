package dev.switchboard.cluster;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server nodes on loopback sharing one PostgreSQL database serve one contact centre: a contact
 * ingested on one node reaches a ready agent on the other, a burst is offered one agent at a time
 * and handled in full, and a contact rejected on one node goes to an agent on the other.
 */
class TwoNodeClusterTest {
    private final PgNodes nodes = new PgNodes();
    private final List<ClusterDesk> desks = new ArrayList<>();

    @AfterEach
    void stop() {
        desks.forEach(ClusterDesk::close);
        nodes.close();
    }

    private ClusterDesk desk(SwitchboardServer node, String user) {
        ClusterDesk d = new ClusterDesk(node, user, PgNodes.PASSWORD);
        desks.add(d);
        return d;
    }

    @Test
    void aContactIngestedOnNodeBIsOfferedToAnAgentOnNodeAAndSupervisorsOnBothSeeIt() {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk onA = desk(a, PgNodes.agent(a, "ann"));
        ClusterDesk onB = desk(b, PgNodes.agent(b, "ben"));
        onB.api.setState(AgentState.NOT_READY, "BREAK");
        ClusterDesk supervisorOnB = new ClusterDesk(b, "supervisor", "supervisor");
        desks.add(supervisorOnB);
        onA.api.setState(AgentState.READY);

        long id = supervisorOnB.api.ingest(new IngestRequest(Channel.PHONE, null, "+447700900555", "From node B", null))
                .interaction().id();

        OfferEvent offer = onA.offerOf(id);
        assertThat(offer.pop().interaction().id()).isEqualTo(id);
        onA.api.accept(id);
        onA.api.end(id);
        onA.api.wrapUp(id, new WrapUpRequest("RESOLVED", null, null));
        // node A's offer reached the supervisor following node B
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisorOnB.sawEvent(EventTypes.OFFER, id));
        InteractionStore stored = new InteractionStore(a.database().dataSource());
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ENDED);
        assertThat(onB.offers).isEmpty();
    }

    @Test
    void aNodeStartedWhileAnotherOffersAContactLeavesThatOfferAlone() {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        ClusterDesk onA = desk(a, PgNodes.agent(a, "ari"));
        String bella = PgNodes.agent(a, "bella");
        onA.api.setState(AgentState.READY);
        long id = a.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900559", "Ringing at A", null))
                .interaction().id();
        long ari = onA.offerOf(id).agentId();

        // node B starts while the offer rings at A: its recovery must leave the contact to A's claim
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk onB = desk(b, bella);
        onB.api.setState(AgentState.READY);
        InteractionStore stored = new InteractionStore(b.database().dataSource());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> onB.offers.isEmpty()
                && stored.find(id).orElseThrow().state() == InteractionState.OFFERED);
        assertThat(stored.find(id).orElseThrow().agentId()).isEqualTo(ari);
        onA.api.accept(id);
    }

    @Test
    void aContactWaitingOnNodeBShowsInTheQueueOfAnAgentOnNodeA() {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk onA = desk(a, PgNodes.agent(a, "amy"));
        onA.api.setState(AgentState.NOT_READY, "BREAK");
        long id = b.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900556", "Waiting", null))
                .interaction().id();
        // Amy is not ready: the contact waits, and her queue on node A shows it
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.api.queue().stream()
                .map(QueueEntryView::interactionId).anyMatch(x -> x == id));
        assertThat(onA.events).anyMatch(e -> e.type().equals(EventTypes.QUEUE));
    }

    @Test
    void aContactRejectedOnNodeAIsOfferedOnNodeB() {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk onA = desk(a, PgNodes.agent(a, "ada"));
        ClusterDesk onB = desk(b, PgNodes.agent(b, "bob"));
        onA.api.setState(AgentState.READY);
        long id = a.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900557", "Reject me", null))
                .interaction().id();
        onA.offerOf(id);
        onB.api.setState(AgentState.READY);
        assertThat(onB.offers).isEmpty();

        onA.api.reject(id);

        onB.offerOf(id);
        onB.api.accept(id);
        assertThat(onA.offers).extracting(OfferEvent::interactionId).containsExactly(id);
        InteractionStore stored = new InteractionStore(b.database().dataSource());
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ACTIVE);
        assertThat(stored.find(id).orElseThrow().agentId()).isEqualTo(onB.offerOf(id).agentId());
    }

    @Test
    void aBurstOnBothNodesIsOfferedOnceEachAndAllHandled() throws Exception {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(120));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(120));
        int contacts = 200;
        Map<Long, List<String>> offersByContact = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            for (int n = 0; n < 6; n++) {
                SwitchboardServer node = n % 2 == 0 ? a : b;
                String user = PgNodes.agent(node, "burst" + n);
                ClusterDesk[] self = new ClusterDesk[1];
                self[0] = new ClusterDesk(node, user, PgNodes.PASSWORD, offer -> {
                    offersByContact.computeIfAbsent(offer.interactionId(), k -> new CopyOnWriteArrayList<>())
                            .add(user + "@" + (node == a ? "A" : "B"));
                    workers.execute(() -> {
                        try {
                            self[0].api.accept(offer.interactionId());
                            self[0].api.end(offer.interactionId());
                            self[0].api.wrapUp(offer.interactionId(), new WrapUpRequest("RESOLVED", null, null));
                        } catch (ApiException e) {
                            failures.add(offer.interactionId() + " " + user + ": " + e.getMessage());
                        }
                    });
                });
                desks.add(self[0]);
                self[0].api.setState(AgentState.READY);
            }
            List<Long> ids = new CopyOnWriteArrayList<>();
            ExecutorService ingest = Executors.newFixedThreadPool(4);
            for (int i = 0; i < contacts; i++) {
                SwitchboardServer node = i % 2 == 0 ? a : b;
                String number = String.format("+4477009%05d", i);
                ingest.execute(() -> ids.add(node.contacts().ingest(new IngestRequest(Channel.PHONE, null, number,
                        "Burst", null)).interaction().id()));
            }
            ingest.shutdown();
            assertThat(ingest.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ids).hasSize(contacts);

            InteractionStore stored = new InteractionStore(a.database().dataSource());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ids.stream().allMatch(id -> stored.find(id).orElseThrow().state() == InteractionState.ENDED));

            Map<Long, List<String>> doubled = new HashMap<>();
            offersByContact.forEach((id, who) -> {
                if (who.size() != 1) {
                    doubled.put(id, who);
                }
            });
            assertThat(doubled).as("contacts offered more than once").isEmpty();
            assertThat(offersByContact.keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(ids));
            assertThat(failures).isEmpty();
            long onA = offersByContact.values().stream().filter(w -> w.get(0).endsWith("@A")).count();
            assertThat(onA).as("both nodes' agents took contacts").isBetween(1L, (long) contacts - 1);
        } finally {
            workers.shutdownNow();
        }
    }
}
