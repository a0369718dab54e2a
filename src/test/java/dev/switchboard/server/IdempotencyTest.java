package dev.switchboard.server;

import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.TicketPriority;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes carrying an Idempotency-Key are applied once, and a repeat gets the first answer back. */
class IdempotencyTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private String token;
    private TicketView ticket;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("idem-" + System.nanoTime(), 0));
        agent = new HttpSwitchboardApi(server.baseUrl());
        token = agent.login("agent", "agent").token();
        long customer = agent.createCustomer(new NewCustomerRequest("Ida", "Empotent", null, List.of(), null)).id();
        ticket = agent.createTicket(new NewTicketRequest(customer, "Retry me", TicketPriority.NORMAL, null, null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Answer(int status, String body, String replay) {
    }

    private Answer post(String path, String json, String key, String bearer) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path)
                .post(RequestBody.create(json, JSON)).header("Authorization", "Bearer " + bearer);
        if (key != null) {
            r.header(Idempotency.HEADER, key);
        }
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string(), response.header(Idempotency.REPLAY_HEADER));
        }
    }

    private String notes() {
        return "/api/v1/tickets/" + ticket.id() + "/notes";
    }

    @Test
    void aRepeatedWriteIsAppliedOnceAndAnsweredTheSame() throws IOException {
        Answer first = post(notes(), "{\"body\":\"Called back\"}", "note-key-0001", token);
        Answer again = post(notes(), "{\"body\":\"Called back\"}", "note-key-0001", token);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replay()).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.replay()).isEqualTo("true");
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(1);

        // without a key every request runs
        post(notes(), "{\"body\":\"Second\"}", null, token);
        post(notes(), "{\"body\":\"Second\"}", null, token);
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(3);
    }

    @Test
    void refusalsAreAnsweredTheSameToo() throws IOException {
        Answer first = post(notes(), "{\"body\":\"\"}", "empty-note-01", token);
        Answer again = post(notes(), "{\"body\":\"\"}", "empty-note-01", token);
        assertThat(first.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(agent.ticket(ticket.id()).notes()).isEmpty();
    }

    @Test
    void aKeyIsTheAgentsOwnAndForOneRequest() throws IOException {
        post(notes(), "{\"body\":\"Mine\"}", "shared-key-01", token);
        Answer other = post("/api/v1/interactions/999999/accept", "{}", "shared-key-01", token);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body()).contains("key_reused");
        // a colleague's same key is theirs
        String colleague = new HttpSwitchboardApi(server.baseUrl()).login("outbound", "outbound").token();
        assertThat(post(notes(), "{\"body\":\"Theirs\"}", "shared-key-01", colleague).status()).isEqualTo(201);
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(2);
        assertThat(post(notes(), "{\"body\":\"x\"}", "bad key!", token).status()).isEqualTo(400);
    }

    @Test
    void concurrentRepeatsApplyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> post(notes(), "{\"body\":\"Once\"}", "race-key-0001", token)));
            }
            for (Future<Answer> a : answers) {
                assertThat(a.get().status()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(1);
        assertThat(post(notes(), "{\"body\":\"Once\"}", "race-key-0001", token).status()).isEqualTo(201);
    }
}
