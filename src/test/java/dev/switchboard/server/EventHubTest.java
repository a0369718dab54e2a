package dev.switchboard.server;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.Json;
import dev.switchboard.routing.AgentIdSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventHubTest {
    private final AtomicLong highWater = new AtomicLong();
    private final EventHub hub = new EventHub(Json.lenient(), 10, Executors.newSingleThreadExecutor(),
            () -> highWater.getAndAdd(5) + 1, 5);

    @Test
    void sequenceNumbersGrowAcrossBlocks() {
        long first = hub.publish("t", Map.of(), (Long) null).seq();
        for (int i = 0; i < 12; i++) {
            hub.publish("t", Map.of(), (Long) null);
        }
        assertThat(hub.latestSeq()).isEqualTo(first + 12);
    }

    @Test
    void anAgentGetsItsOwnAndBroadcastEventsButNotAnothersAndSupervisorsGetAll() {
        List<Long> agent1 = new CopyOnWriteArrayList<>();
        List<Long> supervisor = new CopyOnWriteArrayList<>();
        hub.subscribe(1, false, 0, e -> agent1.add(e.seq()));
        hub.subscribe(9, true, 0, e -> supervisor.add(e.seq()));
        long a = hub.publish("t", Map.of(), 1L).seq();
        long b = hub.publish("t", Map.of(), 2L).seq();
        long c = hub.publish("t", Map.of(), (Long) null).seq();
        await().until(() -> supervisor.size() == 3 && agent1.size() == 2);
        assertThat(agent1).containsExactly(a, c);
        assertThat(supervisor).containsExactly(a, b, c);
    }

    @Test
    void anAudienceReachesItsAgentsStreamsOnceEachAndAClosedStreamNoMore() throws Exception {
        List<Long> first = new CopyOnWriteArrayList<>();
        List<Long> second = new CopyOnWriteArrayList<>();
        List<Long> other = new CopyOnWriteArrayList<>();
        List<Long> supervisor = new CopyOnWriteArrayList<>();
        AutoCloseable firstStream = hub.subscribe(1, false, 0, e -> first.add(e.seq()));
        hub.subscribe(1, false, 0, e -> second.add(e.seq())); // the same agent on a second window
        hub.subscribe(3, false, 0, e -> other.add(e.seq()));
        hub.subscribe(1, true, 0, e -> supervisor.add(e.seq())); // a supervisor whose id is also in the audience
        assertThat(hub.supervisorListening()).isTrue();

        long a = hub.publish("t", Map.of(), java.util.Set.of(1L, 2L)).seq();
        await().until(() -> second.size() == 1 && supervisor.size() == 1);
        firstStream.close();
        long b = hub.publish("t", Map.of(), 1L).seq();
        long c = hub.publish("t", Map.of(), 3L).seq();
        await().until(() -> supervisor.size() == 3 && other.size() == 1 && second.size() == 2);

        assertThat(first).containsExactly(a);
        assertThat(second).containsExactly(a, b);
        assertThat(other).containsExactly(c);
        assertThat(supervisor).containsExactly(a, b, c);
    }

    @Test
    void aTapSeesEveryEventYetIsNoSupervisorListeningAndClosingItEndsThat() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable tap = hub.tap((type, payload) -> seen.add(type + " " + payload));
        assertThat(hub.supervisorListening()).as("a tap does not make the dashboard worth computing").isFalse();
        assertThat(hub.supervisorsListening()).isEmpty();

        hub.publish("a", Map.of("to", 1), 1L);
        hub.publish("b", Map.of("to", "some"), java.util.Set.of(2L, 3L));
        hub.publishOnlyTo(EventTypes.DASHBOARD, Map.of("to", "one"), java.util.Set.of(7L));
        assertThat(seen).as("on the publishing thread, before publish returns")
                .containsExactly("a {to=1}", "b {to=some}", EventTypes.DASHBOARD + " {to=one}");

        tap.close();
        hub.publish("c", Map.of(), (Long) null);
        assertThat(seen).hasSize(3);
    }

    @Test
    void aQueuesAudienceReachesTheSameStreamsWhetherItHoldsMoreOrFewerAgentsThanAreConnected() {
        Map<Long, List<Long>> agents = new java.util.concurrent.ConcurrentHashMap<>();
        long seen = hub.publish("t", Map.of(), 99L).seq(); // for nobody connected: where the resumed start
        for (long a = 1; a <= 6; a++) {
            List<Long> got = agents.computeIfAbsent(a, k -> new CopyOnWriteArrayList<>());
            hub.subscribe(a, false, 0, e -> got.add(e.seq()));
        }
        List<Long> team = new CopyOnWriteArrayList<>();
        hub.subscribe(70, true, agent -> agent == 5, 0, e -> team.add(e.seq()));

        // 20 agents, more than the 7 connected: the connected are looked up in it
        AgentIdSet evens = AgentIdSet.of(java.util.stream.LongStream.rangeClosed(1, 20).map(i -> 2 * i).boxed().toList());
        AgentIdSet two = AgentIdSet.of(List.of(5L, 3L)); // fewer: it is walked
        List<Long> named = new java.util.ArrayList<>(java.util.stream.LongStream.range(100, 150).boxed().toList());
        named.addAll(List.of(1L, 70L));
        AgentIdSet dashboard = AgentIdSet.of(named);
        long wide = hub.publish("t", Map.of(), evens).seq();
        long narrow = hub.publish("t", Map.of(), two).seq();
        long only = hub.publishOnlyTo(EventTypes.DASHBOARD, Map.of(), dashboard).seq();
        await().until(() -> team.size() == 2 && agents.get(1L).size() == 1 && agents.get(6L).size() == 1);

        assertThat(agents.get(1L)).containsExactly(only);
        assertThat(agents.get(2L)).containsExactly(wide);
        assertThat(agents.get(3L)).containsExactly(narrow);
        assertThat(agents.get(4L)).containsExactly(wide);
        assertThat(agents.get(5L)).containsExactly(narrow);
        assertThat(agents.get(6L)).containsExactly(wide);
        assertThat(team).as("the team's agent 5 is in the narrow one; the dashboard names the supervisor")
                .containsExactly(narrow, only);

        List<Long> resumedAgent = new CopyOnWriteArrayList<>();
        List<Long> resumedTeam = new CopyOnWriteArrayList<>();
        hub.subscribe(4, false, seen, e -> resumedAgent.add(e.seq()));
        hub.subscribe(70, true, agent -> agent == 5, seen, e -> resumedTeam.add(e.seq()));
        await().until(() -> resumedAgent.size() == 1 && resumedTeam.size() == 2);
        assertThat(resumedAgent).as("replayed as delivered live").containsExactly(wide);
        assertThat(resumedTeam).containsExactly(narrow, only);
    }

    @Test
    void anEventForSomePeopleAloneSkipsOtherSupervisorsLiveAndOnResuming() {
        List<Long> mine = new CopyOnWriteArrayList<>();
        List<Long> otherSupervisor = new CopyOnWriteArrayList<>();
        List<Long> agent = new CopyOnWriteArrayList<>();
        long seen = hub.publish("t", Map.of(), (Long) null).seq();
        hub.subscribe(7, true, 0, e -> mine.add(e.seq()));
        hub.subscribe(8, true, 0, e -> otherSupervisor.add(e.seq()));
        hub.subscribe(1, false, 0, e -> agent.add(e.seq()));
        assertThat(hub.supervisorsListening()).containsExactlyInAnyOrder(7L, 8L);

        long only = hub.publishOnlyTo(EventTypes.DASHBOARD, Map.of(), java.util.Set.of(7L)).seq();
        long all = hub.publish("t", Map.of(), (Long) null).seq();
        await().until(() -> mine.size() == 2 && otherSupervisor.size() == 1 && agent.size() == 1);
        assertThat(mine).containsExactly(only, all);
        assertThat(otherSupervisor).containsExactly(all);
        assertThat(agent).containsExactly(all);

        List<Long> resumed = new CopyOnWriteArrayList<>();
        hub.subscribe(8, true, seen, e -> resumed.add(e.seq()));
        await().until(() -> resumed.size() == 1);
        assertThat(resumed).as("what is replayed is what it would have got live").containsExactly(all);
    }

    @Test
    void aTeamsSupervisorGetsTheirAgentsEventsAndThoseForEveryoneButNotOtherAgents() {
        List<Long> team = new CopyOnWriteArrayList<>();
        List<Long> centre = new CopyOnWriteArrayList<>();
        long seen = hub.publish("t", Map.of(), (Long) null).seq();
        hub.subscribe(7, true, agent -> agent == 1, 0, e -> team.add(e.seq()));
        hub.subscribe(8, true, 0, e -> centre.add(e.seq()));

        long mine = hub.publish("t", Map.of(), 1L).seq();
        long others = hub.publish("t", Map.of(), 2L).seq();
        long mixed = hub.publish("t", Map.of(), java.util.Set.of(2L, 1L)).seq();
        long othersOnly = hub.publish("t", Map.of(), java.util.Set.of(2L, 3L)).seq();
        long supervisors = hub.publish("t", Map.of(), java.util.Set.of()).seq();
        long everyone = hub.publish("t", Map.of(), (Long) null).seq();
        await().until(() -> centre.size() == 6 && team.size() == 4);
        assertThat(team).containsExactly(mine, mixed, supervisors, everyone);
        assertThat(centre).containsExactly(mine, others, mixed, othersOnly, supervisors, everyone);

        List<Long> resumed = new CopyOnWriteArrayList<>();
        hub.subscribe(7, true, agent -> agent == 1, seen, e -> resumed.add(e.seq()));
        await().until(() -> resumed.size() == 4);
        assertThat(resumed).containsExactly(mine, mixed, supervisors, everyone);
    }

    @Test
    void anEventIsFramedOnceAsTheStreamCarriesIt() {
        EventHub.Event e = hub.publish("offer", Map.of("note", "two\nlines é"), 1L);
        assertThat(new String(e.frame(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("id: " + e.seq() + "\nevent: offer\ndata: {\"note\":\"two\\nlines é\"}\n\n");
    }

    @Test
    void resumingReplaysExactlyWhatWasMissedThenLiveEvents() {
        long seen = hub.publish("t", Map.of(), (Long) null).seq();
        long m1 = hub.publish("t", Map.of(), (Long) null).seq();
        long m2 = hub.publish("t", Map.of(), 1L).seq();
        List<Long> got = new CopyOnWriteArrayList<>();
        hub.subscribe(1, false, seen, e -> got.add(e.seq()));
        long live = hub.publish("t", Map.of(), (Long) null).seq();
        await().until(() -> got.size() == 3);
        assertThat(got).containsExactly(m1, m2, live);
    }

    @Test
    void aClientTooFarBehindIsToldToResync() {
        long seen = hub.publish("t", Map.of(), (Long) null).seq();
        for (int i = 0; i < 20; i++) {
            hub.publish("t", Map.of(), (Long) null);
        }
        List<EventHub.Event> got = new CopyOnWriteArrayList<>();
        hub.subscribe(1, false, seen, got::add);
        hub.publish("t", Map.of(), (Long) null);
        await().until(() -> got.size() == 2);
        assertThat(got.get(0).type()).isEqualTo(EventTypes.RESYNC);
        assertThat(got.get(0).seq()).isZero();
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndHoldsUpNobody() throws Exception {
        EventHub pooled = new EventHub(Json.lenient(), 100, Executors.newCachedThreadPool(), () -> 1, 1_000_000);
        java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
        pooled.subscribe(1, true, 0, new EventHub.Sink() {
            @Override
            public boolean deliver(EventHub.Event e) {
                try {
                    stuck.await(); // a connection whose reader went to sleep
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }

            @Override
            public void dropped() {
                dropped.set(true);
            }
        });
        List<Long> healthy = new CopyOnWriteArrayList<>();
        pooled.subscribe(2, true, 0, e -> healthy.add(e.seq()));
        for (int i = 0; i <= EventHub.MAX_BACKLOG + 1; i++) {
            pooled.publish("t", Map.of(), (Long) null);
        }
        await().until(dropped::get);
        await().until(() -> healthy.size() == EventHub.MAX_BACKLOG + 2);
        assertThat(pooled.subscriberCount()).isEqualTo(1);
        stuck.countDown();
    }

    @Test
    void keepAlivesGoThroughEachSubscribersOwnQueueUnnumbered() {
        List<EventHub.Event> got = new CopyOnWriteArrayList<>();
        hub.subscribe(1, false, 0, got::add);
        hub.publish("t", Map.of(), (Long) null);
        hub.keepAlive();
        await().until(() -> got.size() == 2);
        assertThat(got.get(1)).isSameAs(EventHub.KEEP_ALIVE);
        assertThat(hub.since(0)).noneMatch(e -> e == EventHub.KEEP_ALIVE);
    }

    @Test
    void aSinkThatFailsIsDroppedWithoutHarmingOthers() {
        List<Long> good = new CopyOnWriteArrayList<>();
        hub.subscribe(1, true, 0, e -> {
            throw new IllegalStateException("client went away");
        });
        hub.subscribe(2, true, 0, e -> good.add(e.seq()));
        hub.publish("t", Map.of(), (Long) null);
        hub.publish("t", Map.of(), (Long) null);
        await().until(() -> good.size() == 2);
        await().until(() -> hub.subscriberCount() == 1);
    }
}
