package dev.switchboard.store;

import dev.switchboard.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys whose request a stop cut off are let go at the next start, so the client's retry can run. */
class IdempotencyStoreTest {

    @Test
    void aKeyCutOffByAStopIsLetGoAndAnsweredKeysStay() {
        try (Database db = Database.h2Memory("idem-store-" + System.nanoTime())) {
            long agent = new AgentStore(db.dataSource()).insert("kim", "Kim", Role.AGENT, "x", false).id();
            IdempotencyStore store = new IdempotencyStore(db.dataSource());
            Instant now = Instant.parse("2026-11-26T10:00:00Z");
            assertThat(store.claim(agent, "cut-off-key-1", "POST", "/api/v1/tickets/1/notes", now)).isTrue();
            assertThat(store.claim(agent, "answered-key-1", "POST", "/api/v1/tickets/1/notes", now)).isTrue();
            store.complete(agent, "answered-key-1", 201, "{\"id\":1}");
            assertThat(store.find(agent, "cut-off-key-1").orElseThrow().running()).isTrue();

            assertThat(store.releaseUnfinished()).isEqualTo(1);

            assertThat(store.find(agent, "cut-off-key-1")).isEmpty();
            assertThat(store.claim(agent, "cut-off-key-1", "POST", "/api/v1/tickets/1/notes", now)).as("runs again").isTrue();
            assertThat(store.find(agent, "answered-key-1").orElseThrow().status()).isEqualTo(201);
        }
    }
}
