package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks on a real server on a free port, posted to as the platform would: the handshake, the
 * signature, every kind of event reaching the listener, and bodies that must change nothing.
 */
class MetaWebhooksTest {
    private static final String SECRET = "app-secret-3f9c";
    private static final String VERIFY = "verify-me-71";
    private static final String PAGE = "112233445566778";
    private static final String PSID = "7012345678901234";
    private static final String PHONE_ID = "106540352242922";
    private static final Instant AT = Instant.parse("2026-01-01T09:30:15.123Z");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper json = new ObjectMapper();
    private static final OkHttpClient http = new OkHttpClient();
    private static final Recorder listener = new Recorder();
    private static Javalin server;

    /** The server's side in these tests: keeps what it is handed, or fails as it is told to. */
    static final class Recorder implements SocialListener {
        final List<SocialMessage> messages = new CopyOnWriteArrayList<>();
        final List<SocialStatus> statuses = new CopyOnWriteArrayList<>();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        @Override
        public void message(SocialMessage m) {
            if (failure.get() != null) {
                throw failure.get();
            }
            messages.add(m);
        }

        @Override
        public void status(SocialStatus s) {
            statuses.add(s);
        }

        boolean untouched() {
            return messages.isEmpty() && statuses.isEmpty();
        }
    }

    record Answer(int status, String contentType, String body) {
        JsonNode tree() throws IOException {
            return json.readTree(body);
        }
    }

