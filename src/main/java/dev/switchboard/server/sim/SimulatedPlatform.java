package dev.switchboard.server.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.channels.social.MetaWebhooks;
import dev.switchboard.channels.social.Platform;
import dev.switchboard.channels.social.SocialPayloads;
import dev.switchboard.channels.social.SocialSettings;
import dev.switchboard.channels.social.SocialSignatures;
import dev.switchboard.channels.social.SocialStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import okhttp3.MediaType;
import dev.switchboard.server.security.ServerTrust;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Meta platforms in the demo: a send API on loopback that takes the agents'
 * answers (checking the access token), and signed webhooks back to the server, both for customers'
 * messages and for the delivery and read reports of the answers a moment later.
 */
public final class SimulatedPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPlatform.class);
    private static final MediaType JSON = MediaType.get("application/json");
    static final String PAGE_ID = "100000000000100";
    static final String PHONE_NUMBER_ID = "100000000000200";

    private final ObjectMapper json;
    private final SocialSettings settings;
    private final Javalin api;
    private volatile OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-platform");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private volatile String serverUrl;

    public SimulatedPlatform(ObjectMapper json) {
        this.json = json;
        SecureRandom random = new SecureRandom();
        String accessToken = secret(random);
        api = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.routes.post("/v21.0/me/messages", ctx -> send(ctx, Platform.MESSENGER, accessToken));
            config.routes.post("/v21.0/" + PHONE_NUMBER_ID + "/messages", ctx -> send(ctx, Platform.WHATSAPP, accessToken));
        }).start();
        settings = new SocialSettings(secret(random), secret(random), accessToken,
                "http://127.0.0.1:" + api.port() + "/v21.0", PHONE_NUMBER_ID, 3, Duration.ofMillis(500));
    }

    /** What the server needs to trust this platform's webhooks and to call its send API. */
    public SocialSettings settings() {
        return settings;
    }

    /** Where the webhooks go, once the server listens. */
    public void reportTo(String baseUrl) {
        reportTo(baseUrl, ServerTrust.PLAIN);
    }

    /** As above, over https trusting the server's certificate when {@code trust} says so. */
    public void reportTo(String baseUrl, ServerTrust trust) {
        this.http = trust.applyTo(http.newBuilder()).build();
        this.serverUrl = baseUrl;
    }

    /** A customer writes on Messenger ({@code psid}: their page-scoped id). */
    public void messengerMessage(String psid, String text) {
        post(Platform.MESSENGER, SocialPayloads.messengerMessage(PAGE_ID, psid, "m_in" + ids.incrementAndGet(), text,
                Instant.now()));
    }

    /** A customer writes on WhatsApp ({@code waId}: their number, digits only). */
    public void whatsappMessage(String waId, String name, String text) {
        post(Platform.WHATSAPP, SocialPayloads.whatsappMessage(PHONE_NUMBER_ID, waId, name,
                "wamid.in" + ids.incrementAndGet(), text, Instant.now()));
    }

    private void send(Context ctx, Platform platform, String accessToken) throws IOException {
        if (!("Bearer " + accessToken).equals(ctx.header("Authorization"))) {
            ctx.status(401).json(Map.of("error", Map.of("message", "Invalid OAuth access token", "type",
                    "OAuthException", "code", 190)));
            return;
        }
        JsonNode body = json.readTree(ctx.body());
        String recipient = platform == Platform.MESSENGER ? body.path("recipient").path("id").asText()
                : body.path("to").asText();
        String id = (platform == Platform.MESSENGER ? "m_out" : "wamid.out") + ids.incrementAndGet();
        if (platform == Platform.MESSENGER) {
            ctx.json(Map.of("recipient_id", recipient, "message_id", id));
            later.schedule(() -> post(platform, SocialPayloads.messengerDelivery(PAGE_ID, recipient, List.of(id),
                    Instant.now())), 1, TimeUnit.SECONDS);
            later.schedule(() -> post(platform, SocialPayloads.messengerRead(PAGE_ID, recipient, Instant.now())),
                    4, TimeUnit.SECONDS);
        } else {
            ctx.json(Map.of("messaging_product", "whatsapp", "contacts", List.of(Map.of("input", recipient,
                    "wa_id", recipient)), "messages", List.of(Map.of("id", id))));
            later.schedule(() -> post(platform, SocialPayloads.whatsappStatus(PHONE_NUMBER_ID, recipient, id,
                    SocialStatus.Kind.DELIVERED, Instant.now())), 1, TimeUnit.SECONDS);
            later.schedule(() -> post(platform, SocialPayloads.whatsappStatus(PHONE_NUMBER_ID, recipient, id,
                    SocialStatus.Kind.READ, Instant.now())), 4, TimeUnit.SECONDS);
        }
    }

    /** Posts a webhook to the server, signed with the app secret as the platform does. */
    private void post(Platform platform, String payload) {
        String base = serverUrl;
        if (base == null) {
            return;
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(base + MetaWebhooks.path(platform))
                .header(SocialSignatures.HEADER, SocialSignatures.sign(settings.appSecret(), body))
                .post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                LOG.warn("the server refused a simulated {} webhook: HTTP {}", platform.displayName(), response.code());
            }
        } catch (IOException e) {
            LOG.warn("simulated {} webhook not delivered: {}", platform.displayName(), e.getMessage());
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        later.shutdownNow();
        api.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
