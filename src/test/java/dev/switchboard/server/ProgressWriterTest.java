package dev.switchboard.server;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Routing;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressWriterTest {

    @Test
    void progressIsReadBackAtOnceAndWrittenInTheBackground() {
        try (Database db = Database.h2Memory("progress-" + System.nanoTime())) {
            InteractionStore store = new InteractionStore(db.dataSource());
            ProgressWriter writer = new ProgressWriter(store, new RoutingStore(db.dataSource()));
            store.unwrittenFrom(writer::pending);
            Instant now = Instant.parse("2026-11-25T10:00:00Z");
            long agent = new AgentStore(db.dataSource()).insert("a", "A", Role.AGENT, "!", true).id();
            Interaction queued = store.insert(new Interaction(0, null, Channel.CHAT, Direction.INBOUND,
                    InteractionState.QUEUED, "a@example.org", "hi", "", now, null, null, null,
                    Routing.NONE.inQueue(1, 0, now, null)));
            Interaction active = queued.offeredTo(agent).answered(now.plusSeconds(3));

            writer.interaction(queued.offeredTo(agent));
            writer.interaction(active);
            assertThat(store.find(queued.id()).orElseThrow().state()).isEqualTo(InteractionState.ACTIVE);

            writer.close();
            assertThat(writer.pending(queued.id())).isEmpty();
            InteractionStore plain = new InteractionStore(db.dataSource());
            Interaction stored = plain.find(queued.id()).orElseThrow();
            assertThat(stored.state()).isEqualTo(InteractionState.ACTIVE);
            assertThat(stored.answeredAt()).isEqualTo(now.plusSeconds(3));
        }
    }

    @Test
    void aRowThatCannotBeWrittenDoesNotHoldUpTheOthers() {
        try (Database db = Database.h2Memory("progress-bad-" + System.nanoTime())) {
            InteractionStore store = new InteractionStore(db.dataSource());
            ProgressWriter writer = new ProgressWriter(store, new RoutingStore(db.dataSource()));
            Instant now = Instant.parse("2026-11-25T10:00:00Z");
            Interaction good = store.insert(new Interaction(0, null, Channel.EMAIL, Direction.INBOUND,
                    InteractionState.QUEUED, "g@example.org", "", "", now, null, null, null, Routing.NONE));
            Interaction bad = store.insert(new Interaction(0, null, Channel.EMAIL, Direction.INBOUND,
                    InteractionState.QUEUED, "b@example.org", "", "", now, null, null, null, Routing.NONE));
            writer.interaction(good.withState(InteractionState.ABANDONED));
            writer.interaction(bad.offeredTo(424242)); // no such agent: the foreign key refuses it
            writer.flush();
            assertThat(store.find(good.id()).orElseThrow().state()).isEqualTo(InteractionState.ABANDONED);
            assertThat(writer.pending(bad.id())).isEmpty();
            writer.close();
        }
    }
}
