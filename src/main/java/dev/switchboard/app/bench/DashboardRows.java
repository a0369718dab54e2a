package dev.switchboard.app.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one supervisor's dashboard shows of the benchmark's accounts, dashboard event after dashboard
 * event: each account's {@code since}. A full dashboard replaces everything; a partial one carries only
 * the rows that changed (whole for agents new to the grid, the changed fields and the live ones, with
 * {@code since}, for the others) and the agents gone, so it is applied to the dashboard before it, as
 * the desktop does. Not thread-safe: feed it the dashboards of one stream in order, on one thread.
 */
final class DashboardRows {
    private final ObjectMapper mapper;
    private final Map<Long, Integer> indexOfAgent;
    private final Consumer<String> log;
    private long[] shown;

    DashboardRows(ObjectMapper mapper, Map<Long, Integer> indexOfAgent, int accounts, Consumer<String> log) {
        this.mapper = mapper;
        this.indexOfAgent = indexOfAgent;
        this.log = log;
        this.shown = new long[accounts];
        Arrays.fill(shown, Long.MIN_VALUE);
    }

    /**
     * Applies the next dashboard's JSON and returns each account's {@code since} on the dashboard now,
     * as nanoseconds of the epoch ({@link Long#MIN_VALUE} where the dashboard has no row for it yet).
     * The array returned is the caller's to keep.
     */
    long[] apply(byte[] json) {
        long[] next = shown.clone();
        long[] seen = new long[next.length];
        Arrays.fill(seen, Long.MIN_VALUE);
        boolean partial = false;
        long[] gone = new long[0];
        int goneCount = 0;
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "partial" -> partial = value == JsonToken.VALUE_TRUE;
                    case "agents", "agentChanges" -> { // a changed row carries its since, when it has one
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                row(p, seen);
                            }
                        }
                    }
                    case "agentsGone" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (goneCount == gone.length) {
                                    gone = Arrays.copyOf(gone, Math.max(8, goneCount * 2));
                                }
                                gone[goneCount++] = p.getLongValue();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            log.accept("P4: a dashboard could not be read: " + e.getMessage());
            return next; // unchanged: as if it had not arrived
        }
        if (!partial) {
            next = seen; // a full dashboard shows exactly its rows
        } else {
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] != Long.MIN_VALUE) {
                    next[i] = seen[i];
                }
            }
            for (int g = 0; g < goneCount; g++) {
                Integer index = indexOfAgent.get(gone[g]);
                if (index != null) {
                    next[index] = Long.MIN_VALUE;
                }
            }
        }
        shown = next;
        return next.clone();
    }

    /** One agents row: its {@code agentId} and {@code since}; the rest skipped. */
    private void row(JsonParser p, long[] seen) throws IOException {
        long agentId = -1;
        String since = null;
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
        Integer index = agentId < 0 ? null : indexOfAgent.get(agentId);
        if (index != null) {
            seen[index] = since == null ? Long.MIN_VALUE : SupervisorFreshnessBench.epochNanos(Instant.parse(since));
        }
    }
}
