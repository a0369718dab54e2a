package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.Json;
import dev.switchboard.api.TicketEvent;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/v1/batch}: several writes in one request, each applied once and in order, as on its own. */
class BatchWritesTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = Json.lenient();
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private String token;
    private TicketView ticket;
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("batch-" + System.nanoTime(), 0));
        agent = new HttpSwitchboardApi(server.baseUrl());
        token = agent.login("agent", "agent").token();
        long customer = agent.createCustomer(new NewCustomerRequest("Bea", "Tch", null, List.of(), null)).id();
        ticket = agent.createTicket(new NewTicketRequest(customer, "Many at once", TicketPriority.NORMAL, null, null));
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(EventSubscription::close);
        server.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer batch(String writes, String bearer) throws IOException {
        Request r = new Request.Builder().url(server.baseUrl() + "/api/v1/batch")
                .post(RequestBody.create("{\"writes\":[" + writes + "]}", JSON))
                .header("Authorization", "Bearer " + bearer).build();
        try (Response response = http.newCall(r).execute()) {
            return new Answer(response.code(), json.readTree(response.body().string()));
        }
    }

    private String note(String key, String body) {
        return note(key, ticket.id(), body);
    }

    private static String note(String key, long ticketId, String body) {
        return "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/" + ticketId + "/notes\",\"key\":\"" + key
                + "\",\"body\":{\"body\":\"" + body + "\"}}";
    }

    private String change(String key, TicketStatus status, long version) {
        return "{\"method\":\"PATCH\",\"path\":\"/api/v1/tickets/" + ticket.id() + "\",\"key\":\"" + key
                + "\",\"body\":{\"status\":\"" + status + "\",\"version\":" + version + "}}";
    }

    @Test
    void writesAreAppliedInOrderOnceAndARepeatIsAnsweredTheSame() throws IOException {
        // the change was made after the agent saw the ticket's version, before the notes went out:
        // the notes ahead of it in the batch are the agent's own, so it is taken against what they left
        String writes = String.join(",", note("b-note-0001", "first"), note("b-note-0002", "second"),
                change("b-change-01", TicketStatus.PENDING, ticket.version()), note("b-note-0003", "third"));
        Answer first = batch(writes, token);
        assertThat(first.status()).isEqualTo(200);
        JsonNode results = first.body().get("results");
        assertThat(results).hasSize(4);
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 201, 200, 201);
        assertThat(results).extracting(r -> r.get("replayed").asBoolean()).containsOnly(false);
        assertThat(results.get(2).path("body").path("status").asText()).isEqualTo("PENDING");
        TicketView after = agent.ticket(ticket.id());
        assertThat(after.notes()).extracting(TicketNoteView::body).containsExactly("first", "second", "third");
        assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(after.version()).isEqualTo(ticket.version() + 4);

        // the answer was lost: the same batch again changes nothing and gets the same answers
        Answer again = batch(writes, token);
        assertThat(again.body().get("results")).extracting(r -> r.get("replayed").asBoolean()).containsOnly(true);
        for (int i = 0; i < 4; i++) {
            assertThat(again.body().get("results").get(i).get("body")).isEqualTo(results.get(i).get("body"));
        }
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(3);
    }

    @Test
    void aNoteOnATicketALaterWriteMovesAgainIsNeitherAnsweredWithTheTicketNorAnnounced() throws Exception {
        List<TicketView> announced = follow();
        TicketView other = agent.createTicket(new NewTicketRequest(ticket.customerId(), "Other", TicketPriority.LOW,
                null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.stream().anyMatch(t -> t.id() == other.id()));
        announced.clear();
        String writes = String.join(",", note("g-note-0001", "one"), note("g-note-0002", other.id(), "elsewhere"),
                note("g-note-0003", "two"), change("g-change-01", TicketStatus.PENDING, ticket.version()),
                note("g-note-0004", "three"));
        JsonNode results = batch(writes, token).body().get("results");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 201, 201, 200, 201);
        // a note on the ticket that a later write in the batch moves again has no body of its own
        assertThat(results).extracting(r -> r.has("body")).containsExactly(false, true, false, true, true);
        // but says what it did, so the desktop can send later changes against the version it left
        assertThat(results.get(0).path("moved").path("ticket").asLong()).isEqualTo(ticket.id());
        assertThat(results.get(0).path("moved").path("version").asLong()).isEqualTo(ticket.version() + 1);
        assertThat(results.get(2).path("moved").path("version").asLong()).isEqualTo(ticket.version() + 2);
        assertThat(results.get(4).has("moved")).isFalse();
        TicketView last = json.treeToValue(results.get(4).get("body"), TicketView.class);
        assertThat(last.notes()).extracting(TicketNoteView::body).containsExactly("one", "two", "three");
        assertThat(last.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(last.version()).isEqualTo(ticket.version() + 4);
        assertThat(results.get(1).get("body").get("notes").get(0).get("body").asText()).isEqualTo("elsewhere");
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.size() >= 3);
        // nothing more comes
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
                announced.stream().filter(t -> t.id() == ticket.id()).count() == 2
                        && announced.stream().filter(t -> t.id() == other.id()).count() == 1);
        assertThat(announced.stream().filter(t -> t.id() == ticket.id())).extracting(TicketView::version)
                .containsExactly(ticket.version() + 3, ticket.version() + 4); // the change, the last note
        assertThat(announced.stream().filter(t -> t.id() == other.id())).hasSize(1);

        // asked again on its own route, the first note's key is answered as the batch answered it
        Request again = new Request.Builder().url(server.baseUrl() + "/api/v1/tickets/" + ticket.id() + "/notes")
                .post(RequestBody.create("{\"body\":\"one\"}", JSON))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "g-note-0001").build();
        try (Response r = http.newCall(again).execute()) {
            assertThat(r.code()).isEqualTo(201);
            assertThat(r.header("Idempotent-Replay")).isEqualTo("true");
            assertThat(r.body().string()).isEmpty();
        }
        assertThat(agent.ticket(ticket.id()).notes()).hasSize(3);
    }

    @Test
    void aTicketWhoseLaterWriteIsRefusedIsAnnouncedAfterTheBatch() throws IOException {
        List<TicketView> announced = follow();
        Answer a = batch(String.join(",", note("h-note-0001", "kept"),
                change("h-change-01", TicketStatus.SOLVED, ticket.version() + 7)), token);
        JsonNode results = a.body().get("results");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 409);
        assertThat(results.get(0).has("body")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.stream()
                .anyMatch(t -> t.id() == ticket.id() && t.notes().size() == 1));
        assertThat(agent.ticket(ticket.id()).notes()).extracting(TicketNoteView::body).containsExactly("kept");
    }

    /** The tickets announced on the agent's event stream from now on. */
    private List<TicketView> follow() {
        List<TicketView> announced = new CopyOnWriteArrayList<>();
        EventSubscription s = agent.subscribe(0, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                if (event.type().equals(EventTypes.TICKET)) {
                    announced.add(((TicketEvent) event.payload()).ticket());
                }
            }
        });
        subscriptions.add(s);
        await().atMost(Duration.ofSeconds(10)).until(s::connected);
        return announced;
    }

    @Test
    void aChangeAgainstAVersionSomeoneElseMovedIsStillAConflict() throws IOException {
        agent.updateTicket(ticket.id(), new dev.switchboard.api.TicketUpdateRequest("Renamed by a colleague", null,
                null, ticket.version(), null));
        Answer a = batch(String.join(",", note("c-note-0001", "mine"),
                change("c-change-01", TicketStatus.SOLVED, ticket.version()), note("c-note-0002", "not reached")), token);
        JsonNode results = a.body().get("results");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 409);
        assertThat(results.get(1).path("body").path("error").asText()).isEqualTo("version_conflict");
        // it stops at the first write not applied: what follows may count on it
        assertThat(agent.ticket(ticket.id()).notes()).extracting(TicketNoteView::body).containsExactly("mine");
    }

    @Test
    void itStopsBeforeAWriteItDoesNotCarry() throws IOException {
        String message = "{\"method\":\"POST\",\"path\":\"/api/v1/interactions/1/messages\",\"key\":\"d-message-01\","
                + "\"body\":{\"text\":\"hello\"}}";
        Answer a = batch(String.join(",", note("d-note-0001", "before"), message, note("d-note-0002", "after")), token);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("results")).hasSize(1);
        assertThat(agent.ticket(ticket.id()).notes()).extracting(TicketNoteView::body).containsExactly("before");
    }

    @Test
    void aMalformedBatchIsRefusedWholeAndChangesNothing() throws IOException {
        Answer badKey = batch(String.join(",", note("e-note-0001", "fine"),
                "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/" + ticket.id() + "/notes\",\"key\":\"short\"}"), token);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body().path("field").asText()).isEqualTo("writes[1].key");
        Answer badMethod = batch("{\"method\":\"GET\",\"path\":\"/api/v1/me\",\"key\":\"e-read-00001\"}", token);
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(badMethod.body().path("field").asText()).isEqualTo("writes[0].method");
        Answer empty = batch("", token);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("error").asText()).isEqualTo("invalid");
        assertThat(agent.ticket(ticket.id()).notes()).isEmpty();

        Answer signedOut = batch(note("e-note-0002", "who?"), "not-a-token");
        assertThat(signedOut.status()).isEqualTo(401);
        assertThat(agent.ticket(ticket.id()).notes()).isEmpty();
    }

    @Test
    void aFullBatchIsAppliedAndOneWriteMoreIsRefusedWhole() throws IOException {
        List<String> writes = new ArrayList<>();
        for (int i = 0; i <= BatchWrites.MAX_WRITES; i++) {
            writes.add(note(String.format("f-note-%05d", i), "note " + i));
        }
        Answer tooMany = batch(String.join(",", writes), token);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("field").asText()).isEqualTo("writes");
        assertThat(tooMany.body().path("message").asText()).contains("1 to " + BatchWrites.MAX_WRITES + " writes");
        assertThat(agent.ticket(ticket.id()).notes()).isEmpty();

        Answer full = batch(String.join(",", writes.subList(0, BatchWrites.MAX_WRITES)), token);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body().path("results")).hasSize(BatchWrites.MAX_WRITES);
        assertThat(full.body().path("results")).allSatisfy(r -> assertThat(r.path("status").asInt()).isEqualTo(201));
        List<TicketNoteView> notes = agent.ticket(ticket.id()).notes();
        assertThat(notes).hasSize(BatchWrites.MAX_WRITES);
        assertThat(notes).extracting(TicketNoteView::body).contains("note 0", "note " + (BatchWrites.MAX_WRITES - 1));
    }

    @Test
    void aRefusedWriteIsAnsweredWithItsReason() throws IOException {
        Answer a = batch(String.join(",", note("f-note-0001", 999_999, "nowhere"), note("f-note-0002", "later")), token);
        JsonNode results = a.body().get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(0).path("body").path("error").asText()).isEqualTo("not_found");
        assertThat(agent.ticket(ticket.id()).notes()).isEmpty();
    }
}
