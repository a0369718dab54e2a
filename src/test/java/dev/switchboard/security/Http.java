package dev.switchboard.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/** Plain HTTP calls against a server started in a test, answers read as JSON. */
final class Http {
    static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = Json.lenient();

    record Answer(int status, JsonNode body, String retryAfter) {
        String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asText();
        }
    }

    private final OkHttpClient client;
    private final String base;

    Http(String base) {
        this(base, new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build());
    }

    Http(String base, OkHttpClient client) {
        this.base = base;
        this.client = client;
    }

    Answer call(String method, String path, String json, String token) throws IOException {
        return call(method, path, json == null ? null : RequestBody.create(json, JSON), token);
    }

    Answer call(String method, String path, RequestBody body, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(base + path).method(method, body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (Response r = client.newCall(b.build()).execute()) {
            String text = r.body().string();
            JsonNode node = text.isEmpty() ? null : MAPPER.readTree(text);
            return new Answer(r.code(), node, r.header("Retry-After"));
        }
    }

    Answer login(String username, String password) throws IOException {
        return call("POST", "/api/v1/login", MAPPER.createObjectNode().put("username", username)
                .put("password", password).toString(), null);
    }

    String token(String username, String password) throws IOException {
        Answer a = login(username, password);
        if (a.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + a);
        }
        return a.body().get("token").asText();
    }
}
