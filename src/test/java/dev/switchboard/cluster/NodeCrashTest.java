package dev.switchboard.cluster;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.cluster.ClusterSettings;
import dev.switchboard.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed with -9 (its own JVM, no shutdown hook, nothing released): the contact ringing at
 * one of its agents is offered to an agent of a node still alive once the dead node's heartbeat is
 * older than the timeout, and a contact one of its agents had accepted stays that agent's, who
 * finishes it after signing in to the live node.
 */
@Timeout(240)
class NodeCrashTest {
    /** Node B takes a node for dead after this much silence (the default is 15 s). */
    private static final Duration DEAD_AFTER = Duration.ofSeconds(6);
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(120);

    private final PgNodes nodes = new PgNodes();
    private final List<AutoCloseable> desks = new ArrayList<>();
    private final List<String> nodeLog = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable d : desks) {
            d.close();
        }
        nodes.close();
    }

    private SwitchboardServer nodeB() {
        return nodes.node(ClusterSettings.of("node-b").withLiveness(Duration.ofSeconds(1), DEAD_AFTER), OFFER_TIMEOUT);
    }

    @Test
    void aContactRingingAtAnAgentOfAKilledNodeIsOfferedToAnAgentOfAnotherNode() throws Exception {
        SwitchboardServer b = nodeB();
        String ann = PgNodes.agent(b, "ann");
        ClusterDesk bob = track(new ClusterDesk(b, PgNodes.agent(b, "bob"), PgNodes.PASSWORD));
        bob.api.setState(AgentState.NOT_READY, "BREAK");
        NodeProcess a = nodes.process("node-a", OFFER_TIMEOUT, nodeLog::add);
        RemoteDesk annOnA = track(new RemoteDesk(a.baseUrl(), ann));
        annOnA.api.setState(AgentState.READY);

        long id = b.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900601", "Ringing at A", null))
                .interaction().id();
        annOnA.offerOf(id);
        bob.api.setState(AgentState.READY);
        InteractionStore stored = new InteractionStore(b.database().dataSource());
        assertThat(stored.find(id).orElseThrow().state()).isEqualTo(InteractionState.OFFERED);
        assertThat(bob.offers).as("node A's claim holds while A lives").isEmpty();

        a.kill();
        Instant killed = Instant.now();

        OfferEvent offer = bob.offerOf(id);
        assertThat(Duration.between(killed, Instant.now())).isLessThan(DEAD_AFTER.plusSeconds(6));
        bob.api.accept(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ACTIVE);
        assertThat(stored.find(id).orElseThrow().agentId()).isEqualTo(offer.agentId());
        await().atMost(Duration.ofSeconds(5)).until(() -> nodeRows(b).equals(List.of("node-b")));
    }

    @Test
    void aContactAnAgentOfAKilledNodeHadAcceptedStaysTheirsAndTheyFinishItOnAnotherNode() throws Exception {
        SwitchboardServer b = nodeB();
        String ann = PgNodes.agent(b, "ann");
        NodeProcess a = nodes.process("node-a", OFFER_TIMEOUT, nodeLog::add);
        RemoteDesk annOnA = track(new RemoteDesk(a.baseUrl(), ann));
        annOnA.api.setState(AgentState.READY);
        long id = b.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900602", "Taken at A", null))
                .interaction().id();
        long annId = annOnA.offerOf(id).agentId();
        annOnA.api.accept(id);
        InteractionStore stored = new InteractionStore(b.database().dataSource());
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ACTIVE);

        a.kill();
        await().atMost(DEAD_AFTER.plusSeconds(10)).until(() -> nodeRows(b).equals(List.of("node-b")));

        // her desktop signs in to node B: the contact is still hers, and she finishes it there
        ClusterDesk annOnB = track(new ClusterDesk(b, ann, PgNodes.PASSWORD));
        assertThat(annOnB.api.activeWork()).extracting(p -> p.interaction().id()).containsExactly(id);
        assertThat(stored.find(id).orElseThrow().state()).isEqualTo(InteractionState.ACTIVE);
        annOnB.api.end(id);
        annOnB.api.wrapUp(id, new WrapUpRequest("RESOLVED", "finished on node B", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ENDED);
        assertThat(stored.find(id).orElseThrow().agentId()).isEqualTo(annId);
        assertThat(annOnB.offers).isEmpty();
    }

    private <T extends AutoCloseable> T track(T desk) {
        desks.add(desk);
        return desk;
    }

    /** The nodes with a heartbeat row, by name. */
    private static List<String> nodeRows(SwitchboardServer any) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = any.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT node_id FROM cluster_node ORDER BY node_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** An agent's desktop signed in to a node in another JVM: its client and the offers its stream brought. */
    private static final class RemoteDesk implements AutoCloseable {
        final HttpSwitchboardApi api;
        final List<OfferEvent> offers = new CopyOnWriteArrayList<>();
        private final EventSubscription subscription;

        RemoteDesk(String baseUrl, String user) {
            api = new HttpSwitchboardApi(baseUrl);
            long seq = api.login(user, PgNodes.PASSWORD).eventSeq();
            subscription = api.subscribe(seq, new EventListener() {
                @Override
                public void onEvent(StreamEvent e) {
                    if (e.type().equals(EventTypes.OFFER)) {
                        offers.add((OfferEvent) e.payload());
                    }
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(subscription::connected);
        }

        OfferEvent offerOf(long interactionId) {
            return await().atMost(Duration.ofSeconds(15)).until(() -> offers.stream()
                    .filter(o -> o.interactionId() == interactionId).findFirst().orElse(null), Objects::nonNull);
        }

        @Override
        public void close() {
            subscription.close();
        }
    }
}
