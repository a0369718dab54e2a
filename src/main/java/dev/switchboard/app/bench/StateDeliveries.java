package dev.switchboard.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * P3, agent sessions: each state change's delivery to its own agent's streams and to every
 * supervisor, measured from the {@code agent.state} events in the supervisor run.
 *
 * <p>The server numbers every event once and hands the same event (same sequence number) to each
 * stream it concerns: the agent's own sessions and every supervisor. So the reading thread reads an
 * event's data (agent and {@code since}) the first time its number arrives, and after that records
 * only (number, arrival) per stream. A change is matched to its event by the agent and the
 * {@code since} that the state-change answer carried: the same instant the server put in the event.
 *
 * <p>Stream layout (as {@link SupervisorFreshnessBench} opens them): streams {@code 0..supervisors-1}
 * are supervisors; stream {@code supervisors + i} belongs to account {@code i % accounts}.
 */
final class StateDeliveries {

    /** When a dashboard showing change {@code change} first reached supervisor {@code supervisor}, or -1. */
    interface DashboardArrival {
        long at(int change, int supervisor);
    }

    /**
     * @param agentNanos      sorted, one per (change, own agent stream) pair seen
     * @param supervisorNanos sorted, one per (change, supervisor) pair seen
     * @param allNanos        both, sorted
     */
    record Result(long[] agentNanos, long[] supervisorNanos, long[] allNanos, long agentPairs, long supervisorPairs,
                  long unseenAgentPairs, long unseenSupervisorPairs, long changesWithoutEvent,
                  long supervisorPairsFirstByDashboard, long outOfOrder, int events, long unreadable) {
        long unseen() {
            return unseenAgentPairs + unseenSupervisorPairs;
        }
    }

    private record Key(int account, long since) {
    }

    private final JsonFactory json;
    private final Map<Long, Integer> indexOfAgent;
    private final Arrivals[] arrivals;
    /** Per event number: whether it is a benchmark account's state change (and so worth recording). */
    private final Map<Long, Boolean> ours = new HashMap<>();
    /** The benchmark accounts' state events by (account, since): their numbers. */
    private final Map<Key, Long> seqOf = new HashMap<>();
    private long unreadable;

    /**
     * @param supervisorCapacity how many events each of the first {@code supervisors} streams is
     *                           expected to get (they see every change), to size their records once
     */
    StateDeliveries(JsonFactory json, Map<Long, Integer> indexOfAgent, int streams, int supervisors,
                    int supervisorCapacity) {
        this.json = json;
        this.indexOfAgent = indexOfAgent;
        this.arrivals = new Arrivals[streams];
        for (int i = 0; i < streams; i++) {
            arrivals[i] = i < supervisors ? new Arrivals(supervisorCapacity) : new Arrivals();
        }
    }

    /**
     * An {@code agent.state} event reached a stream; on the reading thread.
     *
     * @param data the event's data (its first {@code length} bytes), or null when the stream did not keep it
     */
    void arrived(int stream, long seq, long at, byte[] data, int length) {
        if (seq <= 0 || stream < 0 || stream >= arrivals.length) {
            return;
        }
        Boolean mine = ours.get(seq);
        if (mine == null) {
            if (data == null) {
                return; // cannot tell whose it is; a stream that keeps the data will say
            }
            mine = register(seq, data, length);
            ours.put(seq, mine);
        }
        if (mine) {
            arrivals[stream].add(seq, at);
        }
    }

