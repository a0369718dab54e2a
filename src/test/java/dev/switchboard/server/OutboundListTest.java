package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.OutboundDesk.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns, call lists and the do-not-call lists over the API: a bad file changes nothing, bad rows
 * are reported by line, numbers are linked to customers, and only the right roles get in.
 */
@Timeout(60)
class OutboundListTest {
    static final String WINDOWS = "{\"MONDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},"
            + "\"TUESDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},\"WEDNESDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},"
            + "\"THURSDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},\"FRIDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"}}";

    private SwitchboardServer server;
    private OutboundDesk supervisor;
    private OutboundDesk outbound;

    @BeforeEach
    void start() {
        ServerOptions base = ServerOptions.inMemory("outbound-list-" + System.nanoTime(), 0);
        server = SwitchboardServer.start(new ServerOptions(base.host(), 0, null, null, null, null, base.memoryDb(),
                0, 1, 0, "GB", null, null, 0, 0, 0, null, null, false, null,
                new OutboundDesk.SetClock(Instant.parse("2026-03-11T10:00:00Z"))));
        supervisor = new OutboundDesk(server, "supervisor", "supervisor");
        outbound = new OutboundDesk(server, "outbound", "outbound");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static long campaign(OutboundDesk supervisor, String name, String mode) {
        Answer a = supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"" + name + "\",\"mode\":\"" + mode
                + "\",\"purpose\":\"SERVICE\",\"callingHours\":" + WINDOWS + ",\"holidays\":[\"2026-12-25\"],"
                + "\"retryAfter\":{\"BUSY\":\"PT15M\",\"NO_ANSWER\":\"PT2H\",\"CONNECTED\":\"P1D\"},\"maxAttempts\":3}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body().path("id").asLong();
    }

    static Answer importList(OutboundDesk supervisor, long campaignId, String query, String csv) {
        return supervisor.postCsv("/api/v1/outbound/campaigns/" + campaignId + "/records?consentForAll=true" + query,
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode progress(long campaignId) {
        return supervisor.get("/api/v1/outbound/campaigns/" + campaignId).body().path("progress");
    }

    @Test
    void aFileThatIsNotUtf8OrLacksAColumnIsRefusedAndSavesNothing() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");

        byte[] latin1 = "name,number\nZoë Müller,020 7946 0001\nAda,020 7946 0002\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Answer notUtf8 = supervisor.postCsv("/api/v1/outbound/campaigns/" + id + "/records?consentForAll=true", latin1);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.error()).isEqualTo("not_utf8");
        assertThat(notUtf8.body().path("message").asText()).isNotBlank();

        Answer missing = importList(supervisor, id, "&numberColumn=Phone", "name,number\nAda,020 7946 0002\n");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("missing_columns");
        assertThat(missing.body().path("message").asText()).contains("\"Phone\"");

        Answer unterminated = importList(supervisor, id, "", "name,number\nAda,\"020 7946 0002\nBob,020 7946 0003\n");
        assertThat(unterminated.status()).isEqualTo(400);

        Answer notCsv = supervisor.post("/api/v1/outbound/campaigns/" + id + "/records", "{\"rows\":[]}");
        assertThat(notCsv.status()).isEqualTo(415);
        assertThat(notCsv.field()).isEqualTo("Content-Type");

        assertThat(progress(id).path("records").asInt()).isZero();
    }

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesSavedAndLinkedToTheirCustomer() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        Answer customer = supervisor.post("/api/v1/customers", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                + "\"contactPoints\":[{\"kind\":\"PHONE\",\"value\":\"+44 20 7946 0001\"}]}");
        assertThat(customer.status()).as(customer.body().toString()).isEqualTo(201);
        long customerId = customer.body().path("id").asLong();

        Answer first = importList(supervisor, id, "&numberColumn=Phone&zoneColumn=TZ", """
                name,Phone,TZ
                Ada Lovelace,020 7946 0001,
                ,020 7946 0002,
                Bob Stone,call me maybe,
                Carol King,+1 212 555 0199,America/New_York
                Dan Brown,020 7946 0004,Mars/Olympus
                """);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(first.body().path("linkedToCustomers").asInt()).isEqualTo(1);
        assertThat(lines(first.body())).containsExactly("3:MISSING_VALUE", "4:INVALID_NUMBER", "6:INVALID_ZONE");

        Answer second = importList(supervisor, id, "", """
                name,number
                Eve Adams,020 7946 0003
                Dan Again,+44 20 7946 0001
                """);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(lines(second.body())).containsExactly("3:DUPLICATE_NUMBER");
        assertThat(progress(id).path("records").asInt()).isEqualTo(3);
        assertThat(progress(id).path("remaining").asInt()).isEqualTo(3);

        // the linked record's preview carries the customer's card
        Answer next = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
        assertThat(next.body().path("record").path("number").asText()).isEqualTo("+442079460001");
        assertThat(next.body().path("record").path("customerId").asLong()).isEqualTo(customerId);
        assertThat(next.body().path("customer").path("displayName").asText()).contains("Ada");
    }

    private static List<String> lines(JsonNode importAnswer) {
        List<String> out = new ArrayList<>();
        importAnswer.path("rejected").forEach(r -> out.add(r.path("line").asInt() + ":"
                + r.path("problems").path(0).path("problem").asText()));
        return out;
    }

    @Test
    void doNotCallNumbersAreListedAllOrNothing() {
        Answer bad = supervisor.post("/api/v1/outbound/dnc", Map.of("numbers", List.of("020 7946 0001", "nope")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("numbers[1]");
        assertThat(supervisor.get("/api/v1/outbound/dnc").body()).isEmpty();

        Answer added = outbound.post("/api/v1/outbound/dnc", Map.of("numbers", List.of("020 7946 0001",
                "+44 20 7946 0001", "+1 212 555 0199"), "reason", "asked on a call"));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        assertThat(added.body().path("added").asInt()).isEqualTo(2);
        assertThat(added.body().path("alreadyListed").asInt()).isEqualTo(1);
        JsonNode list = supervisor.get("/api/v1/outbound/dnc?scope=GLOBAL").body();
        assertThat(list).hasSize(2);
        assertThat(list.findValuesAsText("number")).containsExactlyInAnyOrder("+442079460001", "+12125550199");

        Answer noCampaign = supervisor.post("/api/v1/outbound/dnc", "{\"numbers\":[\"020 7946 0002\"],"
                + "\"scope\":\"CAMPAIGN\"}");
        assertThat(noCampaign.status()).isEqualTo(400);
        assertThat(noCampaign.field()).isEqualTo("campaignId");
    }

    @Test
    void onlyTheRightRolesGetInAndBadInputNamesItsField() {
        Answer agentCreates = outbound.post("/api/v1/outbound/campaigns", "{\"name\":\"x\"}");
        assertThat(agentCreates.status()).isEqualTo(403);
        assertThat(agentCreates.error()).isEqualTo("forbidden");
        assertThat(outbound.get("/api/v1/outbound/dnc").status()).isEqualTo(403);
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        assertThat(outbound.postCsv("/api/v1/outbound/campaigns/" + id + "/records",
                "name,number\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(outbound.get("/api/v1/outbound/campaigns/" + id + "/log").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/outbound/campaigns/" + id + "/next", "").status()).isEqualTo(403);
        OutboundDesk inbound = new OutboundDesk(server, "agent", "agent");
        assertThat(inbound.post("/api/v1/outbound/campaigns/" + id + "/next", "").status()).isEqualTo(403);
        assertThat(inbound.get("/api/v1/outbound/campaigns").status()).isEqualTo(403);

        String valid = "\"purpose\":\"SERVICE\",\"callingHours\":" + WINDOWS;
        assertThat(supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"FAST\"," + valid + "}")
                .field()).isEqualTo("mode");
        assertThat(supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"PREVIEW\","
                + "\"purpose\":\"SERVICE\"}").field()).isEqualTo("callingHours");
        Answer backwards = supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"PREVIEW\","
                + "\"purpose\":\"SERVICE\",\"callingHours\":{\"MONDAY\":{\"start\":\"20:00\",\"end\":\"09:00\"}}}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.field()).isEqualTo("callingHours.MONDAY");
        assertThat(supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"PREVIEW\"," + valid
                + ",\"retryAfter\":{\"BUSY\":\"PT0S\"}}").field()).isEqualTo("retryAfter.BUSY");
        assertThat(supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"PREVIEW\"," + valid
                + ",\"retryAfter\":{\"BUSY\":\"PT0.5S\"}}").field()).isEqualTo("retryAfter.BUSY");
        assertThat(supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"x\",\"mode\":\"PREVIEW\"," + valid
                + ",\"colour\":\"red\"}").field()).isEqualTo("colour");
        assertThat(supervisor.get("/api/v1/outbound/campaigns").body()).hasSize(1);
        assertThat(outbound.get("/api/v1/outbound/campaigns").status()).as("still readable").isEqualTo(200);

        // outbound agents dial only through their campaign's rules, never a number of their own
        Answer ownNumber = outbound.post("/api/v1/calls", "{\"number\":\"+442079460001\"}");
        assertThat(ownNumber.status()).isEqualTo(403);
        assertThat(ownNumber.error()).isEqualTo("forbidden");

        // a mode that is not dialled yet is stored, and says so
        long progressive = campaign(supervisor, "Later", "PROGRESSIVE");
        JsonNode view = supervisor.get("/api/v1/outbound/campaigns/" + progressive).body();
        assertThat(view.path("dialled").asBoolean()).isFalse();
        assertThat(view.path("note").asText()).contains("not dialled yet");
        Answer next = outbound.post("/api/v1/outbound/campaigns/" + progressive + "/next", "");
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.error()).isEqualTo("not_dialled");
        assertThat(outbound.get("/api/v1/outbound/campaigns").body()).hasSize(2);
    }
}
