package dev.switchboard.channels.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The webhooks the Meta platform calls: {@code /webhooks/messenger} and {@code /webhooks/whatsapp},
 * outside {@code /api/v1} and without an agent's token, because the platform proves itself instead.
 *
 * <ul>
 *   <li>{@code GET}: the registration handshake. With {@code hub.mode=subscribe} and the configured
 *       {@code hub.verify_token}, the answer is {@code hub.challenge} as plain text; a wrong token is
 *       403, missing parameters 400.</li>
 *   <li>{@code POST}: events. The raw body must carry {@code X-Hub-Signature-256}, the HMAC-SHA256 of
 *       the body under the app secret (else 401 and nothing is read). The whole body is then checked
 *       before the first event is handed to the {@link SocialListener}, so a batch with one bad event
 *       changes nothing (400, naming the field). Bodies over the size limit are 413. Success is
 *       {@code 200 EVENT_RECEIVED}.</li>
 * </ul>
 *
 * <p>A correctly signed body posted again (the platform retries whenever it gets no 200, and anyone
 * who saw a body can replay it) is handed on again: the server deduplicates by message id. If the
 * listener fails part-way through a batch, the events before the failure have been handed on and the
 * platform will post the whole batch again.
 *
 * <p>Errors are JSON {@code {"error", "message"}}; a listener's {@link IllegalArgumentException} is a
 * 400 with its message, any other failure a 500 whose detail stays in the log.
 */
