package dev.switchboard.store;

import dev.switchboard.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SessionStore} promises, run on H2 ({@link SessionStoreTest}) and on PostgreSQL
 * ({@code PgSessionStoreTest}): the SQL of V15 and of the store must mean the same on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final AtomicInteger NAMES = new AtomicInteger();
    private Database db;
    private SessionStore store;
    private AgentStore agents;

    /** A fresh, migrated database for this class. */
    protected abstract Database open();

    /** Called after the database closed: drop it, if it outlives its pool. */
    protected void dropped() {
    }

    @BeforeAll
    void openDatabase() {
        db = open();
        store = new SessionStore(db.dataSource());
        agents = new AgentStore(db.dataSource());
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
        dropped();
    }

    private long agent() {
        String name = "s" + NAMES.incrementAndGet();
        return agents.insert(name, name, Role.AGENT, "!", false).id();
    }

    /** A made-up hash: the store takes whatever SHA-256 hex its caller computed. */
    private static String hash() {
        return String.format("%064x", NAMES.incrementAndGet());
    }

    @Test
    void aSessionIsFoundByItsHashUntilItEnds() {
        long kim = agent();
        String h = hash();
        store.insert(h, kim, T0);
        assertThat(store.find(h)).contains(new SessionStore.Row(kim, T0, T0));
        assertThat(store.find(hash())).isEmpty();

        assertThat(store.end(h, T0.minus(Duration.ofHours(12)))).isTrue();
        assertThat(store.find(h)).isEmpty();
        assertThat(store.end(h, T0.minus(Duration.ofHours(12)))).as("ended once").isFalse();
    }

    @Test
    void endingAllOfAnAgentEndsTheirLiveSessionsOnly() {
        long kim = agent();
        long lee = agent();
        String desk = hash();
        String laptop = hash();
        String old = hash();
        String lees = hash();
        store.insert(desk, kim, T0);
        store.insert(laptop, kim, T0.plusSeconds(60));
        store.insert(old, kim, T0.minus(Duration.ofHours(13)));
        store.insert(lees, lee, T0);

        assertThat(store.endAll(kim, T0.minus(Duration.ofHours(12)))).isEqualTo(2);
        assertThat(store.find(desk)).isEmpty();
        assertThat(store.find(laptop)).isEmpty();
        assertThat(store.find(old)).as("past its lifetime: not counted, left to be deleted").isPresent();
        assertThat(store.find(lees)).isPresent();
        assertThat(store.endAll(kim, T0.minus(Duration.ofHours(12)))).isZero();
    }

    @Test
    void lastUseOnlyMovesForwardAndNotOnEndedSessions() {
        long kim = agent();
        String used = hash();
        String later = hash();
        String ended = hash();
        store.insert(used, kim, T0);
        store.insert(later, kim, T0);
        store.insert(ended, kim, T0);
        store.touch(Map.of(later, T0.plusSeconds(600)));
        store.end(ended, T0.minus(Duration.ofHours(12)));

        store.touch(Map.of(used, T0.plusSeconds(120), later, T0.plusSeconds(300), ended, T0.plusSeconds(120)));
        assertThat(store.find(used).orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(store.find(later).orElseThrow().lastSeen()).as("another node wrote a later use")
                .isEqualTo(T0.plusSeconds(600));
        assertThat(store.find(ended)).isEmpty();
        store.touch(Map.of());
    }

    @Test
    void endedSessionsAreListedByTheDatabasesClock() {
        long kim = agent();
        String ended = hash();
        String live = hash();
        store.insert(ended, kim, T0);
        store.insert(live, kim, T0);
        Instant before = store.now();

        store.end(ended, T0.minus(Duration.ofHours(12)));
        SessionStore.Ended seen = store.endedSince(before.minusMillis(1));
        assertThat(seen.tokenHashes()).contains(ended).doesNotContain(live);
        assertThat(seen.asOf()).isAfterOrEqualTo(before);
        assertThat(store.endedSince(seen.asOf().plusMillis(1)).tokenHashes()).as("nothing ended since").isEmpty();
    }

    @Test
    void expiredAndLongEndedSessionsAreDeleted() {
        long kim = agent();
        String live = hash();
        String pastLifetime = hash();
        String idle = hash();
        String ended = hash();
        Instant now = T0.plus(Duration.ofDays(2));
        store.insert(live, kim, now.minus(Duration.ofHours(1)));
        store.insert(pastLifetime, kim, now.minus(Duration.ofHours(14)));
        store.touch(Map.of(pastLifetime, now.minusSeconds(60)));
        store.insert(idle, kim, now.minus(Duration.ofHours(3)));
        store.insert(ended, kim, now.minus(Duration.ofHours(1)));
        store.end(ended, now.minus(Duration.ofHours(12)));
        Instant dbNow = store.now();

        // other tests' rows share the table (and are older): what counts is which of these go
        assertThat(store.deleteExpired(dbNow.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(13)),
                now.minus(Duration.ofHours(2)))).isGreaterThanOrEqualTo(2);
        assertThat(store.find(pastLifetime)).isEmpty();
        assertThat(store.find(idle)).isEmpty();
        assertThat(store.find(live)).isPresent();
        assertThat(store.endedSince(dbNow.minus(Duration.ofMinutes(1))).tokenHashes()).as("ended just now: kept")
                .contains(ended);
        assertThat(store.deleteExpired(dbNow.plusSeconds(1), now.minus(Duration.ofHours(13)),
                now.minus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(store.endedSince(dbNow.minus(Duration.ofMinutes(1))).tokenHashes()).doesNotContain(ended);
        assertThat(store.find(live)).isPresent();
    }
}
