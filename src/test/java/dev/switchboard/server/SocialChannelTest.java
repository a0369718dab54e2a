package dev.switchboard.server;

import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.channels.social.SocialPayloads;
import dev.switchboard.channels.social.SocialSettings;
import dev.switchboard.channels.social.SocialSignatures;
import dev.switchboard.channels.social.SocialStatus;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ApiException;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.MessageStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Social messages end to end: signed webhooks in the platforms' formats posted to the server over
 * HTTP, the agent's answer going out to the platform's send API (a local HTTP server standing in for
 * it), and the platform's reports coming back. Wrongly signed, replayed and malformed posts change
 * nothing.
 */
class SocialChannelTest {
    private static final String SECRET = "app-secret-for-tests";
    private static final String PHONE_ID = "1098765";
    private static final MediaType JSON = MediaType.get("application/json");

    @StartStop
    private final MockWebServer platform = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private SwitchboardServer server;
    private AgentDesk desk;
    private HttpSwitchboardApi agent;

    @BeforeEach
    void start() {
        SocialSettings social = new SocialSettings(SECRET, "verify-me", "page-token",
                platform.url("/v21.0").toString(), PHONE_ID, 2, Duration.ofMillis(10));
        server = SwitchboardServer.start(ServerOptions.inMemory("social-" + System.nanoTime(), 0)
                .withChannels(ChannelSettings.none().withSocial(social)));
        desk = new AgentDesk(server, "agent");
        agent = desk.api;
    }

    @AfterEach
    void stop() {
        desk.close();
        server.close();
    }

    private int post(String platformPath, String body, String signature) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Request.Builder r = new Request.Builder().url(server.baseUrl() + "/webhooks/" + platformPath)
                .post(RequestBody.create(bytes, JSON));
        if (signature != null) {
            r.header(SocialSignatures.HEADER, signature);
        }
        try (Response response = http.newCall(r.build()).execute()) {
            return response.code();
        }
    }

    private int signed(String platformPath, String body) throws Exception {
        return post(platformPath, body, SocialSignatures.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyForTheVerifyToken() throws Exception {
        try (Response ok = http.newCall(new Request.Builder().url(server.baseUrl()
                + "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444").build()).execute()) {
            assertThat(ok.code()).isEqualTo(200);
            assertThat(ok.body().string()).isEqualTo("1158201444");
        }
        try (Response no = http.newCall(new Request.Builder().url(server.baseUrl()
                + "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1").build()).execute()) {
            assertThat(no.code()).isEqualTo(403);
        }
    }

    @Test
    void aWhatsAppMessageFromAKnownNumberIsAnsweredAndTheReportsComeBack() throws Exception {
        long customer = agent.createCustomer(new NewCustomerRequest("Wanda", "Whats", null,
                List.of(new NewContactPoint(ContactKind.PHONE, "+447700900777", null)), null)).id();
        String inbound = SocialPayloads.whatsappMessage(PHONE_ID, "447700900777", "Wanda", "wamid.IN1",
                "Is my parcel coming today?", Instant.now());
        assertThat(signed("whatsapp", inbound)).isEqualTo(200);
        assertThat(signed("whatsapp", inbound)).isEqualTo(200); // the platform retries: the same event again
        long id = desk.nextOffer().interactionId();
        assertThat(agent.interaction(id).customerId()).isEqualTo(customer);
        agent.accept(id);
        assertThat(agent.conversation(id).messages()).extracting(MessageView::text)
                .containsExactly("Is my parcel coming today?");

        platform.enqueue(new MockResponse.Builder().code(503).build());
        platform.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.OUT1\"}]}").build());
        MessageView sent = agent.sendMessage(id, new SendMessageRequest("wa-answer-01", "Yes, before 6 pm."));
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        platform.takeRequest(5, TimeUnit.SECONDS); // the 503, retried
        RecordedRequest request = platform.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v21.0/" + PHONE_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer page-token");
        assertThat(request.getBody().utf8()).contains("\"to\":\"447700900777\"").contains("Yes, before 6 pm.");

        assertThat(signed("whatsapp", SocialPayloads.whatsappStatus(PHONE_ID, "447700900777", "wamid.OUT1",
                SocialStatus.Kind.READ, Instant.now()))).isEqualTo(200);
        assertThat(agent.conversation(id).messages()).filteredOn(m -> m.id() == sent.id())
                .extracting(MessageView::status).containsExactly(MessageStatus.READ);
    }

    @Test
    void aRefusedAnswerIsAClearErrorAndTheLineShowsWhy() throws Exception {
        assertThat(signed("messenger", SocialPayloads.messengerMessage("page-1", "6543210987", "m_IN9", "hello",
                Instant.now()))).isEqualTo(200);
        long id = desk.nextOffer().interactionId();
        agent.accept(id);
        platform.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"This message is sent outside of allowed window.\",\"type\":"
                        + "\"OAuthException\",\"code\":10,\"error_subcode\":2018278}}").build());
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> agent.sendMessage(id, new SendMessageRequest("fb-answer-01", "Hi there")));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.getMessage()).contains("Messenger refused").contains("outside of allowed window");
        assertThat(agent.conversation(id).messages()).extracting(MessageView::status)
                .containsExactly(MessageStatus.RECEIVED, MessageStatus.FAILED);
        assertThat(platform.getRequestCount()).isEqualTo(1);
    }

    @Test
    void wronglySignedOrMalformedPostsAreRefusedAndStoreNothing() throws Exception {
        String body = SocialPayloads.messengerMessage("page-1", "5550001", "m_BAD1", "let me in", Instant.now());
        assertThat(post("messenger", body, null)).isEqualTo(401);
        assertThat(post("messenger", body, SocialSignatures.sign("wrong-secret", body.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(401);
        assertThat(post("messenger", body, SocialSignatures.sign(SECRET, "{}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(401);
        assertThat(signed("messenger", "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{}}]}]")).isEqualTo(400);
        assertThat(signed("messenger", "not json")).isEqualTo(400);
        assertThat(signed("whatsapp", body)).isEqualTo(400); // a Messenger body on the WhatsApp endpoint
        assertThat(server.work().waitingCount()).isZero();
        assertThat(desk.offers).isEmpty();
    }
}
