package dev.switchboard.store;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Routing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's timeline pages newest first through contacts made at the same instant, none skipped or shown twice. */
class InteractionTimelineTest {

    @Test
    void pagesWalkTheWholeHistoryThroughTiedTimes() {
        try (Database db = Database.h2Memory("timeline-" + System.nanoTime())) {
            long customer = new CustomerStore(db.dataSource()).create("Tim", "Eline", null, List.of(), null,
                    Instant.parse("2026-11-01T00:00:00Z")).id();
            long other = new CustomerStore(db.dataSource()).create("Oth", "Er", null, List.of(), null,
                    Instant.parse("2026-11-01T00:00:00Z")).id();
            InteractionStore store = new InteractionStore(db.dataSource());
            List<Long> expected = new ArrayList<>();
            Instant base = Instant.parse("2026-11-02T09:00:00Z");
            for (int i = 0; i < 25; i++) {
                // three contacts at each instant: the id breaks the tie
                Instant at = base.plusSeconds(i / 3);
                expected.add(0, store.insert(contact(customer, at)).id());
                store.insert(contact(other, at));
            }
            List<Long> seen = new ArrayList<>();
            List<Interaction> page = store.timeline(customer, null, null, 4);
            while (!page.isEmpty()) {
                page.forEach(i -> seen.add(i.id()));
                Interaction last = page.get(page.size() - 1);
                page = store.timeline(customer, last.createdAt(), last.id(), 4);
            }
            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    private static Interaction contact(long customer, Instant at) {
        return new Interaction(0, customer, Channel.EMAIL, Direction.INBOUND, InteractionState.ENDED, "tim@example.com",
                "Hello", "", at, null, at, null, Routing.NONE);
    }
}
