package dev.switchboard.client.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code POST /api/v1/batch} as the sender writes its request and reads its answer. */
final class BatchJson {
    private BatchJson() {
    }

    /** {@code {"writes": [{"method", "path", "key", "body"}, ...]}}, bodies as they are stored. */
    static byte[] request(ObjectMapper json, List<OutboxEntry> entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("writes");
            for (OutboxEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("method", e.method());
                g.writeStringField("path", e.path());
                g.writeStringField("key", e.key());
                if (e.bodyJson() != null) {
                    g.writeFieldName("body");
                    g.writeRawValue(e.bodyJson());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's {@code results}, or null when it is not the server's batch answer. */
    static JsonNode results(ObjectMapper json, String text) {
        try {
            JsonNode r = json.readTree(text).get("results");
            return r != null && r.isArray() ? r : null;
        } catch (IOException | RuntimeException notOurs) {
            return null;
        }
    }
}
