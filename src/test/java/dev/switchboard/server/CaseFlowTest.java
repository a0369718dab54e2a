package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;
import dev.switchboard.domain.sla.BusinessCalendar;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets as cases over the real API: the complaint loop (acknowledged, promised, callback booked,
 * closed only with the closing question answered), SLA clocks paused while waiting on the customer,
 * escalation, merge, split, links, watchers, reply notes and the supervisor's reports.
 */
class CaseFlowTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = Json.lenient();
    private final TestClock clock = new TestClock();
    private SwitchboardServer server;
    private String agent;
    private String supervisor;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = SwitchboardServer.start(options(clock));
        signIn();
    }

    /** The server's options: an in-memory H2 database here, PostgreSQL in {@code PgCaseFlowTest}. */
    ServerOptions options(TestClock clock) {
        return ServerOptions.inMemory("cases-" + System.nanoTime(), 0).withClock(clock);
    }

    private void signIn() throws IOException {
        agent = call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"agent\"}", null)
                .body().get("token").asText();
        supervisor = call("POST", "/api/v1/login", "{\"username\":\"supervisor\",\"password\":\"supervisor\"}", null)
                .body().get("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
        stopped();
    }

    /** After the server closed: a database made for the test can go. */
    void stopped() {
    }

    private Answer call(String method, String path, String json, String bearer) throws IOException {
        Request.Builder b = new Request.Builder().url(server.baseUrl() + path)
                .method(method, json == null ? null : RequestBody.create(json, JSON));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            String body = r.body().string();
            return new Answer(r.code(), body.isEmpty() ? null : mapper.readTree(body));
        }
    }

    private JsonNode ok(String method, String path, String json) throws IOException {
        Answer a = call(method, path, json, agent);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isBetween(200, 201);
        return a.body();
    }

    private long customer(String last, String segmentlessPhone) throws IOException {
        return ok("POST", "/api/v1/customers", "{\"firstName\":\"Ann\",\"lastName\":\"" + last + "\",\"contactPoints\":"
                + "[{\"kind\":\"PHONE\",\"value\":\"" + segmentlessPhone + "\"}]}").get("id").asLong();
    }

    private JsonNode ticket(long id) throws IOException {
        return ok("GET", "/api/v1/tickets/" + id, null);
    }

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static List<String> history(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.get("caseFile").get("history").forEach(h -> out.add(h.get("what").asText()));
        return out;
    }

    @Test
    void aComplaintIsAcknowledgedPromisedCalledBackAndClosedOnlyWithTheClosingQuestion() throws IOException {
        long c = customer("Moss", "+441632960101");
        Instant callbackAt = clock.instant().plus(Duration.ofDays(1));
        JsonNode t = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Charged twice\","
                + "\"kind\":\"COMPLAINT\",\"severity\":\"MAJOR\",\"department\":\"Billing\",\"category\":\"Billing error\","
                + "\"callbackAt\":\"" + callbackAt + "\"}");
        long id = t.get("id").asLong();
        JsonNode file = t.get("caseFile");
        assertThat(file.get("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(file.get("severity").asText()).isEqualTo("MAJOR");
        // the promise told to the customer is the resolution target when the agent promised nothing sooner
        assertThat(file.get("promisedAt").asText()).isEqualTo(file.get("resolution").get("due").asText());
        assertThat(file.get("firstResponse").get("targetMinutes").asLong()).isEqualTo(120);
        assertThat(history(t)).anyMatch(h -> h.startsWith("Complaint opened (MAJOR, Billing, Billing error)"))
                .anyMatch(h -> h.startsWith("Acknowledge on the call, tell the customer: We have received your complaint")
                        && h.contains("T-" + id) && h.contains("We will call you on"));
        // the callback promised is a scheduled contact on the ticket: it cannot be forgotten
        assertThat(t.get("interactionIds")).hasSize(1);
        JsonNode callback = ok("GET", "/api/v1/interactions/" + t.get("interactionIds").get(0).asLong(), null);
        assertThat(callback.get("state").asText()).isEqualTo("SCHEDULED");

        long version = t.get("version").asLong();
        Answer refused = call("PATCH", "/api/v1/tickets/" + id, "{\"status\":\"SOLVED\"}", agent);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("addressed");
        assertThat(ticket(id).get("version").asLong()).isEqualTo(version);
        assertThat(ticket(id).get("status").asText()).isEqualTo("OPEN");

        JsonNode closed = ok("PATCH", "/api/v1/tickets/" + id, "{\"status\":\"SOLVED\",\"addressed\":true}");
        assertThat(closed.get("status").asText()).isEqualTo("SOLVED");
        assertThat(closed.get("caseFile").get("addressed").asBoolean()).isTrue();
        assertThat(present(closed.get("caseFile").get("resolution"), "metAt")).isTrue();
        assertThat(history(closed)).contains("Closing check: the reply addressed the complaint raised");
    }

    @Test
    void aComplaintWithoutItsDetailsIsRefusedAndNothingIsWritten() throws IOException {
        long c = customer("Roy", "+441632960102");
        Answer a = call("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Rude\",\"kind\":\"COMPLAINT\","
                + "\"department\":\"Sales\",\"category\":\"Conduct\",\"callbackAt\":\"" + clock.instant().plusSeconds(3600)
                + "\"}", agent);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("field").asText()).isEqualTo("severity");
        Answer b = call("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Q\",\"severity\":\"MINOR\"}", agent);
        assertThat(b.status()).isEqualTo(400);
        assertThat(ok("GET", "/api/v1/customers/" + c + "/tickets", null)).isEmpty();
        assertThat(ok("GET", "/api/v1/customers/" + c + "/timeline", null).get("items")).isEmpty();
    }

    @Test
    void waitingOnTheCustomerPausesTheClocks() throws IOException {
        long c = customer("Jen", "+441632960103");
        long id = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Router\",\"kind\":\"PROBLEM\"}")
                .get("id").asLong();
        JsonNode pending = ok("PATCH", "/api/v1/tickets/" + id, "{\"status\":\"PENDING\"}");
        assertThat(pending.get("caseFile").get("resolution").get("state").asText()).isEqualTo("PAUSED");
        clock.advance(Duration.ofDays(3));
        signIn();
        JsonNode back = ok("PATCH", "/api/v1/tickets/" + id, "{\"status\":\"OPEN\"}");
        assertThat(back.get("caseFile").get("resolution").get("usedMinutes").asLong()).isLessThan(5);
        assertThat(history(back)).contains("Waiting on the customer: SLA clocks paused",
                "Customer answered: SLA clocks running again");
        clock.advance(Duration.ofDays(7));
        signIn();
        assertThat(ticket(id).get("caseFile").get("resolution").get("state").asText()).isEqualTo("BREACHED");
    }

    @Test
    void aClockNearItsTargetWarnsAndAMissedOneRaisesThePriorityAndAlertsSupervisors() throws IOException {
        long c = customer("Ted", "+441632960104");
        JsonNode t = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Slow line\",\"priority\":\"HIGH\"}");
        long id = t.get("id").asLong();
        assertThat(t.get("caseFile").get("assigneeName").asText()).isEqualTo("Alex Morgan");
        BusinessCalendar cal = server.cases().calendar();
        Instant started = Instant.parse(t.get("createdAt").asText());
        // 200 of its 240 business minutes to the first response used: near
        clock.advance(Duration.between(clock.instant(), cal.plus(started, Duration.ofMinutes(200))));
        signIn();
        server.tickets().escalate();
        assertThat(history(ticket(id))).anyMatch(h -> h.startsWith("Warning: first response due"));
        assertThat(server.cases().alerts()).anyMatch(a -> a.severity().equals("WARNING") && a.message().contains("T-" + id));
        server.tickets().escalate();
        assertThat(history(ticket(id)).stream().filter(h -> h.startsWith("Warning")).count()).isEqualTo(1);

        clock.advance(Duration.ofDays(10));
        signIn();
        server.tickets().escalate();
        JsonNode missed = ticket(id);
        assertThat(missed.get("priority").asText()).isEqualTo("URGENT");
        assertThat(history(missed)).anyMatch(h -> h.startsWith("Escalated: ") && h.contains("priority raised to URGENT"));
        assertThat(server.cases().alerts()).anyMatch(a -> a.severity().equals("CRITICAL") && a.message().contains("T-" + id));
        Answer dashboard = call("GET", "/api/v1/supervisor/dashboard", null, supervisor);
        assertThat(dashboard.body().get("alerts").toString()).contains("TICKET_SLA").contains("T-" + id);
        // missed: the ticket goes to a supervisor, once
        assertThat(missed.get("caseFile").get("assigneeName").asText()).isEqualTo("Priya Raman");
        assertThat(history(missed)).contains("Reassigned from Alex Morgan to Priya Raman: a target was missed");
        server.tickets().escalate();
        assertThat(history(ticket(id)).stream().filter(h -> h.startsWith("Reassigned")).count()).isEqualTo(1);

        ok("PATCH", "/api/v1/tickets/" + id, "{\"status\":\"SOLVED\"}");
        server.tickets().escalate();
        assertThat(server.cases().alerts()).noneMatch(a -> a.message().contains("T-" + id));
    }

    @Test
    void mergingTicketsLosesNothingAndTheDuplicateStaysClosed() throws IOException {
        long c = customer("Liz", "+441632960105");
        long other = customer("Bob", "+441632960106");
        long a = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"No signal\",\"note\":\"first\"}")
                .get("id").asLong();
        long b = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"No signal again\",\"note\":\"second\"}")
                .get("id").asLong();
        ok("POST", "/api/v1/tickets/" + b + "/notes", "{\"body\":\"third\"}");
        ok("POST", "/api/v1/tickets/" + b + "/watchers", "{}");
        long elsewhere = ok("POST", "/api/v1/tickets", "{\"customerId\":" + other + ",\"subject\":\"x\"}").get("id").asLong();
        long related = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Bill\"}").get("id").asLong();
        ok("POST", "/api/v1/tickets/" + b + "/links", "{\"ticketId\":" + related + "}");

        assertThat(call("POST", "/api/v1/tickets/" + a + "/merge", "{\"duplicateId\":" + elsewhere + "}", agent).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/" + a + "/merge", "{\"duplicateId\":" + a + "}", agent).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/" + a + "/merge", "{}", agent).status()).isEqualTo(400);

        JsonNode merged = ok("POST", "/api/v1/tickets/" + a + "/merge", "{\"duplicateId\":" + b + "}");
        List<String> notes = new ArrayList<>();
        merged.get("notes").forEach(n -> notes.add(n.get("body").asText()));
        assertThat(notes).containsExactly("first", "second", "third");
        assertThat(merged.get("caseFile").get("watcherIds")).hasSize(1);
        assertThat(merged.get("caseFile").get("linkedTicketIds").toString()).isEqualTo("[" + related + "]");
        assertThat(history(merged)).anyMatch(h -> h.startsWith("T-" + b + " merged in: 2 notes"));
        JsonNode duplicate = ticket(b);
        assertThat(duplicate.get("status").asText()).isEqualTo("CLOSED");
        assertThat(duplicate.get("caseFile").get("mergedInto").asLong()).isEqualTo(a);
        assertThat(duplicate.get("notes")).isEmpty();
        assertThat(call("PATCH", "/api/v1/tickets/" + b, "{\"status\":\"OPEN\"}", agent).status()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/tickets/" + a + "/merge", "{\"duplicateId\":" + b + "}", agent).status())
                .isEqualTo(409);
    }

    @Test
    void splittingMovesTheChosenNotesToALinkedTicket() throws IOException {
        long c = customer("Kim", "+441632960107");
        long id = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Two things\",\"note\":\"modem\"}")
                .get("id").asLong();
        JsonNode t = ok("POST", "/api/v1/tickets/" + id + "/notes", "{\"body\":\"invoice\"}");
        long invoiceNote = t.get("notes").get(1).get("id").asLong();
        assertThat(call("POST", "/api/v1/tickets/" + id + "/split", "{\"subject\":\"Invoice\",\"noteIds\":[999999]}", agent)
                .status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/" + id + "/split", "{\"subject\":\"Invoice\"}", agent).status())
                .isEqualTo(400);
        JsonNode split = ok("POST", "/api/v1/tickets/" + id + "/split", "{\"subject\":\"Invoice\",\"noteIds\":["
                + invoiceNote + "]}");
        long newId = split.get("id").asLong();
        assertThat(split.get("notes")).hasSize(1);
        assertThat(split.get("notes").get(0).get("body").asText()).isEqualTo("invoice");
        assertThat(split.get("caseFile").get("linkedTicketIds").toString()).isEqualTo("[" + id + "]");
        assertThat(present(split.get("caseFile"), "resolution")).isTrue();
        JsonNode from = ticket(id);
        assertThat(from.get("notes")).hasSize(1);
        assertThat(from.get("caseFile").get("linkedTicketIds").toString()).isEqualTo("[" + newId + "]");
        JsonNode unlinked = ok("DELETE", "/api/v1/tickets/" + id + "/links/" + newId, null);
        assertThat(unlinked.get("caseFile").get("linkedTicketIds")).isEmpty();
    }

    @Test
    void aReplyNoteIsTheFirstResponseAndTheReportsCountIt() throws IOException {
        long c = customer("Ola", "+441632960108");
        long id = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Where is my order\"}")
                .get("id").asLong();
        ok("POST", "/api/v1/tickets/" + id + "/notes", "{\"body\":\"checked the depot\"}");
        assertThat(present(ticket(id), "firstResponseAt")).isFalse();
        JsonNode replied = ok("POST", "/api/v1/tickets/" + id + "/notes",
                "{\"body\":\"Told her it ships Monday\",\"visibility\":\"REPLY\"}");
        assertThat(present(replied, "firstResponseAt")).isTrue();
        assertThat(replied.get("notes").get(0).get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(replied.get("notes").get(1).get("visibility").asText()).isEqualTo("REPLY");
        assertThat(present(replied.get("caseFile").get("firstResponse"), "metAt")).isTrue();
        ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Late\",\"kind\":\"COMPLAINT\","
                + "\"severity\":\"MINOR\",\"department\":\"Logistics\",\"category\":\"Delivery\"}");

        assertThat(call("GET", "/api/v1/supervisor/reports/first-response", null, agent).status()).isEqualTo(403);
        JsonNode report = call("GET", "/api/v1/supervisor/reports/first-response?days=7", null, supervisor).body();
        JsonNode question = null;
        for (JsonNode row : report.get("kinds")) {
            if (row.get("kind").asText().equals("QUESTION")) {
                question = row;
            }
        }
        assertThat(question.get("opened").asInt()).isEqualTo(1);
        assertThat(question.get("answered").asInt()).isEqualTo(1);
        assertThat(question.get("medianMinutes").asDouble()).isLessThan(5);
        assertThat(question.get("targetMinutes").asInt()).isEqualTo(480);
        JsonNode complaints = call("GET", "/api/v1/supervisor/reports/complaints?days=30", null, supervisor).body();
        assertThat(complaints.get("total").asInt()).isEqualTo(1);
        assertThat(complaints.get("byCategory").get(0).get("name").asText()).isEqualTo("Delivery");
        assertThat(call("GET", "/api/v1/supervisor/reports/complaints?days=0", null, supervisor).status()).isEqualTo(400);
    }

    @Test
    void theCardShowsValueWithItsWorkingChurnReasonsAndPermissions() throws IOException {
        long c = customer("Eve", "+441632960109");
        dev.switchboard.store.InsightStore facts = new dev.switchboard.store.InsightStore(server.database().dataSource());
        Instant now = clock.instant();
        facts.addPurchase(c, now.minus(Duration.ofDays(800)), new java.math.BigDecimal("500.00"));
        facts.addPurchase(c, now.minus(Duration.ofDays(500)), new java.math.BigDecimal("400.00"));
        facts.addPurchase(c, now.minus(Duration.ofDays(100)), new java.math.BigDecimal("100.00"));
        JsonNode insight = ok("GET", "/api/v1/customers/" + c + "/insight", null);
        // 1,000.00 so far + 100.00 a year x 2.67 expected years
        assertThat(insight.get("lifetimeValue").decimalValue()).isEqualByComparingTo("1267.00");
        assertThat(insight.get("formula").asText()).contains("1,000.00 spent so far").contains("100.00 a year");
        assertThat(insight.get("valueBand").asText()).isEqualTo("Silver");
        assertThat(insight.get("churnSignals").toString()).contains("DECLINING_SPEND");
        assertThat(insight.get("doNotUpsell").asBoolean()).isFalse();
        assertThat(insight.get("permissions")).hasSize(12);

        ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Late again\",\"kind\":\"COMPLAINT\","
                + "\"severity\":\"MINOR\",\"department\":\"Logistics\",\"category\":\"Delivery\"}");
        JsonNode after = ok("GET", "/api/v1/customers/" + c + "/insight", null);
        assertThat(after.get("doNotUpsell").asBoolean()).isTrue();
        assertThat(after.get("doNotUpsellReason").asText()).isEqualTo("Complaint open: do not offer sales");
        assertThat(after.get("churnSignals").toString()).contains("RECENT_COMPLAINTS").contains("UNRESOLVED_TICKETS");

        assertThat(call("PUT", "/api/v1/customers/" + c + "/permissions", "{\"channel\":\"FAX\",\"purpose\":\"MARKETING\","
                + "\"allowed\":true}", agent).status()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/customers/" + c + "/permissions", "{\"channel\":\"EMAIL\",\"purpose\":\"MARKETING\"}",
                agent).status()).isEqualTo(400);
        JsonNode allowed = ok("PUT", "/api/v1/customers/" + c + "/permissions",
                "{\"channel\":\"EMAIL\",\"purpose\":\"MARKETING\",\"allowed\":true}");
        assertThat(allowed.get("permissions").toString())
                .contains("{\"channel\":\"EMAIL\",\"purpose\":\"MARKETING\",\"allowed\":true,\"recorded\":true");
        assertThat(call("GET", "/api/v1/customers/999999/insight", null, agent).status()).isEqualTo(404);
    }
}
