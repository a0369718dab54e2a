package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Replies sent to a local stand-in for the platform's send API: the requests, the retries, the refusals. */
class MetaSendApiTest {
    private static final Duration FIRST = Duration.ofMillis(20);
    private static final String TOKEN = "EAAG-page-token";
    private static final String PHONE_ID = "106540352242922";

    @StartStop
    private final MockWebServer platform = new MockWebServer();

    private final ObjectMapper json = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private MetaSendApi api(String accessToken, int attempts) {
        SocialSettings settings = new SocialSettings("secret", "verify", accessToken,
                platform.url("/v21.0").toString(), PHONE_ID, attempts, FIRST);
        return new MetaSendApi(settings, http, json, waits::add);
    }

    private MetaSendApi api() {
        return api(TOKEN, 3);
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = platform.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the platform").isNotNull();
        return r;
    }

    @Test
    void aMessengerReplyIsPostedToTheSendApiAndReturnsItsId() throws Exception {
        platform.enqueue(answer(200, "{\"recipient_id\":\"7012345678901234\",\"message_id\":\"m_reply1\"}"));
        assertThat(api().send(Platform.MESSENGER, "7012345678901234", "Your order ships today")).isEqualTo("m_reply1");
        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v21.0/me/messages");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(json.readTree(r.getBody().utf8())).isEqualTo(json.readTree("""
                {"recipient":{"id":"7012345678901234"},"messaging_type":"RESPONSE",
                 "message":{"text":"Your order ships today"}}"""));
    }

    @Test
    void aWhatsAppReplyIsPostedFromTheBusinessNumberAndReturnsItsId() throws Exception {
        platform.enqueue(answer(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"447700900123","wa_id":"447700900123"}],
                 "messages":[{"id":"wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSQUI="}]}"""));
        assertThat(api().send(Platform.WHATSAPP, "447700900123", "Olá! \"quoted\" & <b>"))
                .isEqualTo("wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSQUI=");
        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v21.0/" + PHONE_ID + "/messages");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(json.readTree(r.getBody().utf8())).isEqualTo(json.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"447700900123","type":"text",
                 "text":{"preview_url":false,"body":"Olá! \\"quoted\\" & <b>"}}"""));
    }

    @Test
    void aServerErrorIsTriedAgainWithTheRealWait() throws Exception {
        platform.enqueue(answer(500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"code\":2}}"));
        platform.enqueue(answer(200, "{\"recipient_id\":\"1\",\"message_id\":\"m_after_retry\"}"));
        SocialSettings settings = new SocialSettings("secret", "verify", TOKEN, platform.url("/v21.0").toString(),
                PHONE_ID, 3, FIRST);
        MetaSendApi real = new MetaSendApi(settings, http, json);
        long start = System.nanoTime();
        assertThat(real.send(Platform.MESSENGER, "1", "Hello")).isEqualTo("m_after_retry");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(FIRST);
        assertThat(platform.getRequestCount()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsWaitsAsTheRetryAfterHeaderAsks() throws Exception {
        platform.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        platform.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "86400").build());
        platform.enqueue(answer(200, "{\"messages\":[{\"id\":\"wamid.3\"}]}"));
        assertThat(api().send(Platform.WHATSAPP, "447700900123", "Hello")).isEqualTo("wamid.3");
        assertThat(platform.getRequestCount()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), MetaSendApi.MAX_WAIT);
    }

    @Test
    void aRefusalIsFinalAndCarriesThePlatformsWords() {
        platform.enqueue(answer(400, """
                {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                 "fbtrace_id":"A1b2C3"}}"""));
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> api().send(Platform.WHATSAPP, "447700900123", "Still there?"));
        assertThat(e.refused()).isTrue();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("WhatsApp refused the message: Re-engagement message (code 131047)");
        assertThat(platform.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusalWithoutAnErrorBodyGivesTheStatus() {
        platform.enqueue(new MockResponse.Builder().code(403).body("<html>Forbidden</html>").build());
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> api().send(Platform.MESSENGER, "1", "Hi"));
        assertThat(e.refused()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Messenger refused the message: HTTP 403");
    }

    @Test
    void aPlatformThatKeepsFailingIsGivenUpAfterMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            platform.enqueue(answer(503, "{}"));
        }
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> api().send(Platform.WHATSAPP, "447700900123", "Hello"));
        assertThat(e.refused()).isFalse();
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("WhatsApp did not answer after 3 attempts: HTTP 503");
        assertThat(platform.getRequestCount()).isEqualTo(3);
        assertThat(waits).containsExactly(FIRST, FIRST.multipliedBy(2));
    }

    @Test
    void anUnreachablePlatformIsReportedClearly() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SocialSettings settings = new SocialSettings("secret", "verify", TOKEN,
                "http://127.0.0.1:" + closedPort + "/v21.0", PHONE_ID, 2, FIRST);
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> new MetaSendApi(settings, http, json, waits::add).send(Platform.MESSENGER, "1", "Hello"));
        assertThat(e.refused()).isFalse();
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("Messenger could not be reached after 2 attempts: ")
                .contains(String.valueOf(closedPort));
        assertThat(waits).containsExactly(FIRST);
    }

    @Test
    void textOverThePlatformsLimitIsRefusedBeforeAnyRequest() throws Exception {
        assertThatThrownBy(() -> api().send(Platform.MESSENGER, "1", "a".repeat(2001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2000 characters");
        assertThatThrownBy(() -> api().send(Platform.WHATSAPP, "447700900123", "a".repeat(4097)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4096 characters");
        assertThatThrownBy(() -> api().send(Platform.WHATSAPP, "447700900123", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThat(platform.getRequestCount()).isZero();
        // the limit counts characters as people do: 2000 emoji are 4000 UTF-16 units and still fit
        platform.enqueue(answer(200, "{\"message_id\":\"m_emoji\"}"));
        assertThat(api().send(Platform.MESSENGER, "1", "🙂".repeat(2000))).isEqualTo("m_emoji");
    }

    @Test
    void repliesWithoutAnAccessTokenAreNotSetUp() {
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> api("", 3).send(Platform.MESSENGER, "1", "Hello"));
        assertThat(e.refused()).isFalse();
        assertThat(e.getMessage()).isEqualTo("Replies to Messenger are not set up: no access token");
        assertThat(platform.getRequestCount()).isZero();
    }

    @Test
    void anAnswerWithoutAMessageIdIsAnError() {
        platform.enqueue(answer(200, "{\"recipient_id\":\"1\"}"));
        SocialSendException e = catchThrowableOfType(SocialSendException.class,
                () -> api().send(Platform.MESSENGER, "1", "Hello"));
        assertThat(e.refused()).isFalse();
        assertThat(e.getMessage()).contains("did not say its id");
        assertThat(platform.getRequestCount()).isEqualTo(1);
    }
}
