package dev.switchboard.security;

import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request size limits: 1 MB for ordinary JSON, 20 MB for answers with attachments; over the limit
 * is a 413 with a JSON body, whether the body declares its length or comes in chunks, and the server
 * goes on serving.
 */
class BodyLimitTest {
    private static SwitchboardServer server;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        server = SwitchboardServer.start(ServerOptions.inMemory("body-limits", 0));
        http = new Http(server.baseUrl());
        token = http.token("agent", "agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A JSON object of about {@code bytes} bytes: one long note. */
    private static String note(int bytes) {
        char[] text = new char[bytes];
        Arrays.fill(text, 'x');
        return "{\"subject\":\"big\",\"description\":\"" + new String(text) + "\"}";
    }

    /** The same body, sent without a length (chunked). */
    private static RequestBody chunked(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return Http.JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                for (int off = 0; off < bytes.length; off += 64 * 1024) {
                    sink.write(bytes, off, Math.min(64 * 1024, bytes.length - off));
                }
            }
        };
    }

    @Test
    void anOrdinaryRouteRefusesMoreThanOneMegabyteWithA413InJson() throws IOException {
        Http.Answer a = http.call("POST", "/api/v1/tickets", note(1_500_000), token);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.error()).isEqualTo("too_large");
        assertThat(a.body().get("message").asText()).contains("at most 1 MB");
        // the server is fine afterwards
        assertThat(http.call("GET", "/api/v1/me", (String) null, token).status()).isEqualTo(200);
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsReadNotDroppedNorA500() throws IOException {
        Http.Answer a = http.call("POST", "/api/v1/tickets", note(30_000_000), token);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.error()).isEqualTo("too_large");
        Http.Answer b = http.call("POST", "/api/v1/interactions/1/messages", note(30_000_000), token);
        assertThat(b.status()).isEqualTo(413);
        assertThat(b.body().get("message").asText()).contains("at most 20 MB");
        // even without a token: the size is checked first
        assertThat(http.call("POST", "/api/v1/tickets", note(30_000_000), null).status()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitWithTheSame413() throws IOException {
        Http.Answer a = http.call("POST", "/api/v1/tickets", chunked(note(3_000_000)), token);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.error()).isEqualTo("too_large");
        // a small chunked body goes through to the route, which reads it as usual
        Http.Answer ok = http.call("POST", "/api/v1/tickets", chunked("{\"subject\":\"small\"}"), token);
        assertThat(ok.status()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void theAttachmentRouteTakesSeveralMegabytes() throws IOException {
        // 5 MB reaches the route (which then refuses the made-up contact), not the size limit
        Http.Answer a = http.call("POST", "/api/v1/interactions/999999/messages",
                "{\"clientKey\":\"k1\",\"text\":\"see attached\",\"attachments\":[{\"name\":\"a.bin\",\"contentType\":"
                        + "\"application/octet-stream\",\"data\":\"" + "A".repeat(5_000_000) + "\"}]}", token);
        assertThat(a.status()).isNotEqualTo(413).isBetween(400, 499);
        Http.Answer chunkedBig = http.call("POST", "/api/v1/interactions/999999/messages",
                chunked("{\"clientKey\":\"k2\",\"text\":\"" + "y".repeat(5_000_000) + "\"}"), token);
        assertThat(chunkedBig.status()).isNotEqualTo(413).isBetween(400, 499);
    }
}
