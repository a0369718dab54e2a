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
import static org.assertj.core.groups.Tuple.tuple;

class RouterTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final long GENERAL = 1;
    private static final long BILLING = 2;
    private static final long VIP = 3;

    private final ManualClock clock = new ManualClock(T0);
    private final Router r = new Router(clock);

    @BeforeEach
    void queues() {
        r.defineQueue(new Router.QueueRule(GENERAL, 0, Duration.ofSeconds(20), Set.of(), Duration.ofSeconds(15)));
        r.defineQueue(new Router.QueueRule(BILLING, 0, Duration.ofSeconds(60), Set.of("billing"), Duration.ofSeconds(15)));
        r.defineQueue(new Router.QueueRule(VIP, 5, Duration.ofSeconds(10), Set.of(), Duration.ofSeconds(15)));
    }

    private void agent(long id, Map<String, Integer> skills) {
        r.signIn(id, skills, Capacity.DEFAULT);
    }

    private List<Decision> ready(long id) {
        return r.setAvailable(id, true);
    }

    private static Router.Contact contact(long id, long queue, Channel channel, Instant at) {
        return new Router.Contact(id, queue, channel, 0, at, null);
    }

    private static List<Decision.Offer> offers(List<Decision> ds) {
        return ds.stream().filter(Decision.Offer.class::isInstance).map(Decision.Offer.class::cast).toList();
    }

    @Test
    void aQueuesSkilledAgentsAreOneSharedSetUntilTheyChange() {
        agent(1, Map.of("billing", 2));
        agent(2, Map.of("sales", 5));
        Set<Long> first = r.skilledFor(BILLING);
        assertThat(first).containsExactly(1L);
        assertThat(r.skilledFor(BILLING)).isSameAs(first);
        assertThat(r.skilledFor(GENERAL)).containsExactlyInAnyOrder(1L, 2L);

        agent(3, Map.of("billing", 7));
        assertThat(r.skilledFor(BILLING)).containsExactlyInAnyOrder(1L, 3L);
        assertThat(first).containsExactly(1L);

        r.signOut(1);
        assertThat(r.skilledFor(BILLING)).containsExactly(3L);
        assertThat(r.skilledFor(GENERAL)).containsExactlyInAnyOrder(2L, 3L);

        r.defineQueue(new Router.QueueRule(BILLING, 0, Duration.ofSeconds(60), Set.of("sales"), Duration.ofSeconds(15)));
        assertThat(r.skilledFor(BILLING)).containsExactly(2L);
        assertThat(r.skilledFor(99)).isEmpty();
    }

    @Test
    void aContactWaitsUntilAnAgentIsReadyAndIsOfferedWithTheQueuesTimeout() {
        agent(7, Map.of());
        assertThat(r.enqueue(contact(1, GENERAL, Channel.PHONE, T0))).isEmpty();
        Decision.Offer o = offers(ready(7)).get(0);
        assertThat(o.interactionId()).isEqualTo(1);
        assertThat(o.agentId()).isEqualTo(7);
        assertThat(o.expiresAt()).isEqualTo(T0.plusSeconds(15));
    }

    @Test
    void onlyAgentsWithEveryRequiredSkillAreOffered() {
        agent(1, Map.of("sales", 5));
        agent(2, Map.of("billing", 2));
        ready(1);
        ready(2);
        assertThat(offers(r.enqueue(contact(10, BILLING, Channel.CHAT, T0)))).extracting(Decision.Offer::agentId)
                .containsExactly(2L);
    }

    @Test
    void theBetterSkilledAgentGoesFirstThenTheOneIdleLongest() {
        agent(1, Map.of("billing", 2));
        agent(2, Map.of("billing", 5));
        agent(3, Map.of("billing", 5));
        ready(1);
        ready(3);
        clock.advance(Duration.ofSeconds(5));
        ready(2);
        assertThat(r.offeredTo(ids(r.enqueue(contact(10, BILLING, Channel.PHONE, T0))))).contains(3L);
        assertThat(r.offeredTo(ids(r.enqueue(contact(11, BILLING, Channel.PHONE, T0))))).contains(2L);
        assertThat(r.offeredTo(ids(r.enqueue(contact(12, BILLING, Channel.PHONE, T0))))).contains(1L);
    }

    private static long ids(List<Decision> ds) {
        return offers(ds).get(0).interactionId();
    }

    @Test
    void priorityComesFirstThenTheShareOfTheServiceLevelUsedThenArrival() {
        agent(1, Map.of("billing", 1));
        // general: 20 s threshold; billing: 60 s threshold; VIP has priority 5
        r.enqueue(contact(1, BILLING, Channel.PHONE, T0));                      // 30 s of 60: 50 %
        r.enqueue(contact(2, GENERAL, Channel.PHONE, T0.plusSeconds(15)));      // 15 s of 20: 75 %
        r.enqueue(contact(3, GENERAL, Channel.PHONE, T0.plusSeconds(20)));      // 10 s of 20: 50 %
        r.enqueue(contact(4, VIP, Channel.PHONE, T0.plusSeconds(29)));          // priority
        clock.advance(Duration.ofSeconds(30));
        assertThat(r.waitingByUrgency()).extracting(Router.Contact::interactionId).containsExactly(4L, 2L, 1L, 3L);
        assertThat(offers(ready(1))).extracting(Decision.Offer::interactionId).containsExactly(4L);
    }

    @Test
    void aCallFillsTheAgentAndBlocksEverythingElseUntilReleased() {
        agent(1, Map.of());
        ready(1);
        r.enqueue(contact(1, GENERAL, Channel.PHONE, T0));
        assertThat(r.accept(1, 1)).isTrue();
        assertThat(r.enqueue(contact(2, GENERAL, Channel.CHAT, T0))).isEmpty();
        assertThat(r.enqueue(contact(3, GENERAL, Channel.PHONE, T0))).isEmpty();
        // wrap-up done: the capacity frees; the chat comes, and the call waits for the whole budget
        assertThat(offers(r.release(1))).extracting(Decision.Offer::interactionId).containsExactly(2L);
    }

    @Test
    void chatsShareTheLoadWithEmailsAndNeverExceedTheBudget() {
        agent(1, Map.of());
        ready(1);
        assertThat(offers(r.enqueue(contact(1, GENERAL, Channel.CHAT, T0)))).hasSize(1);
        assertThat(offers(r.enqueue(contact(2, GENERAL, Channel.CHAT, T0)))).hasSize(1);
        assertThat(offers(r.enqueue(contact(3, GENERAL, Channel.EMAIL, T0)))).hasSize(1);
        // 2 chats (40) + 1 e-mail (12) = 52 of 60: another e-mail would be 64
        assertThat(r.enqueue(contact(4, GENERAL, Channel.EMAIL, T0))).isEmpty();
        assertThat(r.enqueue(contact(5, GENERAL, Channel.PHONE, T0))).isEmpty();
        r.accept(1, 1);
        assertThat(offers(r.release(1))).extracting(Decision.Offer::interactionId).containsExactly(4L);
    }

    @Test
    void aContactIsNeverOfferedTwiceNorEnqueuedTwice() {
        agent(1, Map.of());
        agent(2, Map.of());
        ready(1);
        ready(2);
        assertThat(offers(r.enqueue(contact(1, GENERAL, Channel.EMAIL, T0)))).hasSize(1);
        assertThat(r.enqueue(contact(1, GENERAL, Channel.EMAIL, T0))).isEmpty();
        assertThat(r.accept(1, 2) && r.accept(1, 1)).isFalse();
    }

    @Test
    void anUnansweredOfferTimesOutTheAgentIsMadeNotReadyAndTheContactKeepsItsPlace() {
        agent(1, Map.of());
        ready(1);
        r.enqueue(contact(1, GENERAL, Channel.PHONE, T0));
        r.enqueue(contact(2, GENERAL, Channel.PHONE, T0.plusSeconds(1)));
        clock.advance(Duration.ofSeconds(14));
        assertThat(r.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(r.tick()).contains(new Decision.Revoke(1, 1, RevokeReason.TIMEOUT), new Decision.AgentNoAnswer(1));
        assertThat(r.isWaiting(1)).isTrue();
        assertThat(r.accept(1, 1)).isFalse();
        agent(2, Map.of());
        assertThat(offers(ready(2))).extracting(Decision.Offer::interactionId).startsWith(1L);
    }

    @Test
    void whenOneOfferRunsOutTheAgentsOtherOffersGoToSomeoneElseAtOnce() {
        agent(1, Map.of());
        ready(1);
        r.enqueue(contact(1, GENERAL, Channel.CHAT, T0));
        clock.advance(Duration.ofSeconds(10));
        r.enqueue(contact(2, GENERAL, Channel.CHAT, T0.plusSeconds(10)));
        assertThat(r.offeredTo(2)).contains(1L);
        agent(2, Map.of());
        ready(2);
        clock.advance(Duration.ofSeconds(5));

        List<Decision> ds = r.tick();

        assertThat(ds).containsSubsequence(
                new Decision.Revoke(1, 1, RevokeReason.TIMEOUT), new Decision.AgentNoAnswer(1),
                new Decision.Revoke(2, 1, RevokeReason.AGENT_UNAVAILABLE));
        assertThat(offers(ds)).extracting(Decision.Offer::interactionId, Decision.Offer::agentId)
                .containsExactly(tuple(1L, 2L), tuple(2L, 2L));
        assertThat(r.accept(2, 1)).as("the second offer to the absent agent stands no more").isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(r.tick()).as("nothing left to run out for agent 1")
                .noneMatch(d -> d instanceof Decision.Revoke v && v.agentId() == 1);
    }

    @Test
    void aRejectedContactGoesToSomeoneElseAndBackOnlyWhenNobodyElseCanTakeIt() {
        agent(1, Map.of());
        agent(2, Map.of());
        agent(3, Map.of());
        ready(1);
        ready(2);
        r.enqueue(contact(1, GENERAL, Channel.PHONE, T0));
        long first = r.offeredTo(1).orElseThrow();
        long other = first == 1 ? 2 : 1;
        List<Decision> ds = r.reject(1, first);
        assertThat(ds.get(0)).isEqualTo(new Decision.Revoke(1, first, RevokeReason.REJECTED));
        assertThat(offers(ds)).extracting(Decision.Offer::agentId).containsExactly(other);
        // the other declines too, and nobody else is ready: it is not thrown straight back at either
        assertThat(offers(r.reject(1, other))).isEmpty();
        assertThat(offers(r.tick())).isEmpty();
        clock.advance(Router.REOFFER_AFTER);
        assertThat(offers(r.tick())).extracting(Decision.Offer::agentId).containsExactly(first);
        r.reject(1, first);
        // a third agent who did not decline gets it first
        r.setAvailable(other, false);
        r.setAvailable(first, false);
        assertThat(offers(ready(3))).extracting(Decision.Offer::agentId).containsExactly(3L);
    }

    @Test
    void aContactTransferredToANamedAgentWaitsForThatAgentOnly() {
        agent(1, Map.of());
        agent(2, Map.of());
        ready(1);
        assertThat(r.enqueue(new Router.Contact(1, GENERAL, Channel.CHAT, 0, T0, 2L))).isEmpty();
        assertThat(offers(ready(2))).extracting(Decision.Offer::agentId).containsExactly(2L);
    }

    @Test
    void aCallbackKeepsItsPlaceInTheQueue() {
        agent(1, Map.of());
        r.enqueue(contact(1, GENERAL, Channel.PHONE, T0.plusSeconds(5)));
        r.enqueue(contact(2, GENERAL, Channel.PHONE, T0.plusSeconds(9)));
        // contact 1 asks for a callback: it leaves and comes back as a callback with its old arrival
        r.withdraw(1);
        clock.advance(Duration.ofSeconds(30));
        r.enqueue(contact(1, GENERAL, Channel.PHONE, T0.plusSeconds(5)));
        assertThat(r.waitingByUrgency()).extracting(Router.Contact::interactionId).containsExactly(1L, 2L);
    }

    @Test
    void anAgentWhoGoesNotReadyLosesTheirOffersToTheQueueButKeepsTheirWork() {
        agent(1, Map.of());
        ready(1);
        r.enqueue(contact(1, GENERAL, Channel.CHAT, T0));
        r.enqueue(contact(2, GENERAL, Channel.CHAT, T0));
        r.accept(1, 1);
        assertThat(r.setAvailable(1, false)).containsExactly(new Decision.Revoke(2, 1, RevokeReason.AGENT_UNAVAILABLE));
        assertThat(r.isWaiting(2)).isTrue();
        assertThat(r.heldBy(1)).isEqualTo(1);
    }

    @Test
    void workHeldFromBeforeARestartCountsAgainstTheAgentsCapacity() {
        r.hold(1, 5, Channel.PHONE);
        agent(5, Map.of());
        ready(5);
        assertThat(r.enqueue(contact(2, GENERAL, Channel.CHAT, T0))).isEmpty();
        assertThat(offers(r.release(1))).extracting(Decision.Offer::interactionId).containsExactly(2L);
    }

    @Test
    void aCallThatCouldNotReachTheAcceptingAgentGoesToTheNextAgentAndKeepsItsPlace() {
        agent(1, Map.of());
        agent(2, Map.of());
        ready(1);
        clock.advance(Duration.ofSeconds(1));
        ready(2);
        r.enqueue(contact(5, GENERAL, Channel.PHONE, T0));
        assertThat(r.accept(5, 1)).isTrue();
        r.enqueue(contact(6, GENERAL, Channel.PHONE, T0.plusSeconds(3)));
        // agent 2 has the later call; the bounced one waits until someone frees up, then comes first
        assertThat(r.accept(6, 2)).isTrue();
        assertThat(offers(r.bounce(contact(5, GENERAL, Channel.PHONE, T0)))).isEmpty();
        assertThat(r.isWaiting(5)).isTrue();
        List<Decision.Offer> next = offers(r.release(6));
        assertThat(next).extracting(Decision.Offer::interactionId, Decision.Offer::agentId)
                .containsExactly(tuple(5L, 2L));
    }

    @Test
    void bouncingAContactNobodyHoldsChangesNothing() {
        assertThat(r.bounce(contact(9, GENERAL, Channel.PHONE, T0))).isEmpty();
        assertThat(r.isWaiting(9)).isFalse();
    }
}
