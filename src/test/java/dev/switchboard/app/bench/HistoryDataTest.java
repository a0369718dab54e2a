package dev.switchboard.app.bench;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Interaction;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The long-history customer is written in the server's schema and read back as the server reads it. */
class HistoryDataTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private Database db;

    @BeforeEach
    void open() {
        db = Database.h2Memory("p8-history-" + System.nanoTime());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theServersTimelinePagesThroughEveryRowNewestFirst() throws Exception {
        HistoryData.History h;
        try (Connection c = db.connection()) {
            h = HistoryData.create(c, 1_050, NOW, line -> { });
        }
        assertThat(h.rows()).isEqualTo(1_050);

        InteractionStore interactions = new InteractionStore(db.dataSource());
        List<Interaction> all = new ArrayList<>();
        List<Interaction> page = interactions.timeline(h.customerId(), null, null, 100);
        while (!page.isEmpty()) {
            all.addAll(page);
            Interaction last = page.get(page.size() - 1);
            page = interactions.timeline(h.customerId(), last.createdAt(), last.id(), 100);
        }
        assertThat(all).hasSize(1_050);
        assertThat(all.get(0).createdAt()).isBefore(NOW);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).createdAt()).isBefore(all.get(i - 1).createdAt());
        }
        Interaction oldest = all.get(all.size() - 1);
        assertThat(oldest.id()).isEqualTo(h.oldestId());
        assertThat(all.get(all.size() - 2).id()).isEqualTo(h.secondOldestId());
        assertThat(h.cursorBeforeOldest()).isEqualTo(all.get(all.size() - 2).createdAt() + "_" + h.secondOldestId());
    }

    @Test
    void theCustomerIsFoundByItsAddressAndRememberedForTheNextRun() throws Exception {
        try (Connection c = db.connection()) {
            HistoryData.History made = HistoryData.create(c, 40, NOW, line -> { });
            assertThat(HistoryData.find(c)).isEqualTo(made);
            assertThatThrownBy(() -> HistoryData.create(c, 40, NOW, line -> { }))
                    .isInstanceOf(IllegalStateException.class);
            CustomerStore customers = new CustomerStore(db.dataSource());
            assertThat(customers.idsByContact(ContactKind.EMAIL, HistoryData.EMAIL, 5)).containsExactly(made.customerId());
        }
    }

    @Test
    void anEmptyDatabaseHasNoLongHistory() throws Exception {
        try (Connection c = db.connection()) {
            assertThat(HistoryData.find(c)).isNull();
        }
    }
}
