package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A partial dashboard applies to the one before it; a full one replaces it. */
class DashboardRowsTest {
    private static final String T1 = "2026-11-26T10:00:01.123456789Z";
    private static final String T2 = "2026-11-26T10:00:02Z";
    private static final String T3 = "2026-11-26T10:00:03Z";

    private final List<String> log = new ArrayList<>();
    private final DashboardRows rows = new DashboardRows(new ObjectMapper(), Map.of(101L, 0, 102L, 1, 103L, 2), 3,
            log::add);

    @Test
    void partialsCarryTheRowsTheyDoNotMention() {
        long[] full = apply("{\"at\":\"" + T1 + "\",\"queues\":[{\"queueId\":1,\"recent\":{\"a\":{\"b\":[1,2]}}}],"
                + "\"agents\":[" + row(101, T1) + "," + row(102, T1) + "," + row(999, T3) + "],\"alerts\":[],"
                + "\"partial\":false,\"agentsGone\":[]}");
        assertThat(full).containsExactly(nanos(T1), nanos(T1), Long.MIN_VALUE);

        long[] partial = apply("{\"agents\":[" + row(102, T2) + "," + row(103, T2) + "],\"partial\":true,"
                + "\"agentsGone\":[]}");
        assertThat(partial).containsExactly(nanos(T1), nanos(T2), nanos(T2));

        long[] changed = apply("{\"agents\":[],\"partial\":true,\"agentChanges\":[{\"agentId\":101,"
                + "\"state\":\"BUSY\",\"since\":\"" + T2 + "\"}]}");
        assertThat(changed).as("a changed row of an agent on the grid").containsExactly(nanos(T2), nanos(T2), nanos(T2));

        long[] gone = apply("{\"agents\":[],\"partial\":true,\"agentsGone\":[101]}");
        assertThat(gone).containsExactly(Long.MIN_VALUE, nanos(T2), nanos(T2));

        long[] nextFull = apply("{\"agents\":[" + row(103, T3) + "],\"partial\":false}");
        assertThat(nextFull).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE, nanos(T3));
        // what was returned before is the caller's: not changed by what came after
        assertThat(partial).containsExactly(nanos(T1), nanos(T2), nanos(T2));
        assertThat(log).isEmpty();
    }

    @Test
    void anUnreadableDashboardChangesNothing() {
        apply("{\"agents\":[" + row(101, T1) + "],\"partial\":false}");
        assertThat(apply("{\"agents\":[" + row(101, T2))).containsExactly(nanos(T1), Long.MIN_VALUE, Long.MIN_VALUE);
        assertThat(log).hasSize(1);
    }

    private long[] apply(String json) {
        return rows.apply(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String row(long agentId, String since) {
        return "{\"agentId\":" + agentId + ",\"name\":\"A\",\"state\":\"READY\",\"since\":\"" + since
                + "\",\"current\":null,\"queueIds\":[1,2],\"averageHandleTime\":{\"name\":\"x\",\"parameters\":{}}}";
    }

    private static long nanos(String t) {
        return SupervisorFreshnessBench.epochNanos(Instant.parse(t));
    }
}
