package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Dispatcher d = new Dispatcher(clock, Duration.ofSeconds(15));

    private static Decision.Offer offer(List<Decision> ds) {
        return ds.stream().filter(Decision.Offer.class::isInstance).map(Decision.Offer.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aContactWaitsUntilAnAgentIsFree() {
        assertThat(d.enqueue(1, T0)).isEmpty();
        Decision.Offer o = offer(d.agentFree(7));
        assertThat(o.interactionId()).isEqualTo(1);
        assertThat(o.agentId()).isEqualTo(7);
        assertThat(o.expiresAt()).isEqualTo(T0.plusSeconds(15));
    }

    @Test
    void theLongestWaitingContactGoesToTheLongestIdleAgent() {
        d.agentFree(1);
        clock.advance(Duration.ofSeconds(5));
        d.agentFree(2);
        d.enqueue(20, T0.plusSeconds(3));
        // 20 went to agent 1 (idle longest); a second contact that arrived earlier than a third goes first
        d.enqueue(11, T0.plusSeconds(1));
        assertThat(d.offeredTo(20)).contains(1L);
        assertThat(d.offeredTo(11)).contains(2L);
    }

    @Test
    void aHigherLevelAgentIsOfferedFirstEvenIfIdleLess() {
        d.agentFree(1, 1);
        clock.advance(Duration.ofSeconds(30));
        d.agentFree(2, 2);
        d.enqueue(1, T0);
        assertThat(d.offeredTo(1)).contains(2L);
        d.enqueue(2, T0);
        assertThat(d.offeredTo(2)).contains(1L);
    }

    @Test
    void neverTwoOffersOfOneContactNorTwoContactsToOneAgent() {
        d.agentFree(1);
        d.enqueue(1, T0);
        assertThat(d.enqueue(1, T0)).isEmpty();
        assertThat(d.enqueue(2, T0)).isEmpty();
        assertThat(d.agentFree(1)).isEmpty();
        assertThat(d.waitingCount()).isEqualTo(1);
    }

    @Test
    void anUnansweredOfferTimesOutAndTheContactKeepsItsPlace() {
        d.agentFree(1);
        d.enqueue(1, T0);
        d.enqueue(2, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(14));
        assertThat(d.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<Decision> ds = d.tick();
        assertThat(ds).contains(new Decision.Revoke(1, 1, RevokeReason.TIMEOUT), new Decision.AgentNoAnswer(1));
        assertThat(d.isWaiting(1)).isTrue();
        assertThat(d.accept(1, 1)).isFalse();
        // the next free agent gets contact 1 first: it arrived first
        assertThat(offer(d.agentFree(2)).interactionId()).isEqualTo(1);
    }

    @Test
    void aRejectedContactGoesToSomeoneElseIfPossible() {
        d.agentFree(1);
        clock.advance(Duration.ofSeconds(1));
        d.agentFree(2);
        d.enqueue(1, T0);
        assertThat(d.offeredTo(1)).contains(1L);
        List<Decision> ds = d.reject(1, 1);
        assertThat(ds.get(0)).isEqualTo(new Decision.Revoke(1, 1, RevokeReason.REJECTED));
        assertThat(offer(ds).agentId()).isEqualTo(2);
    }

    @Test
    void anAcceptedOfferIsNoLongerWaitingAndOnlyItsAgentMayAccept() {
        d.agentFree(1);
        d.enqueue(1, T0);
        assertThat(d.accept(1, 2)).isFalse();
        assertThat(d.accept(1, 1)).isTrue();
        assertThat(d.accept(1, 1)).isFalse();
        assertThat(d.waitingCount()).isZero();
    }

    @Test
    void anAgentWhoLeavesLosesTheirOfferToTheQueue() {
        d.agentFree(1);
        d.enqueue(1, T0);
        assertThat(d.agentGone(1)).containsExactly(new Decision.Revoke(1, 1, RevokeReason.AGENT_UNAVAILABLE));
        assertThat(d.isWaiting(1)).isTrue();
    }

    @Test
    void aContactThatLeavesIsWithdrawn() {
        d.agentFree(1);
        d.enqueue(1, T0);
        assertThat(d.withdraw(1)).containsExactly(new Decision.Revoke(1, 1, RevokeReason.WITHDRAWN));
        assertThat(d.waitingCount()).isZero();
        d.enqueue(2, T0);
        assertThat(d.offeredTo(2)).contains(1L);
    }
}
