package dev.switchboard.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change is delivered where its own agent.state event arrived: at each of its agent's streams and at
 * each supervisor (or earlier by a dashboard), and unseen where nothing carrying it arrived.
 */
class StateDeliveriesTest {
    private static final String T1 = "2026-11-26T10:00:01.000001Z";
    private static final String T2 = "2026-11-26T10:00:02.5Z";
    private static final long MS = 1_000_000;
    // two supervisors (streams 0, 1); two accounts, each with two streams: account 0 has 2 and 4, account 1 has 3 and 5
    private static final int SUPERVISORS = 2;
    private static final int ACCOUNTS = 2;
    private static final int STREAMS = 6;

    private final StateDeliveries deliveries = new StateDeliveries(new JsonFactory(), Map.of(501L, 0, 502L, 1),
            STREAMS, SUPERVISORS, 4);

    @Test
    void eachStreamCountsItsOwnArrivalOfTheChangesEvent() {
        // change 0: agent 501 at T1, sent at 1,000 ms; its event is number 7
        arrive(2, 7, 1_010, state(501, T1));
        arrive(0, 7, 1_020, state(501, T1));
        arrive(1, 7, 1_030, null); // the data was read where the number first arrived
        arrive(4, 7, 1_040, null);
        // change 1: agent 502 at T2, sent at 2,000 ms; event 9 reaches supervisor 0 and one of the agent's streams
        arrive(0, 9, 2_005, state(502, T2));
        arrive(3, 9, 2_050, null);

        StateDeliveries.Result r = deliveries.measure(2, new long[]{1_000 * MS, 2_000 * MS}, new int[]{0, 1},
                new long[]{nanos(T1), nanos(T2)}, SUPERVISORS, ACCOUNTS, (c, v) -> -1);

        assertThat(r.agentNanos()).containsExactly(10 * MS, 40 * MS, 50 * MS);
        assertThat(r.supervisorNanos()).containsExactly(5 * MS, 20 * MS, 30 * MS);
        assertThat(r.allNanos()).containsExactly(5 * MS, 10 * MS, 20 * MS, 30 * MS, 40 * MS, 50 * MS);
        assertThat(r.agentPairs()).isEqualTo(4);
        assertThat(r.supervisorPairs()).isEqualTo(4);
        assertThat(r.unseenAgentPairs()).isEqualTo(1); // stream 5 never got event 9
        assertThat(r.unseenSupervisorPairs()).isEqualTo(1); // supervisor 1 never got event 9
        assertThat(r.unseen()).isEqualTo(2);
        assertThat(r.changesWithoutEvent()).isZero();
    }

    @Test
    void aSupervisorIsServedByADashboardOnlyWhenItCameFirst() {
        arrive(0, 7, 1_020, state(501, T1));
        // supervisor 0 got the event at 20 ms and a dashboard at 300 ms; supervisor 1 only a dashboard at 400 ms
        StateDeliveries.Result r = deliveries.measure(1, new long[]{1_000 * MS}, new int[]{0}, new long[]{nanos(T1)},
                SUPERVISORS, ACCOUNTS, (c, v) -> v == 0 ? 1_300 * MS : 1_400 * MS);

        assertThat(r.supervisorNanos()).containsExactly(20 * MS, 400 * MS);
        assertThat(r.supervisorPairsFirstByDashboard()).isEqualTo(1);
        assertThat(r.unseenSupervisorPairs()).isZero();
        assertThat(r.unseenAgentPairs()).isEqualTo(2);
    }

    @Test
    void eventsOfOtherAgentsOrOtherInstantsAreNotTheChange() {
        arrive(0, 7, 1_020, state(999, T1)); // a simulated colleague
        arrive(2, 7, 1_020, state(999, T1));
        arrive(0, 8, 1_030, state(501, T2)); // the same agent, another change
        arrive(1, 9, 1_040, "{\"agentId\":501,\"since\":"); // cut short

        StateDeliveries.Result r = deliveries.measure(1, new long[]{1_000 * MS}, new int[]{0}, new long[]{nanos(T1)},
                SUPERVISORS, ACCOUNTS, (c, v) -> -1);

        assertThat(r.allNanos()).isEmpty();
        assertThat(r.changesWithoutEvent()).isEqualTo(1);
        assertThat(r.unseen()).isEqualTo(4);
        assertThat(r.events()).isEqualTo(1);
        assertThat(r.unreadable()).isEqualTo(1);
    }

    @Test
    void anEventOutOfSequenceOrderIsCountedNotMatched() {
        arrive(0, 8, 1_030, state(502, T2));
        arrive(0, 7, 1_040, state(501, T1)); // behind the one before: the server broke its order

        StateDeliveries.Result r = deliveries.measure(1, new long[]{1_000 * MS}, new int[]{0}, new long[]{nanos(T1)},
                SUPERVISORS, ACCOUNTS, (c, v) -> -1);

        assertThat(r.outOfOrder()).isEqualTo(1);
        assertThat(r.unseenSupervisorPairs()).isEqualTo(2);
    }

    @Test
    void arrivalsFindAnExactNumberOrTheFirstFromIt() {
        Arrivals a = new Arrivals(1);
        a.add(3, 30);
        a.add(5, 50);
        a.add(9, 90);
        assertThat(a.at(5)).isEqualTo(50);
        assertThat(a.at(4)).isEqualTo(-1);
        assertThat(a.from(4)).isEqualTo(50);
        assertThat(a.from(10)).isEqualTo(-1);
        assertThat(a.size()).isEqualTo(3);
    }

    @Test
    void mergeKeepsTheOrder() {
        assertThat(StateDeliveries.merge(new long[]{1, 4, 4, 9}, new long[]{0, 4, 10}))
                .containsExactly(0, 1, 4, 4, 4, 9, 10);
    }

    private void arrive(int stream, long seq, long atMillis, String json) {
        arriveBytes(stream, seq, atMillis, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private void arriveBytes(int stream, long seq, long atMillis, byte[] data) {
        // data in a larger buffer, as the reader hands it: only the first length bytes count
        byte[] buffer = data == null ? null : java.util.Arrays.copyOf(data, data.length + 16);
        deliveries.arrived(stream, seq, atMillis * MS, buffer, data == null ? 0 : data.length);
    }

    private static String state(long agentId, String since) {
        return "{\"agentId\":" + agentId + ",\"displayName\":\"Bench \\\"since\\\":\",\"state\":\"READY\","
                + "\"reasonCode\":null,\"since\":\"" + since + "\"}";
    }

    private static long nanos(String t) {
        return SupervisorFreshnessBench.epochNanos(Instant.parse(t));
    }
}
