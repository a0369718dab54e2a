package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server killed with -9 under load: after a restart on the same data directory, every write it
 * had answered as done (contacts taken in, customers, tickets and their notes) is there. Writes that
 * got no answer may or may not have landed; none is half there (a ticket without its customer, a
 * note without its ticket cannot exist: each is one transaction).
 */
@Timeout(240)
class ServerKillTest {
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One write the server answered as done, and how to find it again. */
    private record Acknowledged(String kind, long id, String marker) {
    }

    @Test
    void everyAnsweredWriteSurvivesAKillNineUnderLoad() throws Exception {
        List<String> args = List.of("--data-dir", dir.toString(), "--port", "0", "--sip-port", "0",
                "--customers", "0", "--rate-limit", "0", "--rate-limit-address", "0");
        List<String> log = new CopyOnWriteArrayList<>();
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        ServerProcess first = ServerProcess.start(args, "512m", Duration.ofSeconds(90), log::add);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                String token = login(first.baseUrl());
                int writer = w;
                Thread t = new Thread(() -> write(first.baseUrl(), token, writer, stop, acknowledged), "writer-" + w);
                t.setDaemon(true);
                t.start();
                writers.add(t);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            first.kill(); // mid-load: the writers are sending as it dies
        } finally {
            stop.set(true);
            first.kill();
        }
        for (Thread t : writers) {
            t.join(15_000);
        }
        List<Acknowledged> before = List.copyOf(acknowledged);
        assertThat(before).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        ServerProcess second = ServerProcess.start(args, "512m", Duration.ofSeconds(90), log::add);
        try {
            String token = login(second.baseUrl());
            List<String> lost = new ArrayList<>();
            for (Acknowledged a : before) {
                String path = switch (a.kind()) {
                    case "customer" -> "/api/v1/customers/" + a.id();
                    case "interaction" -> "/api/v1/interactions/" + a.id();
                    default -> "/api/v1/tickets/" + a.id();
                };
                Answer got = send(second.baseUrl(), "GET", path, null, token);
                if (got.status() != 200 || a.kind().equals("note") && !got.body().contains(a.marker())) {
                    lost.add(a + " -> " + got.status());
                }
            }
            assertThat(lost).as("answered as done before the kill, missing after the restart").isEmpty();
        } finally {
            second.close();
        }
    }

    /** Customers, a ticket for each with a note, and an inbound contact, over and over until stopped. */
    private void write(String base, String token, int writer, AtomicBoolean stop, List<Acknowledged> acknowledged) {
        for (int n = 0; !stop.get(); n++) {
            try {
                Answer customer = send(base, "POST", "/api/v1/customers", "{\"firstName\":\"Kill\",\"lastName\":\"Test "
                        + writer + "-" + n + "\",\"contactPoints\":[]}", token);
                if (customer.status() != 201) {
                    continue;
                }
                long customerId = json.readTree(customer.body()).get("id").asLong();
                acknowledged.add(new Acknowledged("customer", customerId, null));
                Answer ticket = send(base, "POST", "/api/v1/tickets", "{\"customerId\":" + customerId
                        + ",\"subject\":\"Kill test\",\"priority\":\"NORMAL\"}", token);
                if (ticket.status() != 201) {
                    continue;
                }
                long ticketId = json.readTree(ticket.body()).get("id").asLong();
                acknowledged.add(new Acknowledged("ticket", ticketId, null));
                String marker = "note " + writer + "-" + n;
                if (send(base, "POST", "/api/v1/tickets/" + ticketId + "/notes", "{\"body\":\"" + marker + "\"}", token)
                        .status() == 201) {
                    acknowledged.add(new Acknowledged("note", ticketId, marker));
                }
                Answer contact = send(base, "POST", "/api/v1/interactions", "{\"channel\":\"EMAIL\",\"direction\":\"INBOUND\","
                        + "\"address\":\"kill" + writer + "-" + n + "@example.com\",\"subject\":\"s\",\"body\":\"b\"}", token);
                if (contact.status() == 201) {
                    JsonNode body = json.readTree(contact.body());
                    acknowledged.add(new Acknowledged("interaction", body.get("interaction").get("id").asLong(), null));
                }
            } catch (IOException serverGone) {
                // no answer: this write may or may not have landed, and is not counted
            }
        }
    }

    private String login(String base) throws IOException {
        Answer a = send(base, "POST", "/api/v1/login", "{\"username\":\"admin\",\"password\":\"admin\"}", null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return json.readTree(a.body()).get("token").asText();
    }

    private Answer send(String base, String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(base + path)
                .method(method, body == null ? null : RequestBody.create(body, JSON));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
