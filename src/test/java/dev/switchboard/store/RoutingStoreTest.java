package dev.switchboard.store;

import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue's priority is kept, and only that queue's; an agent's state log is closed by its open row alone. */
class RoutingStoreTest {

    @Test
    void aQueuesPriorityIsKeptAndAnUnknownQueueChangesNothing() {
        try (Database db = Database.h2Memory("routing-store-" + System.nanoTime())) {
            RoutingStore store = new RoutingStore(db.dataSource());
            ContactQueue first = store.queues().get(0);
            ContactQueue second = store.queues().get(1);

            assertThat(store.setQueuePriority(first.id(), 42)).isTrue();
            assertThat(store.setQueuePriority(999_999, 7)).isFalse();

            assertThat(store.queues().get(0).priority()).isEqualTo(42);
            assertThat(store.queues().get(0)).usingRecursiveComparison().ignoringFields("priority").isEqualTo(first);
            assertThat(store.queues().get(1)).isEqualTo(second);
        }
    }

    @Test
    void eachStateClosesTheAgentsOpenRowOnlyAndFindsItByIndex() throws Exception {
        try (Database db = Database.h2Memory("routing-store-" + System.nanoTime())) {
            RoutingStore store = new RoutingStore(db.dataSource());
            AgentStore agents = new AgentStore(db.dataSource());
            long agent = agents.insert("alice", "Alice", Role.AGENT, "x", false).id();
            long other = agents.insert("bob", "Bob", Role.AGENT, "x", false).id();
            Instant t0 = Instant.parse("2026-11-28T09:00:00Z");
            store.logState(other, "READY", null, t0);
            store.logState(agent, "READY", null, t0);
            store.logState(agent, "NOT_READY", "BREAK", t0.plusSeconds(60));
            store.logStates(List.of(new RoutingStore.StateChange(agent, "READY", null, t0.plusSeconds(90))));

            assertThat(store.secondsInStates(agent, t0, t0.plusSeconds(100)))
                    .containsEntry("READY", 70L).containsEntry("NOT_READY", 30L);
            assertThat(store.secondsInStates(other, t0, t0.plusSeconds(100))).containsEntry("READY", 100L);

            StringBuilder plan = new StringBuilder();
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("EXPLAIN " + RoutingStore.CLOSE_OPEN_STATE)) {
                ps.setObject(1, null);
                ps.setLong(2, agent);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1));
                    }
                }
            }
            assertThat(plan.toString()).as(plan.toString())
                    .contains("AGENT_STATE_LOG_OPEN: AGENT_ID = ?2\n", "AND ENDED_AT IS NULL", "PRIMARY_KEY");
        }
    }
}