public final class MetaWebhooks {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final String RECEIVED = "EVENT_RECEIVED";
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhooks.class);
    private static final int MAX_CHALLENGE = 200;
    /** How much of an oversized body is read and dropped so the sender sees the 413, not a reset. */
    private static final long DRAIN_LIMIT = 16L << 20;

    private final SocialSettings settings;
    private final SocialListener listener;
    private final ObjectMapper json;
    private final ObjectReader reader;
    private final int maxBodyBytes;

    public MetaWebhooks(SocialSettings settings, SocialListener listener, ObjectMapper json) {
        this(settings, listener, json, DEFAULT_MAX_BODY_BYTES);
    }

    public MetaWebhooks(SocialSettings settings, SocialListener listener, ObjectMapper json, int maxBodyBytes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.json = Objects.requireNonNull(json, "json");
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The webhook's path for a platform, e.g. {@code /webhooks/whatsapp}. */
    public static String path(Platform platform) {
        return "/webhooks/" + platform.name().toLowerCase(Locale.ROOT);
    }

    /** Registers the handshake and the event route of each platform. */
    public void install(JavalinConfig config) {
        for (Platform p : Platform.values()) {
            config.routes.get(path(p), ctx -> handshake(ctx, p));
            config.routes.post(path(p), ctx -> receive(ctx, p));
        }
    }

    private void handshake(Context ctx, Platform p) {
        String mode = ctx.queryParam("hub.mode");
        String token = ctx.queryParam("hub.verify_token");
        String challenge = ctx.queryParam("hub.challenge");
        List<String> missing = new ArrayList<>();
        if (mode == null || mode.isEmpty()) {
            missing.add("hub.mode");
        }
        if (token == null || token.isEmpty()) {
            missing.add("hub.verify_token");
        }
        if (challenge == null || challenge.isEmpty()) {
            missing.add("hub.challenge");
        }
        if (!missing.isEmpty()) {
            problem(ctx, 400, "missing_parameter", "the handshake needs " + String.join(", ", missing));
        } else if (challenge.length() > MAX_CHALLENGE || !challenge.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem(ctx, 400, "invalid_parameter",
                    "hub.challenge must be at most " + MAX_CHALLENGE + " printable characters");
        } else if (settings.verifyToken() == null || settings.verifyToken().isEmpty()) {
            problem(ctx, 403, "forbidden", p.displayName() + " webhooks are not set up: no verify token");
        } else if (!mode.equals("subscribe")) {
            problem(ctx, 403, "forbidden", "hub.mode must be subscribe");
        } else if (!sameSecret(token, settings.verifyToken())) {
            LOG.warn("refused a {} webhook handshake from {}: wrong verify token", p.displayName(), ctx.ip());
            problem(ctx, 403, "forbidden", "the verify token does not match");
        } else {
            LOG.info("{} webhook registered by the platform", p.displayName());
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType("text/plain; charset=utf-8").result(challenge);
        }
    }

    private void receive(Context ctx, Platform p) {
        byte[] body;
        try {
            body = readBounded(ctx);
        } catch (IOException e) {
            LOG.debug("could not read a {} webhook body", p.displayName(), e);
            problem(ctx, 400, "unreadable", "the body could not be read");
            return;
        }
        if (body == null) {
            problem(ctx, 413, "too_large", "the body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        if (settings.appSecret() == null || settings.appSecret().isEmpty()) {
            problem(ctx, 503, "not_configured", p.displayName() + " webhooks are not set up: no app secret");
            return;
        }
        String signature = ctx.header(SocialSignatures.HEADER);
        if (!SocialSignatures.verify(settings.appSecret(), body, signature)) {
            String why = signature == null ? SocialSignatures.HEADER + " is missing"
                    : SocialSignatures.HEADER + " does not match the body";
            LOG.warn("refused a {} webhook from {}: {}", p.displayName(), ctx.ip(), why);
            problem(ctx, 401, "bad_signature", why);
            return;
        }
        List<Event> events;
        try {
            JsonNode tree = reader.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new PayloadException("the body is empty");
            }
            events = p == Platform.MESSENGER ? MessengerEvents.read(tree) : WhatsAppEvents.read(tree);
        } catch (JsonProcessingException e) {
            problem(ctx, 400, "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
            return;
        } catch (IOException | PayloadException e) {
            problem(ctx, 400, "invalid_payload", e.getMessage());
            return;
        }
        try {
            for (Event e : events) {
                e.deliver(listener);
            }
        } catch (IllegalArgumentException e) {
            problem(ctx, 400, "rejected", e.getMessage() == null ? "the event was refused" : e.getMessage());
            return;
        } catch (RuntimeException e) {
            String ref = Long.toHexString(System.nanoTime());
            LOG.error("a {} webhook could not be taken in (ref {})", p.displayName(), ref, e);
            problem(ctx, 500, "internal", "the events could not be taken in (ref " + ref + "); send them again");
            return;
        }
        ctx.contentType("text/plain; charset=utf-8").result(RECEIVED);
    }

    /** The raw body, or null when it is over the limit (having read and dropped what was sent). */
    private byte[] readBounded(Context ctx) throws IOException {
        InputStream in = ctx.req().getInputStream();
        long declared = ctx.req().getContentLengthLong();
        byte[] body = declared > maxBodyBytes ? null : in.readNBytes(maxBodyBytes + 1);
        if (body != null && body.length <= maxBodyBytes) {
            return body;
        }
        byte[] sink = new byte[8192];
        long dropped = 0;
        for (int n; dropped < DRAIN_LIMIT && (n = in.read(sink)) >= 0; ) {
            dropped += n;
        }
        return null;
    }

    /** Refuses a body meant for the other platform's webhook, or for another product. */
    static void expectObject(Field root, String expected, Platform p) {
        String object = root.get("object").string();
        if (!object.equals(expected)) {
            String shown = object.length() > 40 ? object.substring(0, 40) + "…" : object;
            throw new PayloadException("object is \"" + shown + "\" but the " + p.displayName()
                    + " webhook takes \"" + expected + "\"");
        }
    }

    /** Equal secrets, compared in time that reveals neither where they differ nor how long they are. */
    private static boolean sameSecret(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    private void problem(Context ctx, int status, String code, String message) {
        ctx.status(status).contentType("application/json")
                .result(json.createObjectNode().put("error", code).put("message", message).toString());
    }
}
