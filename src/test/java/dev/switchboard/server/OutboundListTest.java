package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.OutboundDesk.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void aCustomerWhoSaidNoToCallsOnTheirCardIsPutAsideWhateverTheListSays() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        Answer ada = supervisor.post("/api/v1/customers", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                + "\"contactPoints\":[{\"kind\":\"PHONE\",\"value\":\"+44 20 7946 0001\"}]}");
        long adaId = ada.body().path("id").asLong();
        Answer grace = supervisor.post("/api/v1/customers", "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\","
                + "\"contactPoints\":[{\"kind\":\"PHONE\",\"value\":\"+44 20 7946 0002\"}]}");
        long graceId = grace.body().path("id").asLong();
        // Ada said no to service calls; Grace said no to marketing calls only, which this campaign is not
        assertThat(supervisor.put("/api/v1/customers/" + adaId + "/permissions",
                "{\"channel\":\"PHONE\",\"purpose\":\"SERVICE\",\"allowed\":false}").status()).isEqualTo(200);
        assertThat(supervisor.put("/api/v1/customers/" + graceId + "/permissions",
                "{\"channel\":\"PHONE\",\"purpose\":\"MARKETING\",\"allowed\":false}").status()).isEqualTo(200);
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\nGrace,020 7946 0002\n");

        Answer next = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
        assertThat(next.body().path("record").path("customerId").asLong()).isEqualTo(graceId);
        JsonNode skip = java.util.stream.StreamSupport.stream(
                        supervisor.get("/api/v1/outbound/campaigns/" + id + "/log").body().spliterator(), false)
                .filter(e -> e.path("action").asText().equals("SKIP") && e.path("number").asText().equals("+442079460001"))
                .findFirst().orElseThrow();
        assertThat(skip.path("reason").asText()).isEqualTo("REFUSED_ON_CARD");
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

        // a campaign the server dials has no preview: its agents take a seat instead
        long progressive = campaign(supervisor, "Later", "PROGRESSIVE");
        JsonNode view = supervisor.get("/api/v1/outbound/campaigns/" + progressive).body();
        assertThat(view.path("dialled").asBoolean()).isTrue();
        assertThat(view.path("note").asText()).contains("one call for each ready agent");
        Answer next = outbound.post("/api/v1/outbound/campaigns/" + progressive + "/next", "");
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.error()).isEqualTo("dialled_by_server");
        assertThat(next.body().path("message").asText()).contains("/join");
        Answer previewSeat = outbound.post("/api/v1/outbound/campaigns/" + id + "/join", "");
        assertThat(previewSeat.status()).isEqualTo(409);
        assertThat(supervisor.post("/api/v1/outbound/campaigns/" + progressive + "/join", "").status()).isEqualTo(403);
        assertThat(outbound.get("/api/v1/outbound/campaigns").body()).hasSize(2);
    }

    @Test
    void aSupervisorPausesAndResumesACampaignAndAnAgentReadsTheAttemptsOfTheRecordTheyHold() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\n");

        assertThat(outbound.put("/api/v1/outbound/campaigns/" + id + "/active", "{\"active\":false}").status())
                .isEqualTo(403);
        Answer bad = supervisor.put("/api/v1/outbound/campaigns/" + id + "/active", "{\"active\":\"no\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("active");
        assertThat(supervisor.put("/api/v1/outbound/campaigns/" + id + "/active", "{}").field()).isEqualTo("active");
        assertThat(supervisor.put("/api/v1/outbound/campaigns/999999/active", "{\"active\":false}").status())
                .isEqualTo(404);

        Answer paused = supervisor.put("/api/v1/outbound/campaigns/" + id + "/active", "{\"active\":false}");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.body().path("active").asBoolean()).isFalse();
        assertThat(outbound.get("/api/v1/outbound/campaigns").body()).as("agents see running campaigns only").isEmpty();
        Answer refused = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("inactive");

        Answer resumed = supervisor.put("/api/v1/outbound/campaigns/" + id + "/active", "{\"active\":true}");
        assertThat(resumed.body().path("active").asBoolean()).isTrue();
        Answer offered = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        long record = offered.body().path("record").path("id").asLong();
        assertThat(record).isPositive();

        Answer skipped = outbound.post("/api/v1/outbound/records/" + record + "/skip", "{\"reason\":\"wrong hour\"}");
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(outbound.get("/api/v1/outbound/records/" + record + "/attempts").status())
                .as("let go: no longer the agent's").isEqualTo(403);
        outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        JsonNode attempts = outbound.get("/api/v1/outbound/records/" + record + "/attempts").body();
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("action").asText()).isEqualTo("AGENT_SKIP");
        assertThat(attempts.get(0).path("message").asText()).isEqualTo("wrong hour");
        assertThat(supervisor.get("/api/v1/outbound/records/" + record + "/attempts").body()).hasSize(1);
        assertThat(supervisor.get("/api/v1/outbound/records/999999/attempts").status()).isEqualTo(404);
    }

    @Test
    void aCampaignKeepsItsOwnDispositionsAndBadOnesAreRefusedByPosition() {
        String base = "{\"name\":\"Collections\",\"mode\":\"PREVIEW\",\"purpose\":\"SERVICE\",\"callingHours\":"
                + WINDOWS + ",\"dispositions\":";
        Answer made = supervisor.post("/api/v1/outbound/campaigns", base
                + "[{\"code\":\"PROMISE_TO_PAY\",\"key\":\"P\",\"closesRecord\":true,\"schedulesCallback\":false},"
                + "{\"code\":\"CALL_LATER\",\"key\":\"L\",\"closesRecord\":false,\"schedulesCallback\":true},"
                + "{\"code\":\"STOP\",\"key\":\"X\",\"closesRecord\":true,\"schedulesCallback\":false,\"addsToDoNotCall\":\"CAMPAIGN\"}]}");
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        long id = made.body().path("id").asLong();
        JsonNode stored = supervisor.get("/api/v1/outbound/campaigns/" + id).body().path("dispositions");
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).path("code").asText()).isEqualTo("PROMISE_TO_PAY");
        assertThat(stored.get(1).path("schedulesCallback").asBoolean()).isTrue();
        assertThat(stored.get(2).path("addsToDoNotCall").asText()).isEqualTo("CAMPAIGN");

        Answer twoKeys = supervisor.post("/api/v1/outbound/campaigns", base
                + "[{\"code\":\"A\",\"key\":\"P\",\"closesRecord\":true,\"schedulesCallback\":false},{\"code\":\"B\",\"key\":\"p\",\"closesRecord\":true,\"schedulesCallback\":false}]}");
        assertThat(twoKeys.status()).isEqualTo(400);
        assertThat(twoKeys.field()).isEqualTo("dispositions[1]");
        Answer badCode = supervisor.post("/api/v1/outbound/campaigns", base + "[{\"code\":\"not ok\",\"key\":\"P\",\"closesRecord\":true,\"schedulesCallback\":false}]}");
        assertThat(badCode.field()).isEqualTo("dispositions[0]");
        Answer listsButStays = supervisor.post("/api/v1/outbound/campaigns", base
                + "[{\"code\":\"STOP\",\"key\":\"X\",\"closesRecord\":false,\"schedulesCallback\":false,\"addsToDoNotCall\":\"GLOBAL\"}]}");
        assertThat(listsButStays.status()).isEqualTo(400);
        assertThat(listsButStays.body().path("message").asText()).contains("must be final");
        Answer missingFlag = supervisor.post("/api/v1/outbound/campaigns", base + "[{\"code\":\"A\",\"key\":\"P\"}]}");
        assertThat(missingFlag.field()).isEqualTo("dispositions[0].closesRecord");
        assertThat(supervisor.post("/api/v1/outbound/campaigns", base + "[]}").field()).isEqualTo("dispositions");
        assertThat(supervisor.get("/api/v1/outbound/campaigns").body()).as("nothing half made").hasSize(1);

        // the agent's result takes the campaign's own codes (and keys) only
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\n");
        long record = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "").body().path("record").path("id")
                .asLong();
        assertThat(record).isPositive();
        JsonNode view = supervisor.get("/api/v1/outbound/campaigns/" + id).body();
        assertThat(view.path("dispositions").get(0).path("key").asText()).isEqualTo("P");
    }

    @Test
    void aReadyOutboundAgentIsReachedByNoInboundQueue() {
        Answer ready = outbound.send("PUT", "/api/v1/me/state", "{\"state\":\"READY\"}");
        assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
        // a call for General, a queue whose skill the outbound agent has on file
        Answer contact = supervisor.post("/api/v1/interactions", "{\"channel\":\"PHONE\",\"address\":\"+441632960001\"}");
        assertThat(contact.status()).as(contact.body().toString()).isEqualTo(201);
        long id = contact.body().path("interaction").path("id").asLong(contact.body().path("id").asLong());
        await("no offer to the outbound agent").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> supervisor.get("/api/v1/interactions/" + id).body().path("state").asText().equals("QUEUED"));
        Answer aimed = supervisor.post("/api/v1/supervisor/interactions/" + id + "/move",
                "{\"agentId\":" + outbound.me() + "}");
        assertThat(aimed.status()).as(aimed.body().toString()).isEqualTo(400);
        assertThat(aimed.field()).isEqualTo("agentId");
        assertThat(outbound.get("/api/v1/queue").body()).as("but reaches no outbound agent").isEmpty();
    }

    @Test
    void aRowWhoseNumberFindsNoCustomerIsLinkedByItsEmailAddress() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        Answer grace = supervisor.post("/api/v1/customers", "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\","
                + "\"contactPoints\":[{\"kind\":\"EMAIL\",\"value\":\"grace@navy.example\"}]}");
        assertThat(grace.status()).as(grace.body().toString()).isEqualTo(201);
        long graceId = grace.body().path("id").asLong();

        Answer list = importList(supervisor, id, "&emailColumn=Mail", """
                name,number,Mail
                Grace Hopper,020 7946 0011,Grace@Navy.example
                Nobody Known,020 7946 0012,nobody@else.example
                Bad Mail,020 7946 0013,not-an-address
                No Mail,020 7946 0014,
                """);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        assertThat(list.body().path("accepted").asInt()).isEqualTo(3);
        assertThat(list.body().path("linkedToCustomers").asInt()).isEqualTo(1);
        assertThat(lines(list.body())).containsExactly("4:INVALID_EMAIL");
        Answer next = outbound.post("/api/v1/outbound/campaigns/" + id + "/next", "");
        assertThat(next.body().path("record").path("customerId").asLong()).isEqualTo(graceId);
    }
}
