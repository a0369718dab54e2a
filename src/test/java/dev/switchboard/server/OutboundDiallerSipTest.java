package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.OutboundDialView;
import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.channels.voice.Sipp;
import dev.switchboard.domain.CallState;
import dev.switchboard.server.OutboundDesk.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A progressive campaign dialled by the server against real SIP peers: sipp is the customer behind
 * the trunk (answering the dialler's INVITE) and the outbound agent's phone. The agent takes a seat
 * over the API; the dialler rings the customer, gives the answered call to the agent (the
 * {@code outbound.call} event, the call bridged to their phone), and the agent reports it. With no
 * phone to ring, the answered call is abandoned after two seconds and the customer hung up on.
 */
class OutboundDiallerSipTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALL_DAY = "{\"MONDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},"
            + "\"TUESDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},\"WEDNESDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},"
            + "\"THURSDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},\"FRIDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},"
            + "\"SATURDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"},\"SUNDAY\":{\"start\":\"00:00\",\"end\":\"23:59\"}}";

    private SwitchboardServer server;
    private final SipPeers sip = new SipPeers(WAIT);

    private void startServer(Sipp trunk) {
        server = SwitchboardServer.start(ServerOptions.inMemory("dialler-sip-" + System.nanoTime(), 0)
                .withSip(new SipSettings("127.0.0.1", 0, "127.0.0.1:" + trunk.port(), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() throws Exception {
        sip.close();
        if (server != null) {
            server.close();
        }
    }

    private Sipp peer(Sipp.Builder builder) {
        return sip.peer(builder);
    }

    private void phone(String user, String scenario) {
        sip.phone(server, user, scenario);
    }

    /** A progressive campaign with one record, callable at any hour (but the last minute of the day). */
    private long campaign(OutboundDesk supervisor) {
        Answer made = supervisor.post("/api/v1/outbound/campaigns", "{\"name\":\"Renewals\",\"mode\":\"PROGRESSIVE\","
                + "\"purpose\":\"SERVICE\",\"callingHours\":" + ALL_DAY + "}");
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        long id = made.body().path("id").asLong();
        Answer list = supervisor.postCsv("/api/v1/outbound/campaigns/" + id + "/records?consentForAll=true&zoneColumn=zone",
                "name,number,zone\nAda Lovelace,020 7946 0001,Europe/London\n".getBytes(StandardCharsets.UTF_8));
        assertThat(list.body().path("accepted").asInt()).as(list.body().toString()).isEqualTo(1);
        return id;
    }

    private static List<String> actions(OutboundDesk supervisor, long campaignId) {
        JsonNode log = supervisor.get("/api/v1/outbound/campaigns/" + campaignId + "/log").body();
        List<String> out = new ArrayList<>(StreamSupport.stream(log.spliterator(), false)
                .map(l -> l.path("action").asText() + (l.path("reason").isTextual() ? " " + l.path("reason").asText() : ""))
                .toList());
        java.util.Collections.reverse(out);
        return out;
    }

    @Test
    void theDiallerRingsTheCustomerAndPutsTheAnsweredCallThroughToTheSeatedAgent() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);
        OutboundDesk supervisor = new OutboundDesk(server, "supervisor", "supervisor");
        long id = campaign(supervisor);
        AgentDesk desk = new AgentDesk(server, "outbound");
        sip.closeAfter(desk);
        phone("outbound", "phone-answer.xml");
        OutboundDesk sam = new OutboundDesk(server, "outbound", "outbound");

        Answer seat = sam.post("/api/v1/outbound/campaigns/" + id + "/join", "");
        assertThat(seat.status()).as(seat.body().toString()).isEqualTo(200);
        assertThat(seat.body().path("joined").asBoolean()).isTrue();

        OutboundDialView given = await().atMost(WAIT).until(() -> desk.payloads(EventTypes.OUTBOUND_CALL,
                OutboundDialView.class).stream().findFirst().orElse(null), Objects::nonNull);
        assertThat(given.record().number()).isEqualTo("+442079460001");
        assertThat(given.record().heldBy()).isEqualTo(sam.me());
        long call = given.call().interaction().id();
        await().atMost(WAIT).until(() -> desk.payloads(EventTypes.CALL, CallView.class).stream()
                .anyMatch(c -> c.interactionId() == call && c.state() == CallState.CONNECTED));

        desk.api.end(call);
        customer.awaitSuccess(WAIT);
        Answer toMe = sam.post("/api/v1/outbound/records/" + given.record().id() + "/result", "{\"result\":\"CONNECTED\","
                + "\"disposition\":\"C\",\"callbackAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\",\"callbackToMe\":true}");
        assertThat(toMe.status()).as("the dialler cannot keep a callback for one agent").isEqualTo(400);
        assertThat(toMe.field()).isEqualTo("callbackToMe");
        Answer result = sam.post("/api/v1/outbound/records/" + given.record().id() + "/result",
                "{\"result\":\"CONNECTED\",\"disposition\":\"S\"}");
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
        assertThat(result.body().path("status").asText()).isEqualTo("CLOSED");

        assertThat(actions(supervisor, id)).containsExactly("DIAL", "CONNECT", "BRIDGED", "RESULT CONNECTED",
                "DISPOSITION SALE");
        JsonNode progress = supervisor.get("/api/v1/outbound/campaigns/" + id).body().path("progress");
        assertThat(progress.path("connected").asInt()).isEqualTo(1);
        assertThat(progress.path("abandoned").asInt()).isZero();
        JsonNode again = sam.post("/api/v1/outbound/campaigns/" + id + "/join", "").body();
        assertThat(again.path("note").asText()).isEqualTo("no record is left to dial");
    }

    @Test
    void anAgentWithoutAPhoneGetsNoSeatAndACallTheirPhoneNeverAnswersIsAbandoned() {
        Sipp customer = peer(Sipp.uas("customer-answer-waits.xml"));
        startServer(customer);
        OutboundDesk supervisor = new OutboundDesk(server, "supervisor", "supervisor");
        long id = campaign(supervisor);
        OutboundDesk sam = new OutboundDesk(server, "outbound", "outbound");

        Answer noPhone = sam.post("/api/v1/outbound/campaigns/" + id + "/join", "");
        assertThat(noPhone.status()).as("no phone to ring: no seat, no call placed").isEqualTo(409);
        assertThat(noPhone.body().path("message").asText()).contains("phone");
        assertThat(actions(supervisor, id)).isEmpty();

        phone("outbound", "phone-no-answer.xml");
        assertThat(sam.post("/api/v1/outbound/campaigns/" + id + "/join", "").status()).isEqualTo(200);
        customer.awaitSuccess(WAIT);   // answered, waited in silence, then hung up on
        await().atMost(WAIT).until(() -> actions(supervisor, id).contains("RESULT ABANDONED"));
        assertThat(actions(supervisor, id)).containsExactly("DIAL", "CONNECT", "RESULT ABANDONED");
        JsonNode progress = supervisor.get("/api/v1/outbound/campaigns/" + id).body().path("progress");
        assertThat(progress.path("abandoned").asInt()).isEqualTo(1);
        assertThat(progress.path("attempted").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> server.voice().stats().inProgress() == 0);
        // the record is let go by the agent: their next result for it is refused, nothing is left in hand
        JsonNode log = supervisor.get("/api/v1/outbound/campaigns/" + id + "/log").body();
        long record = log.get(0).path("recordId").asLong();
        assertThat(supervisor.get("/api/v1/outbound/records/" + record).body().path("heldBy").isMissingNode()
                || supervisor.get("/api/v1/outbound/records/" + record).body().path("heldBy").isNull()).isTrue();
    }
}