    @BeforeAll
    static void start() {
        SocialSettings settings = new SocialSettings(SECRET, VERIFY, "token", null, PHONE_ID, 3,
                Duration.ofMillis(10));
        MetaWebhooks webhooks = new MetaWebhooks(settings, listener, json);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            webhooks.install(config);
        }).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void forget() {
        listener.messages.clear();
        listener.statuses.clear();
        listener.failure.set(null);
    }

    private static HttpUrl url(Platform p) {
        return HttpUrl.get("http://127.0.0.1:" + server.port() + MetaWebhooks.path(p));
    }

    private static Answer call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            return new Answer(r.code(), r.header("Content-Type"), r.body().string());
        }
    }

    static Answer handshake(Platform p, String mode, String token, String challenge) throws IOException {
        HttpUrl.Builder u = url(p).newBuilder();
        if (mode != null) {
            u.addQueryParameter("hub.mode", mode);
        }
        if (token != null) {
            u.addQueryParameter("hub.verify_token", token);
        }
        if (challenge != null) {
            u.addQueryParameter("hub.challenge", challenge);
        }
        return call(new Request.Builder().url(u.build()).get().build());
    }

    static Answer post(Platform p, byte[] body, String signature) throws IOException {
        Request.Builder b = new Request.Builder().url(url(p)).post(RequestBody.create(body, JSON_TYPE));
        if (signature != null) {
            b.header(SocialSignatures.HEADER, signature);
        }
        return call(b.build());
    }

    static Answer signed(Platform p, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(p, bytes, SocialSignatures.sign(SECRET, bytes));
    }

    static void assertReceived(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(MetaWebhooks.RECEIVED);
    }

    static void assertRefused(Answer a, int status, String code, String messagePart) throws IOException {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.tree().path("error").asText()).isEqualTo(code);
        assertThat(a.tree().path("message").asText()).contains(messagePart);
        assertThat(listener.untouched()).as("nothing handed on").isTrue();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = MetaWebhooksTest.class.getResourceAsStream("/social/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // --- the handshake

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theHandshakeWithTheRightTokenAnswersTheChallenge(Platform p) throws IOException {
        Answer a = handshake(p, "subscribe", VERIFY, "1158201444");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("text/plain");
        assertThat(a.body()).isEqualTo("1158201444");
    }

    @Test
    void theHandshakeWithAWrongTokenOrModeIsForbidden() throws IOException {
        assertRefused(handshake(Platform.MESSENGER, "subscribe", "guess", "42"), 403, "forbidden", "verify token");
        assertRefused(handshake(Platform.WHATSAPP, "subscribe", VERIFY + "x", "42"), 403, "forbidden", "");
        assertRefused(handshake(Platform.WHATSAPP, "unsubscribe", VERIFY, "42"), 403, "forbidden", "hub.mode");
    }

    @Test
    void theHandshakeWithoutItsParametersIsABadRequest() throws IOException {
        assertRefused(handshake(Platform.MESSENGER, null, null, null), 400, "missing_parameter", "hub.mode");
        assertRefused(handshake(Platform.MESSENGER, "subscribe", VERIFY, null), 400, "missing_parameter",
                "hub.challenge");
        assertRefused(handshake(Platform.WHATSAPP, "subscribe", null, "42"), 400, "missing_parameter",
                "hub.verify_token");
        assertRefused(handshake(Platform.WHATSAPP, "subscribe", VERIFY, "7".repeat(201)), 400, "invalid_parameter",
                "hub.challenge");
        assertRefused(handshake(Platform.WHATSAPP, "subscribe", VERIFY, "<script>alert(1)</script> x"), 400,
                "invalid_parameter", "hub.challenge");
    }

    // --- events reaching the server

    @Test
    void aMessengerMessageReachesTheListener() throws IOException {
        assertReceived(signed(Platform.MESSENGER, SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi there", AT)));
        assertThat(listener.messages).containsExactly(new SocialMessage(Platform.MESSENGER, PSID, null, "m_1",
                "Hi there", AT, List.of()));
        assertThat(listener.statuses).isEmpty();
    }

    @Test
    void aMessengerAttachmentWithoutTextArrivesWithItsType() throws IOException {
        assertReceived(signed(Platform.MESSENGER, SocialPayloads.messengerAttachment(PAGE, PSID, "m_2", "image", AT)));
        assertThat(listener.messages).singleElement().satisfies(m -> {
            assertThat(m.text()).isEmpty();
            assertThat(m.attachmentTypes()).containsExactly("image");
        });
    }

    @Test
    void aMessengerDeliveryGivesOneStatusPerMessageAndAReadGivesTheWatermark() throws IOException {
        Instant watermark = AT.plusSeconds(5);
        assertReceived(signed(Platform.MESSENGER,
                SocialPayloads.messengerDelivery(PAGE, PSID, List.of("m_a", "m_b"), watermark)));
        assertReceived(signed(Platform.MESSENGER, SocialPayloads.messengerRead(PAGE, PSID, watermark.plusSeconds(1))));
        assertThat(listener.statuses).containsExactly(
                new SocialStatus(Platform.MESSENGER, PSID, "m_a", SocialStatus.Kind.DELIVERED, watermark, null),
                new SocialStatus(Platform.MESSENGER, PSID, "m_b", SocialStatus.Kind.DELIVERED, watermark, null),
                new SocialStatus(Platform.MESSENGER, PSID, null, SocialStatus.Kind.READ, watermark.plusSeconds(1),
                        null));
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void theEchoOfThePagesOwnReplyAndUnhandledEventsAreSkipped() throws IOException {
        assertReceived(signed(Platform.MESSENGER, fixture("messenger-batch.json")));
        assertThat(listener.messages).singleElement().satisfies(m -> {
            assertThat(m.senderId()).isEqualTo(PSID);
            assertThat(m.messageId()).startsWith("m_AG5H");
            assertThat(m.text()).isEqualTo("Is my order on its way?");
            assertThat(m.attachmentTypes()).containsExactly("image");
            assertThat(m.at()).isEqualTo(Instant.ofEpochMilli(1767225600050L));
        });
        assertThat(listener.statuses).isEmpty();
    }

    @Test
    void aWhatsAppMessageReachesTheListenerWithTheSendersName() throws IOException {
        assertReceived(signed(Platform.WHATSAPP,
                SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "Priya Shah", "wamid.X1", "Hello", AT)));
        assertThat(listener.messages).containsExactly(new SocialMessage(Platform.WHATSAPP, "447700900123",
                "Priya Shah", "wamid.X1", "Hello", Instant.ofEpochSecond(AT.getEpochSecond()), List.of()));
    }

    @Test
    void whatsAppStatusesMapDirectly() throws IOException {
        for (SocialStatus.Kind kind : List.of(SocialStatus.Kind.SENT, SocialStatus.Kind.DELIVERED,
                SocialStatus.Kind.READ)) {
            assertReceived(signed(Platform.WHATSAPP,
                    SocialPayloads.whatsappStatus(PHONE_ID, "447700900123", "wamid.R1", kind, AT)));
        }
        assertReceived(signed(Platform.WHATSAPP, SocialPayloads.whatsappFailure(PHONE_ID, "447700900123", "wamid.R1",
                131047, "Re-engagement message", AT)));
        Instant second = Instant.ofEpochSecond(AT.getEpochSecond());
        assertThat(listener.statuses).extracting(SocialStatus::kind).containsExactly(SocialStatus.Kind.SENT,
                SocialStatus.Kind.DELIVERED, SocialStatus.Kind.READ, SocialStatus.Kind.FAILED);
        assertThat(listener.statuses).allSatisfy(s -> {
            assertThat(s.platform()).isEqualTo(Platform.WHATSAPP);
            assertThat(s.recipientId()).isEqualTo("447700900123");
            assertThat(s.messageId()).isEqualTo("wamid.R1");
            assertThat(s.at()).isEqualTo(second);
        });
        assertThat(listener.statuses).extracting(SocialStatus::error)
                .containsExactly(null, null, null, "Re-engagement message (code 131047)");
    }

    @Test
    void aWhatsAppBatchHandsOnEveryMessageAndStatusInOrder() throws IOException {
        assertReceived(signed(Platform.WHATSAPP, fixture("whatsapp-batch.json")));
        assertThat(listener.messages).extracting(SocialMessage::senderName, SocialMessage::text,
                        SocialMessage::attachmentTypes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ana Souza", "the broken part", List.of("image")),
                        org.assertj.core.groups.Tuple.tuple("Kenji Ito", "", List.of("location")));
        assertThat(listener.messages.get(1).at()).isEqualTo(Instant.ofEpochSecond(1767225660L));
        assertThat(listener.statuses).extracting(SocialStatus::kind)
                .containsExactly(SocialStatus.Kind.DELIVERED, SocialStatus.Kind.FAILED);
        assertThat(listener.statuses.get(1).error()).isEqualTo("Re-engagement message: More than 24 hours have "
                + "passed since the customer last replied to this number. (code 131047)");
    }

    @Test
    void aReplayedBodyIsHandedOnAgainForTheServerToDeduplicate() throws IOException {
        String body = SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "Priya", "wamid.SAME", "Hi", AT);
        assertReceived(signed(Platform.WHATSAPP, body));
        assertReceived(signed(Platform.WHATSAPP, body));
        assertThat(listener.messages).extracting(SocialMessage::messageId).containsExactly("wamid.SAME", "wamid.SAME");
    }

    // --- the signature

    @Test
    void aBodyWithoutTheRightSignatureIsRefusedUnread() throws IOException {
        byte[] body = SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi", AT).getBytes(StandardCharsets.UTF_8);
        byte[] other = SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi!", AT).getBytes(StandardCharsets.UTF_8);
        String right = SocialSignatures.sign(SECRET, body);
        assertRefused(post(Platform.MESSENGER, body, null), 401, "bad_signature", "missing");
        assertRefused(post(Platform.MESSENGER, body, SocialSignatures.sign("another-secret", body)), 401,
                "bad_signature", "does not match");
        assertRefused(post(Platform.MESSENGER, body, SocialSignatures.sign(SECRET, other)), 401, "bad_signature", "");
        assertRefused(post(Platform.MESSENGER, body, right.replace("sha256=", "sha1=")), 401, "bad_signature", "");
        assertRefused(post(Platform.WHATSAPP, body, "sha256=not-hex"), 401, "bad_signature", "");
        assertRefused(post(Platform.WHATSAPP, body, "sha256="), 401, "bad_signature", "");
        assertRefused(post(Platform.MESSENGER, body, right.substring(0, right.length() - 2)), 401, "bad_signature", "");
        // the same signature is good, so it was the signature that was refused
        assertReceived(post(Platform.MESSENGER, body, right));
    }

    // --- bodies that change nothing

    @Test
    void malformedJsonIsABadRequest() throws IOException {
        assertRefused(signed(Platform.MESSENGER, "{\"object\":\"page\",\"entry\":["), 400, "invalid_json", "JSON");
        assertRefused(signed(Platform.MESSENGER, "{\"object\":\"page\",\"entry\":[]} {}"), 400, "invalid_json", "");
        assertRefused(signed(Platform.WHATSAPP, ""), 400, "invalid_payload", "empty");
        assertRefused(signed(Platform.WHATSAPP, "[]"), 400, "invalid_payload", "must be an object");
    }

    @Test
    void aBodyForTheOtherPlatformIsABadRequest() throws IOException {
        assertRefused(signed(Platform.MESSENGER,
                        SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "P", "wamid.1", "Hi", AT)), 400,
                "invalid_payload", "object is \"whatsapp_business_account\"");
        assertRefused(signed(Platform.WHATSAPP, SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi", AT)), 400,
                "invalid_payload", "object is \"page\"");
        assertRefused(signed(Platform.WHATSAPP, "{\"entry\":[]}"), 400, "invalid_payload", "object is missing");
    }

    @Test
    void missingFieldsAndWrongTypesAreNamed() throws IOException {
        ObjectNode noSender = messenger();
        event(noSender, 0).remove("sender");
        assertRefused(signed(Platform.MESSENGER, noSender.toString()), 400, "invalid_payload",
                "entry[0].messaging[0].sender is missing");

        ObjectNode numericText = messenger();
        ((ObjectNode) event(numericText, 0).get("message")).put("text", 42);
        assertRefused(signed(Platform.MESSENGER, numericText.toString()), 400, "invalid_payload",
                "entry[0].messaging[0].message.text must be a string");

        ObjectNode wordTime = messenger();
        event(wordTime, 0).put("timestamp", "yesterday");
        assertRefused(signed(Platform.MESSENGER, wordTime.toString()), 400, "invalid_payload",
                "entry[0].messaging[0].timestamp must be a time");

        ObjectNode entryText = messenger();
        entryText.put("entry", "lots");
        assertRefused(signed(Platform.MESSENGER, entryText.toString()), 400, "invalid_payload",
                "entry must be an array");

        ObjectNode noBody = whatsapp();
        ((ObjectNode) whatsappMessage(noBody).get("text")).remove("body");
        assertRefused(signed(Platform.WHATSAPP, noBody.toString()), 400, "invalid_payload",
                "entry[0].changes[0].value.messages[0].text.body is missing");

        ObjectNode badStatus = (ObjectNode) json.readTree(SocialPayloads.whatsappStatus(PHONE_ID, "447700900123",
                "wamid.R1", SocialStatus.Kind.READ, AT));
        ((ObjectNode) badStatus.at("/entry/0/changes/0/value/statuses/0")).put("timestamp", "1767225600000000");
        assertRefused(signed(Platform.WHATSAPP, badStatus.toString()), 400, "invalid_payload",
                "statuses[0].timestamp must be a time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messenger", "whatsapp"})
    void aBatchWithOneBadEventHandsOnNothing(String which) throws IOException {
        ObjectNode batch;
        if (which.equals("messenger")) {
            batch = messenger();
            ObjectNode second = event(batch, 0).deepCopy();
            ((ObjectNode) second.get("message")).remove("mid");
            ((com.fasterxml.jackson.databind.node.ArrayNode) batch.at("/entry/0/messaging")).add(second);
            assertRefused(signed(Platform.MESSENGER, batch.toString()), 400, "invalid_payload",
                    "entry[0].messaging[1].message.mid is missing");
        } else {
            batch = (ObjectNode) json.readTree(fixture("whatsapp-batch.json"));
            ((ObjectNode) batch.at("/entry/0/changes/1/value/statuses/1")).remove("recipient_id");
            assertRefused(signed(Platform.WHATSAPP, batch.toString()), 400, "invalid_payload",
                    "entry[0].changes[1].value.statuses[1].recipient_id is missing");
        }
    }

    @Test
    void anOversizedBodyIsRefused() throws IOException {
        ObjectNode big = messenger();
        ((ObjectNode) event(big, 0).get("message")).put("text", "x".repeat(MetaWebhooks.DEFAULT_MAX_BODY_BYTES));
        assertRefused(signed(Platform.MESSENGER, big.toString()), 413, "too_large", "larger than");
        // the connection is still good for the next webhook
        assertReceived(signed(Platform.MESSENGER, SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi", AT)));
    }

    // --- the listener's answer

    @Test
    void aListenerRefusalIsABadRequestWithItsMessage() throws IOException {
        listener.failure.set(new IllegalArgumentException("messages from this page are not taken"));
        assertRefused(signed(Platform.MESSENGER, SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi", AT)), 400,
                "rejected", "messages from this page are not taken");
    }

    @Test
    void aListenerFailureIsAnInternalErrorWithoutItsDetail() throws IOException {
        listener.failure.set(new IllegalStateException("database password is hunter2"));
        Answer a = signed(Platform.WHATSAPP,
                SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "P", "wamid.1", "Hi", AT));
        assertRefused(a, 500, "internal", "send them again");
        assertThat(a.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void withoutSecretsNothingIsAccepted() throws IOException {
        SocialSettings unset = new SocialSettings(null, "", null, null, null, 0, null);
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            new MetaWebhooks(unset, listener, json).install(config);
        }).start();
        try {
            String base = "http://127.0.0.1:" + bare.port() + MetaWebhooks.path(Platform.WHATSAPP);
            byte[] body = SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "P", "wamid.1", "Hi", AT)
                    .getBytes(StandardCharsets.UTF_8);
            assertRefused(call(new Request.Builder().url(base).post(RequestBody.create(body, JSON_TYPE))
                    .header(SocialSignatures.HEADER, SocialSignatures.sign(SECRET, body)).build()), 503,
                    "not_configured", "no app secret");
            assertRefused(call(new Request.Builder().url(base + "?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")
                    .build()), 403, "forbidden", "no verify token");
        } finally {
            bare.stop();
        }
    }

    private static ObjectNode messenger() throws IOException {
        return (ObjectNode) json.readTree(SocialPayloads.messengerMessage(PAGE, PSID, "m_1", "Hi", AT));
    }

    private static ObjectNode event(ObjectNode messenger, int i) {
        return (ObjectNode) messenger.at("/entry/0/messaging/" + i);
    }

    private static ObjectNode whatsapp() throws IOException {
        return (ObjectNode) json.readTree(SocialPayloads.whatsappMessage(PHONE_ID, "447700900123", "P", "wamid.1",
                "Hi", AT));
    }

    private static ObjectNode whatsappMessage(ObjectNode whatsapp) {
        return (ObjectNode) whatsapp.at("/entry/0/changes/0/value/messages/0");
    }
}
