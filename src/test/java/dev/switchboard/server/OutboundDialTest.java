package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.domain.Role;
import dev.switchboard.server.OutboundDesk.Answer;
import dev.switchboard.store.AgentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;

import static dev.switchboard.server.OutboundListTest.campaign;
import static dev.switchboard.server.OutboundListTest.importList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outbound agent working a preview campaign over the API: next record, dial, result. The rules
 * hold at every step: listed numbers and contacts outside their calling hours are never offered or
 * dialled, each skip is in the dial log with its reason, and no two agents hold one record.
 */
@Timeout(90)
class OutboundDialTest {
    /** A Wednesday: 09:30 in London, 05:30 in New York. */
    private static final Instant LONDON_MORNING = Instant.parse("2026-03-11T09:30:00Z");

    private final OutboundDesk.SetClock clock = new OutboundDesk.SetClock(LONDON_MORNING);
    private SwitchboardServer server;
    private OutboundDesk supervisor;
    private OutboundDesk sam;

    @BeforeEach
    void start() {
        ServerOptions base = ServerOptions.inMemory("outbound-dial-" + System.nanoTime(), 0);
        server = SwitchboardServer.start(new ServerOptions(base.host(), 0, null, null, null, null, base.memoryDb(),
                0, 1, 0, "GB", null, null, 0, 0, 0, null, null, true, null, clock));
        supervisor = new OutboundDesk(server, "supervisor", "supervisor");
        sam = new OutboundDesk(server, "outbound", "outbound");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OutboundDesk secondAgent() {
        new AgentStore(server.database().dataSource()).insert("outbound2", "Kim Lee", Role.OUTBOUND_AGENT,
                AuthService.hash("outbound2"), false);
        return new OutboundDesk(server, "outbound2", "outbound2");
    }

    private Answer next(OutboundDesk desk, long campaignId) {
        Answer a = desk.post("/api/v1/outbound/campaigns/" + campaignId + "/next", "");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a;
    }

    private JsonNode log(long campaignId) {
        return supervisor.get("/api/v1/outbound/campaigns/" + campaignId + "/log").body();
    }

    private static JsonNode entry(JsonNode log, String action, String number) {
        return StreamSupport.stream(log.spliterator(), false).filter(e -> e.path("action").asText().equals(action)
                && e.path("number").asText().equals(number)).findFirst().orElse(null);
    }

    private long dialled(long campaignId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sam.get("/api/v1/me/phone").body().path("registered").asBoolean());
        long recordId = next(sam, campaignId).body().path("record").path("id").asLong();
        Answer dial = sam.post("/api/v1/outbound/records/" + recordId + "/dial", "");
        assertThat(dial.status()).as(dial.body().toString()).isEqualTo(200);
        assertThat(dial.body().path("call").path("interaction").path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(dial.body().path("record").path("dialledAt").isMissingNode()).isFalse();
        return recordId;
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverOfferedNorDialled() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\nBob,020 7946 0002\n");
        supervisor.post("/api/v1/outbound/dnc", Map.of("numbers", List.of("020 7946 0001"), "reason", "asked"));

        Answer offered = next(sam, id);
        assertThat(offered.body().path("record").path("number").asText()).isEqualTo("+442079460002");
        JsonNode skip = entry(log(id), "SKIP", "+442079460001");
        assertThat(skip).isNotNull();
        assertThat(skip.path("reason").asText()).isEqualTo("DNC_GLOBAL");

        // listed on the campaign's list while Sam previews it: the dial is refused, nothing is placed
        long bob = offered.body().path("record").path("id").asLong();
        supervisor.post("/api/v1/outbound/dnc", Map.of("numbers", List.of("+442079460002"), "scope", "CAMPAIGN",
                "campaignId", id));
        Answer dial = sam.post("/api/v1/outbound/records/" + bob + "/dial", "");
        assertThat(dial.status()).isEqualTo(409);
        assertThat(dial.error()).isEqualTo("dnc_campaign");
        assertThat(entry(log(id), "REFUSED", "+442079460002").path("reason").asText()).isEqualTo("DNC_CAMPAIGN");
        assertThat(entry(log(id), "DIAL", "+442079460002")).isNull();
        JsonNode record = supervisor.get("/api/v1/outbound/records/" + bob).body();
        assertThat(record.path("attempts").asInt()).isZero();
        assertThat(record.path("blockedReason").asText()).isEqualTo("DNC_CAMPAIGN");

        Answer none = next(sam, id);
        assertThat(none.body().path("record").isMissingNode()).isTrue();
        assertThat(none.body().path("none").asText()).isNotBlank();
        assertThat(supervisor.get("/api/v1/outbound/campaigns/" + id).body().path("progress").path("blocked").asInt())
                .isEqualTo(2);
    }

    @Test
    void aContactAtNightInNewYorkIsSkippedWithTheReasonInTheDialLog() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nCarol King,+1 212 555 0199\nAda,020 7946 0001\n");

        Answer offered = next(sam, id);
        assertThat(offered.body().path("record").path("number").asText()).isEqualTo("+442079460001");
        JsonNode skip = entry(log(id), "SKIP", "+12125550199");
        assertThat(skip.path("reason").asText()).isEqualTo("OUTSIDE_CALLING_HOURS");
        assertThat(skip.path("message").asText()).contains("America/New_York");
        long carol = skip.path("recordId").asLong();
        assertThat(Instant.parse(supervisor.get("/api/v1/outbound/records/" + carol).body().path("nextAttemptAt")
                .asText())).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));

        OutboundDesk kim = secondAgent();
        assertThat(next(kim, id).body().path("record").isMissingNode()).isTrue();
        clock.set(Instant.parse("2026-03-11T13:05:00Z"));   // 09:05 in New York
        long ada = offered.body().path("record").path("id").asLong();
        assertThat(sam.post("/api/v1/outbound/records/" + ada + "/skip", "{\"reason\":\"later\"}").status())
                .isEqualTo(200);
        assertThat(next(kim, id).body().path("record").path("id").asLong()).as("due first").isEqualTo(carol);
        assertThat(entry(log(id), "AGENT_SKIP", "+442079460001").path("message").asText()).isEqualTo("later");
    }

    @Test
    void twoAgentsAskingAtOnceGetDifferentRecords() throws Exception {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nA,020 7946 0001\nB,020 7946 0002\nC,020 7946 0003\n");
        OutboundDesk kim = secondAgent();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Answer> forSam = CompletableFuture.supplyAsync(() -> atOnce(go, () -> next(sam, id)));
        CompletableFuture<Answer> forKim = CompletableFuture.supplyAsync(() -> atOnce(go, () -> next(kim, id)));
        go.countDown();
        long samRecord = forSam.get().body().path("record").path("id").asLong();
        long kimRecord = forKim.get().body().path("record").path("id").asLong();
        assertThat(samRecord).isPositive().isNotEqualTo(kimRecord);
        assertThat(kimRecord).isPositive();
        assertThat(next(sam, id).body().path("record").path("id").asLong()).as("asking again: the same record")
                .isEqualTo(samRecord);
        Answer notHers = kim.post("/api/v1/outbound/records/" + samRecord + "/dial", "");
        assertThat(notHers.status()).isEqualTo(409);
        assertThat(notHers.error()).isEqualTo("not_held");
    }

    private static Answer atOnce(CountDownLatch latch, java.util.function.Supplier<Answer> ask) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ask.get();
    }

    @Test
    void aBusyResultSchedulesARetry() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\n");
        long record = dialled(id);

        Answer badResult = sam.post("/api/v1/outbound/records/" + record + "/result", "{\"result\":\"CONNECTED\"}");
        assertThat(badResult.status()).isEqualTo(400);
        assertThat(badResult.field()).isEqualTo("disposition");

        Instant before = clock.instant();
        Answer busy = sam.post("/api/v1/outbound/records/" + record + "/result", "{\"result\":\"BUSY\"}");
        assertThat(busy.status()).as(busy.body().toString()).isEqualTo(200);
        JsonNode r = busy.body();
        assertThat(r.path("status").asText()).isEqualTo("PENDING");
        assertThat(r.path("attempts").asInt()).isEqualTo(1);
        assertThat(r.path("lastResult").asText()).isEqualTo("BUSY");
        assertThat(r.path("heldBy").isMissingNode()).isTrue();
        assertThat(Instant.parse(r.path("nextAttemptAt").asText()))
                .isBetween(before.plus(Duration.ofMinutes(15)), clock.instant().plus(Duration.ofMinutes(15)));
        JsonNode log = log(id);
        assertThat(entry(log, "DIAL", "+442079460001")).isNotNull();
        assertThat(entry(log, "RESULT", "+442079460001").path("reason").asText()).isEqualTo("BUSY");
        assertThat(entry(log, "RESULT", "+442079460001").path("interactionId").asLong()).isPositive();
        JsonNode progress = supervisor.get("/api/v1/outbound/campaigns/" + id).body().path("progress");
        assertThat(progress.path("attempted").asInt()).isEqualTo(1);
        assertThat(progress.path("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void aCallbackDispositionBringsTheRecordBackToTheSameAgentAtItsTime() {
        long id = campaign(supervisor, "Renewals", "PREVIEW");
        importList(supervisor, id, "", "name,number\nAda,020 7946 0001\n");
        long record = dialled(id);
        Instant at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Answer callback = sam.post("/api/v1/outbound/records/" + record + "/result", "{\"result\":\"CONNECTED\","
                + "\"disposition\":\"CALLBACK\",\"callbackAt\":\"" + at + "\",\"callbackToMe\":true}");
        assertThat(callback.status()).as(callback.body().toString()).isEqualTo(200);
        assertThat(callback.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(Instant.parse(callback.body().path("callbackAt").asText())).isEqualTo(at);
        assertThat(callback.body().path("callbackAgentId").asLong()).isEqualTo(sam.me());

        OutboundDesk kim = secondAgent();
        assertThat(next(sam, id).body().path("record").isMissingNode()).as("not due yet").isTrue();
        clock.set(at.plus(Duration.ofMinutes(1)));
        assertThat(next(kim, id).body().path("record").isMissingNode()).as("promised to Sam").isTrue();
        assertThat(next(sam, id).body().path("record").path("id").asLong()).isEqualTo(record);
    }

    @Test
    void aDoNotCallDispositionBlocksTheNumberOnEveryCampaign() {
        long spring = campaign(supervisor, "Spring", "PREVIEW");
        long autumn = campaign(supervisor, "Autumn", "PREVIEW");
        importList(supervisor, spring, "", "name,number\nAda,020 7946 0001\n");
        importList(supervisor, autumn, "", "name,number\nAda,020 7946 0001\n");
        long record = dialled(spring);
        Answer dnc = sam.post("/api/v1/outbound/records/" + record + "/result",
                "{\"result\":\"CONNECTED\",\"disposition\":\"D\"}");
        assertThat(dnc.status()).as(dnc.body().toString()).isEqualTo(200);
        assertThat(dnc.body().path("status").asText()).isEqualTo("CLOSED");
        assertThat(dnc.body().path("dispositionCode").asText()).isEqualTo("DO_NOT_CALL");
        assertThat(supervisor.get("/api/v1/outbound/dnc?scope=GLOBAL").body().findValuesAsText("number"))
                .containsExactly("+442079460001");

        assertThat(next(sam, autumn).body().path("record").isMissingNode()).isTrue();
        assertThat(entry(log(autumn), "SKIP", "+442079460001").path("reason").asText()).isEqualTo("DNC_GLOBAL");
    }
}
