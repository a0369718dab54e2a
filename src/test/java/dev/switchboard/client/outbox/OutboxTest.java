package dev.switchboard.client.outbox;

import dev.switchboard.client.outbox.OutboxEntry.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored queue itself: order, keys, bodies, the three ways an entry ends, and a restart. */
class OutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:15:30.123456789Z");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    record Note(String body, Instant at) {
    }

    private Outbox open() {
        return Outbox.open(dir.resolve("outbox"), clock);
    }

    @Test
    void addedEntriesArePendingInTheOrderTheyWereAddedEachWithItsOwnKey() {
        try (Outbox outbox = open()) {
            OutboxEntry a = outbox.add("POST", "/api/v1/tickets/7/notes", new Note("called back", NOW), "note on #7");
            OutboxEntry b = outbox.add("patch", "/api/v1/tickets/7", null, "close #7");
            OutboxEntry c = outbox.add("DELETE", "/api/v1/callbacks/3", null, "cancel callback");

            assertThat(outbox.pending()).containsExactly(a, b, c);
            assertThat(outbox.pendingCount()).isEqualTo(3);
            assertThat(outbox.next()).contains(a);
            assertThat(List.of(a.key(), b.key(), c.key())).doesNotHaveDuplicates()
                    .allSatisfy(k -> assertThat(k).matches("[A-Za-z0-9._:-]{8,100}"));
            assertThat(a.id()).isLessThan(b.id());
            assertThat(b.id()).isLessThan(c.id());
            assertThat(a.bodyJson()).isEqualTo("{\"body\":\"called back\",\"at\":\"2026-11-23T09:15:30.123456789Z\"}");
            assertThat(b.method()).isEqualTo("PATCH");
            assertThat(b.bodyJson()).isNull();
            assertThat(a.createdAt()).isEqualTo(NOW);
            assertThat(a.attempts()).isZero();
            assertThat(a.state()).isEqualTo(State.PENDING);
            assertThat(a.lastError()).isNull();
            assertThat(a.nextAttemptAt()).isNull();
        }
    }

    @Test
    void sentAndFailedEntriesLeaveThePendingListAndFailedOnesStayVisible() {
        try (Outbox outbox = open()) {
            OutboxEntry a = outbox.add("POST", "/api/v1/tickets", new Note("a", NOW), "new ticket");
            OutboxEntry b = outbox.add("POST", "/api/v1/tickets", new Note("b", NOW), "another ticket");
            OutboxEntry c = outbox.add("POST", "/api/v1/tickets", new Note("c", NOW), "third ticket");

            outbox.markSent(a.id(), 201, "{\"id\":41}");
            outbox.markFailed(b.id(), 400, "subject is required");

            assertThat(outbox.pending()).containsExactly(c);
            assertThat(outbox.pendingCount()).isEqualTo(1);
            assertThat(outbox.entry(a.id())).get().extracting(OutboxEntry::state).isEqualTo(State.SENT);
            assertThat(outbox.failed()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(b.id());
                assertThat(f.state()).isEqualTo(State.FAILED);
                assertThat(f.lastError()).isEqualTo("subject is required");
            });

            // an answer that comes late changes nothing once the entry has ended
            outbox.markFailed(a.id(), 409, "late");
            outbox.markSent(b.id(), 200, "{}");
            assertThat(outbox.entry(a.id()).orElseThrow().state()).isEqualTo(State.SENT);
            assertThat(outbox.entry(b.id()).orElseThrow().state()).isEqualTo(State.FAILED);
        }
    }

    @Test
    void aFailedAttemptIsCountedWithItsReasonAndTheNextTime() {
        try (Outbox outbox = open()) {
            OutboxEntry a = outbox.add("PUT", "/api/v1/me/state", null, "go ready");
            outbox.recordAttempt(a.id(), "HTTP 503: busy", NOW.plusMillis(500));
            outbox.recordAttempt(a.id(), "no answer from the server", NOW.plusSeconds(1));

            OutboxEntry after = outbox.next().orElseThrow();
            assertThat(after.attempts()).isEqualTo(2);
            assertThat(after.lastError()).isEqualTo("no answer from the server");
            assertThat(after.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(after.state()).isEqualTo(State.PENDING);
            assertThat(after.key()).isEqualTo(a.key());
        }
    }

    @Test
    void entriesSurviveClosingAndReopening() {
        List<OutboxEntry> before;
        long sentId;
        try (Outbox outbox = open()) {
            sentId = outbox.add("POST", "/api/v1/tickets", new Note("x", NOW), "sent one").id();
            outbox.add("POST", "/api/v1/tickets/1/notes", new Note("y", NOW), "pending one");
            outbox.add("DELETE", "/api/v1/callbacks/9", null, "pending two");
            outbox.markSent(sentId, 201, "{}");
            before = outbox.pending();
        }
        assertThat(Files.exists(dir.resolve("outbox.mv.db"))).isTrue();
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.mv.db"), clock)) {
            assertThat(outbox.pending()).isEqualTo(before).hasSize(2);
            OutboxEntry later = outbox.add("POST", "/api/v1/tickets", null, "after restart");
            assertThat(later.id()).isGreaterThan(before.get(1).id());
            assertThat(outbox.entry(sentId).orElseThrow().state()).isEqualTo(State.SENT);
        }
    }

    @Test
    void onlyWritesToAServerPathAreAccepted() {
        try (Outbox outbox = open()) {
            assertThatThrownBy(() -> outbox.add("GET", "/api/v1/me", null, "read"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> outbox.add("POST", "api/v1/tickets", null, "relative"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(outbox.pendingCount()).isZero();
        }
    }
}
