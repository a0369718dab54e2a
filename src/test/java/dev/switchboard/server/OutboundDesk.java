package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A person at the outbound API in a test: signed in, sending JSON or CSV and reading the answer as
 * a tree. Also the clock the outbound tests set to a known wall-clock time.
 */
final class OutboundDesk {
    private static final ObjectMapper JSON = Json.lenient();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    final String token;

    /** An answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText();
        }

        String field() {
            return body.path("field").asText();
        }
    }

    OutboundDesk(SwitchboardServer server, String username, String password) {
        this.base = server.baseUrl();
        Answer login = send("POST", "/api/v1/login", "application/json",
                json(Map.of("username", username, "password", password)).getBytes(StandardCharsets.UTF_8), null);
        if (login.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + login.body());
        }
        this.token = login.body().path("token").asText();
    }

    Answer get(String path) {
        return send("GET", path, null, null, token);
    }

    Answer post(String path, Object body) {
        return send("POST", path, "application/json",
                (body instanceof String s ? s : json(body)).getBytes(StandardCharsets.UTF_8), token);
    }

    Answer send(String method, String path, String json) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), token);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, "application/json",
                (body instanceof String s ? s : json(body)).getBytes(StandardCharsets.UTF_8), token);
    }

    Answer postCsv(String path, byte[] csv) {
        return send("POST", path, "text/csv", csv, token);
    }

    long me() {
        return get("/api/v1/me").body().path("id").asLong();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String method, String path, String type, byte[] body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode tree = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock set to a chosen instant that then runs on with real time, so the server's timers still move. */
    static final class SetClock extends Clock {
        private volatile Instant setAt;
        private volatile long setNanos;

        SetClock(Instant start) {
            set(start);
        }

        void set(Instant instant) {
            setNanos = System.nanoTime();
            setAt = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return setAt.plusNanos(System.nanoTime() - setNanos);
        }
    }
}
