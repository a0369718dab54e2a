package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxEntry;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records made offline (a customer, a ticket) have no id until the server takes them; the desktop
 * shows them under a placeholder, {@code -n} for outbox entry {@code n}. Before a later write that
 * names a placeholder is sent, it is swapped for the id the server gave entry {@code n}. The server
 * refused entry {@code n}: the later write cannot be sent either, and says why.
 */
final class ProvisionalIds {
    private static final Pattern IN_PATH = Pattern.compile("/-(\\d+)(?=/|$|\\?)");
    private static final Set<String> ID_FIELDS = Set.of("customerId", "ticketId", "interactionId", "linkInteractionId");

    private final Outbox outbox;
    private final ObjectMapper json;
    private final java.util.function.LongFunction<Optional<Long>> kept;

    /** {@code kept} gives the server's id for entry n once the outbox itself forgot the entry. */
    ProvisionalIds(Outbox outbox, ObjectMapper json, java.util.function.LongFunction<Optional<Long>> kept) {
        this.outbox = outbox;
        this.json = json;
        this.kept = kept;
    }

    /** The placeholder for what outbox entry {@code entryId} creates. */
    static long placeholder(long entryId) {
        return -entryId;
    }

    /** The server's id for a placeholder, once its entry was sent; an id that is no placeholder as it is. */
    Optional<Long> real(long id) {
        if (id >= 0) {
            return Optional.of(id);
        }
        Optional<Long> answered = outbox.response(-id).flatMap(this::idOf);
        return answered.isPresent() ? answered : kept.apply(-id);
    }

    /** The entry with every placeholder replaced; throws IllegalArgumentException when one cannot be. */
    OutboxEntry prepare(OutboxEntry e) {
        String path = e.path();
        if (path.contains("/-")) {
            Matcher m = IN_PATH.matcher(path);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, "/" + resolve(Long.parseLong(m.group(1))));
            }
            m.appendTail(b);
            path = b.toString();
        }
        String body = e.bodyJson();
        if (body != null && body.contains(":-")) {
            try {
                JsonNode tree = json.readTree(body);
                if (tree instanceof ObjectNode o && replace(o)) {
                    body = json.writeValueAsString(o);
                }
            } catch (IOException bad) {
                throw new IllegalArgumentException("its stored body is not JSON: " + bad.getMessage(), bad);
            }
        }
        if (path.equals(e.path()) && body == e.bodyJson()) {
            return e;
        }
        return new OutboxEntry(e.id(), e.key(), e.method(), path, body, e.description(), e.createdAt(), e.attempts(),
                e.state(), e.lastError(), e.nextAttemptAt());
    }

    private boolean replace(ObjectNode o) {
        boolean changed = false;
        Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (ID_FIELDS.contains(f.getKey()) && v.isIntegralNumber() && v.asLong() < 0) {
                f.setValue(o.numberNode(resolve(-v.asLong())));
                changed = true;
            } else if (v instanceof ObjectNode inner) {
                changed |= replace(inner);
            }
        }
        return changed;
    }

    private long resolve(long entryId) {
        Optional<OutboxEntry> found = outbox.entry(entryId);
        if (found.isEmpty()) {
            return kept.apply(entryId).orElseThrow(() ->
                    new IllegalArgumentException("it refers to a record made offline that this desktop no longer knows"));
        }
        OutboxEntry creator = found.get();
        if (creator.state() == OutboxEntry.State.FAILED) {
            throw new IllegalArgumentException("it refers to \"" + creator.description()
                    + "\", which the server refused: " + creator.lastError());
        }
        return outbox.response(entryId).flatMap(this::idOf).orElseThrow(() ->
                new IllegalArgumentException("it refers to \"" + creator.description() + "\", which is not sent yet"));
    }

    private Optional<Long> idOf(String responseJson) {
        try {
            JsonNode id = json.readTree(responseJson).path("id");
            return id.isIntegralNumber() ? Optional.of(id.asLong()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