    private boolean register(long seq, byte[] data, int length) {
        long agentId = -1;
        String since = null;
        try (JsonParser p = json.createParser(data, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("agentId".equals(field) && value.isNumeric()) {
                    agentId = p.getLongValue();
                } else if ("since".equals(field) && value == JsonToken.VALUE_STRING) {
                    since = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            Integer account = indexOfAgent.get(agentId);
            if (account == null || since == null) {
                return false; // a simulated colleague's change, or a sign-out: not one the benchmark made
            }
            seqOf.putIfAbsent(new Key(account, SupervisorFreshnessBench.epochNanos(Instant.parse(since))), seq);
            return true;
        } catch (IOException | DateTimeParseException e) {
            unreadable++;
            return false;
        }
    }

    /**
     * Each change's delivery: at each of its account's streams, the arrival of the change's event; at
     * each supervisor, the first of the change's event and the first dashboard showing the change
     * (the event comes first whenever both arrive: a stream's events come in order, and the dashboard
     * is computed after the event was published). All times are minus the change's send time.
     */
    Result measure(int changes, long[] sent, int[] agentOf, long[] since, int supervisors, int accounts,
                   DashboardArrival dashboards) {
        int streams = arrivals.length;
        int perAccount = accounts == 0 ? 0 : (streams - supervisors + accounts - 1) / accounts;
        long[] agent = new long[changes * perAccount];
        long[] sup = new long[changes * supervisors];
        int na = 0;
        int ns = 0;
        long agentPairs = 0;
        long unseenAgent = 0;
        long unseenSup = 0;
        long withoutEvent = 0;
        long byDashboard = 0;
        for (int c = 0; c < changes; c++) {
            Long seq = seqOf.get(new Key(agentOf[c], since[c]));
            if (seq == null) {
                withoutEvent++;
            }
            for (int j = supervisors + agentOf[c]; j < streams; j += accounts) {
                agentPairs++;
                long at = seq == null ? -1 : arrivals[j].at(seq);
                if (at < 0) {
                    unseenAgent++;
                } else {
                    agent[na++] = at - sent[c];
                }
            }
            for (int v = 0; v < supervisors; v++) {
                long at = seq == null ? -1 : arrivals[v].at(seq);
                long shown = dashboards.at(c, v);
                long first = at < 0 ? shown : shown < 0 ? at : Math.min(at, shown);
                if (first < 0) {
                    unseenSup++;
                } else {
                    sup[ns++] = first - sent[c];
                    if (shown >= 0 && (at < 0 || shown < at)) {
                        byDashboard++;
                    }
                }
            }
        }
        long[] agentSorted = Arrays.copyOf(agent, na);
        long[] supSorted = Arrays.copyOf(sup, ns);
        Arrays.sort(agentSorted);
        Arrays.sort(supSorted);
        long outOfOrder = 0;
        for (Arrivals a : arrivals) {
            outOfOrder += a.outOfOrder();
        }
        return new Result(agentSorted, supSorted, merge(agentSorted, supSorted), agentPairs,
                (long) changes * supervisors, unseenAgent, unseenSup, withoutEvent, byDashboard, outOfOrder,
                seqOf.size(), unreadable);
    }

    /** What P3's figures mean, for the result file. */
    static String notes(SupervisorFreshnessBench.Settings s, SupervisorFreshnessBench.Result r) {
        Result d = r.sessions();
        return "Measured in the same run as P4. A change is PUT /api/v1/me/state (READY and NOT_READY in turn) for one "
                + "signed-in account, timed from just before its request is written (not from its answer). The server "
                + "publishes it as one agent.state event (one sequence number) that goes to that agent's own sessions "
                + "and to every supervisor; the event is matched to the change by the agent and the stateSince the "
                + "answer carried. Delivery to one of the agent's streams: arrival of the last byte of that event "
                + "minus the send time. Delivery to a supervisor: the first event carrying the change, the agent.state "
                + "event or a dashboard showing the change if one came first (" + d.supervisorPairsFirstByDashboard()
                + " pairs). The value is the p99 of both kinds together (" + d.agentPairs() + " agent-stream pairs, "
                + d.supervisorPairs() + " supervisor pairs); each kind is given apart too. A pair is unseen when "
                + "nothing carrying the change reached that stream within " + s.grace().toSeconds() + " s after the "
                + "last change; met needs none unseen, every stream open to the end, the change rate within 5 % and "
                + "the server's peak resident set at most 1.5 GiB. Agent streams share their account's session ("
                + String.format(java.util.Locale.ROOT, "%.1f", s.agentStreams() / (double) s.accounts())
                + " per account, as in P4), so each change reaches that many agent streams. Server RSS: VmRSS of the "
                + "server process (-Xmx" + s.heap() + "), sampled every second from its start to the end of the grace "
                + "period (peak) and once at the end. All streams are read by one non-blocking reader in the "
                + "benchmark's process on the same 2-core machine as the server: its own delays are in the figures. "
                + "The CPU figures are P4's: per cent of one core for the server and the benchmark's process over the "
                + "measured period, and the busy share of the machine's cores.";
    }

    /** Two sorted arrays as one sorted array. */
    static long[] merge(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }
}
