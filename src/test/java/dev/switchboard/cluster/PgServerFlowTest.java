package dev.switchboard.cluster;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One server on PostgreSQL, end to end over HTTP: sign in, ready, a contact arrives, offer, accept, wrap-up. */
class PgServerFlowTest {
    private final PgNodes nodes = new PgNodes();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void anAgentTakesAContactIngestedOverRestFromOfferToWrapUp() {
        SwitchboardServer server = nodes.server(Duration.ofSeconds(30));
        String user = PgNodes.agent(server, "pgagent");
        try (ClusterDesk desk = new ClusterDesk(server, user, PgNodes.PASSWORD)) {
            desk.api.setState(AgentState.READY);
            long id = desk.api.ingest(new IngestRequest(Channel.PHONE, null, "+447700900123", "Order status", null))
                    .interaction().id();

            OfferEvent offer = desk.offerOf(id);
            assertThat(offer.pop().interaction().id()).isEqualTo(id);
            InteractionView active = desk.api.accept(id);
            assertThat(active.state()).isEqualTo(InteractionState.ACTIVE);
            assertThat(desk.api.end(id).state()).isEqualTo(InteractionState.WRAP_UP);
            InteractionView done = desk.api.wrapUp(id, new WrapUpRequest("RESOLVED", "answered on PostgreSQL", null));
            assertThat(done.state()).isEqualTo(InteractionState.ENDED);

            InteractionStore stored = new InteractionStore(server.database().dataSource());
            await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ENDED);
            assertThat(stored.find(id).orElseThrow().routing().disposition()).isEqualTo("RESOLVED");
            assertThat(server.database().isPostgres()).isTrue();
        }
    }
}
