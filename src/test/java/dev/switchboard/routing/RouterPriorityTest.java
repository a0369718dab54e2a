package dev.switchboard.routing;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A supervisor changes a queue's priority while contacts wait: the very next decisions follow the new
 * order, and the router's lines stay sound (contacts still leave, wait again and are offered once).
 */
class RouterPriorityTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final long GENERAL = 1;
    private static final long BILLING = 2;

    private final ManualClock clock = new ManualClock(T0);
    private final Router r = new Router(clock);

    @BeforeEach
    void queues() {
        r.defineQueue(new Router.QueueRule(GENERAL, 0, Duration.ofSeconds(20), Set.of(), Duration.ofSeconds(15)));
        r.defineQueue(new Router.QueueRule(BILLING, 0, Duration.ofSeconds(60), Set.of("billing"),
                Duration.ofSeconds(15)));
        r.signIn(7, Map.of("billing", 3), Capacity.DEFAULT);
        // general, billing, general, billing: one second apart, e-mails so one agent can take them all
        for (int i = 1; i <= 4; i++) {
            r.enqueue(new Router.Contact(i, i % 2 == 1 ? GENERAL : BILLING, Channel.EMAIL, 0,
                    T0.plusSeconds(i), null));
        }
        clock.advance(Duration.ofSeconds(6));
    }

    private static List<Long> offered(List<Decision> ds) {
        return ds.stream().filter(Decision.Offer.class::isInstance).map(d -> ((Decision.Offer) d).interactionId())
                .toList();
    }

    private List<Long> waiting() {
        return r.waitingByUrgency().stream().map(Router.Contact::interactionId).toList();
    }

    @Test
    void theNextOffersFollowTheNewPriority() {
        // equal priorities: general's shorter threshold makes its contacts the more urgent
        assertThat(waiting()).containsExactly(1L, 3L, 2L, 4L);

        r.setQueuePriority(BILLING, 10);

        assertThat(waiting()).containsExactly(2L, 4L, 1L, 3L);
        assertThat(r.queue(BILLING).orElseThrow().priority()).isEqualTo(10);
        assertThat(offered(r.setAvailable(7, true))).containsExactly(2L, 4L, 1L, 3L);
        assertThat(r.waitingCount()).isZero();
    }

    @Test
    void theLinesStaySoundAfterAChange() {
        r.setQueuePriority(BILLING, 10);
        r.setQueuePriority(GENERAL, 20);
        // a contact leaves, another joins the changed queue, one with a priority of its own
        r.withdraw(3);
        r.enqueue(new Router.Contact(5, BILLING, Channel.EMAIL, 0, T0, null));
        r.enqueue(new Router.Contact(6, BILLING, Channel.EMAIL, 5, T0.plusSeconds(5), null));
        assertThat(waiting()).containsExactly(1L, 6L, 5L, 2L, 4L);

        r.signIn(7, Map.of("billing", 3), new Capacity(Map.of(Channel.EMAIL, 1))); // one at a time
        assertThat(offered(r.setAvailable(7, true))).containsExactly(1L);
        // declined: it waits again in its place, and the agent gets the next in the new order
        assertThat(offered(r.reject(1, 7))).containsExactly(6L);
        assertThat(r.isWaiting(1)).isTrue();
        assertThat(r.queuedByUrgency()).as("waiting and offered, most urgent first")
                .extracting(Router.Contact::interactionId).containsExactly(1L, 6L, 5L, 2L, 4L);
        assertThat(r.offeredTo(6)).contains(7L);
        assertThat(r.accept(6, 7)).isTrue();
        assertThat(offered(r.release(6))).as("1 is still spared for the agent who declined it").containsExactly(5L);
        assertThat(waiting()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void anUnknownQueueIsRefused() {
        assertThatThrownBy(() -> r.setQueuePriority(99, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAgentsQueuesAreTheOnesTheirSkillsServe() {
        r.signIn(8, Map.of("billing", 0), Capacity.DEFAULT);
        assertThat(r.queuesOf(7)).containsExactly(GENERAL, BILLING);
        assertThat(r.queuesOf(8)).as("a skill at level 0 is no skill").containsExactly(GENERAL);
        assertThat(r.queuesOf(9)).isEmpty();
    }
}
