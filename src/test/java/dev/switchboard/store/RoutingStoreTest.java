package dev.switchboard.store;

import dev.switchboard.domain.ContactQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue's priority is kept, and only that queue's. */
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
}
