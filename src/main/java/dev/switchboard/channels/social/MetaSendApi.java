package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends an agent's reply through the platform's send API and returns the platform's message id,
 * which later {@link SocialStatus}es refer to. Blocks until the platform has answered or every
 * attempt is spent, so call it off any UI or request thread.
 *
 * <p>Unreachable, 429 and 5xx are tried again, up to {@link SocialSettings#maxAttempts()} attempts,
 * waiting {@link SocialSettings#firstRetryDelay()} and then twice as long each time (or what the
 * platform's {@code Retry-After} asks), never more than {@link #MAX_WAIT} at once. A retry after a
 * timeout may deliver the message twice; that is preferred to losing it. Any other refusal is final.
 */
public final class MetaSendApi {
    public static final int MESSENGER_MAX_CHARS = 2000;
    public static final int WHATSAPP_MAX_CHARS = 4096;
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(MetaSendApi.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_MESSAGE = 400;

    /** Waits between attempts; tests record the waits instead. */
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final SocialSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final HttpUrl api;
    private final Pause pause;

    public MetaSendApi(SocialSettings settings, OkHttpClient http, ObjectMapper json) {
        this(settings, http, json, d -> Thread.sleep(d.toMillis()));
    }

    MetaSendApi(SocialSettings settings, OkHttpClient http, ObjectMapper json, Pause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.api = HttpUrl.parse(settings.apiBaseUrl());
        if (api == null) {
            throw new IllegalArgumentException("the platform's API address is not an http(s) URL: "
                    + settings.apiBaseUrl());
        }
    }

    /**
     * Sends {@code text} to {@code recipientId} (a Messenger PSID or a WhatsApp id) and returns the
     * platform's id for the message.
     *
     * @throws IllegalArgumentException if there is no recipient, no text, or more text than the
     *                                  platform takes; nothing is sent
     * @throws SocialSendException      if replies are not set up, the platform refused, or it could
     *                                  not be reached in {@code maxAttempts} attempts
     */
    public String send(Platform platform, String recipientId, String text) throws SocialSendException {
        Objects.requireNonNull(platform, "platform");
        check(platform, recipientId, text);
        Request request = request(platform, recipientId, text);
        String last = null;
        int lastStatus = 0;
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff(attempt);
            Response answer = null;
            try {
                answer = http.newCall(request).execute();
            } catch (IOException e) {
                lastStatus = 0;
                last = describe(e);
                LOG.debug("{} send attempt {} failed: {}", platform.displayName(), attempt, last);
            }
            if (answer != null) {
                try (Response r = answer) {
                    String body = bodyOf(r);
                    if (r.isSuccessful()) {
                        return messageId(platform, r.code(), body);
                    }
                    if (r.code() != 429 && r.code() < 500) {
                        throw new SocialSendException(platform.displayName() + " refused the message: "
                                + reason(r.code(), body), true, r.code());
                    }
                    lastStatus = r.code();
                    last = "HTTP " + r.code();
                    wait = retryAfter(r.header("Retry-After")).orElse(wait);
                    LOG.debug("{} send attempt {} answered {}", platform.displayName(), attempt, last);
                }
            }
            if (attempt >= settings.maxAttempts()) {
                String what = lastStatus == 0 ? " could not be reached after " : " did not answer after ";
                LOG.info("gave up sending a {} reply: {}", platform.displayName(), last);
                throw new SocialSendException(platform.displayName() + what + attempt
                        + (attempt == 1 ? " attempt: " : " attempts: ") + last, false, lastStatus);
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocialSendException("Sending to " + platform.displayName() + " was stopped", false,
                        lastStatus, e);
            }
        }
    }

    private void check(Platform platform, String recipientId, String text) throws SocialSendException {
        if (recipientId == null || recipientId.isBlank()) {
            throw new IllegalArgumentException("a " + platform.displayName() + " reply needs a recipient");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty " + platform.displayName() + " message cannot be sent");
        }
        int max = platform == Platform.MESSENGER ? MESSENGER_MAX_CHARS : WHATSAPP_MAX_CHARS;
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new IllegalArgumentException(platform.displayName() + " messages can be at most " + max
                    + " characters; this one has " + length);
        }
        if (settings.accessToken() == null || settings.accessToken().isBlank()) {
            throw new SocialSendException("Replies to " + platform.displayName() + " are not set up: no access token",
                    false, 0);
        }
        if (platform == Platform.WHATSAPP
                && (settings.whatsappPhoneNumberId() == null || settings.whatsappPhoneNumberId().isBlank())) {
            throw new SocialSendException("Replies to WhatsApp are not set up: no phone number id", false, 0);
        }
    }

    private Request request(Platform platform, String recipientId, String text) {
        ObjectNode body = json.createObjectNode();
        HttpUrl url;
        if (platform == Platform.MESSENGER) {
            url = api.newBuilder().addPathSegment("me").addPathSegment("messages").build();
            body.putObject("recipient").put("id", recipientId);
            body.put("messaging_type", "RESPONSE");
            body.putObject("message").put("text", text);
        } else {
            url = api.newBuilder().addPathSegment(settings.whatsappPhoneNumberId().strip())
                    .addPathSegment("messages").build();
            body.put("messaging_product", "whatsapp").put("recipient_type", "individual")
                    .put("to", recipientId).put("type", "text");
            body.putObject("text").put("preview_url", false).put("body", text);
        }
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + settings.accessToken().strip())
                .post(RequestBody.create(body.toString(), JSON))
                .build();
    }

    private String messageId(Platform platform, int status, String body) throws SocialSendException {
        JsonNode answer = tree(body);
        JsonNode id = platform == Platform.MESSENGER ? answer.path("message_id")
                : answer.path("messages").path(0).path("id");
        if (!id.isTextual() || id.textValue().isBlank()) {
            throw new SocialSendException(platform.displayName()
                    + " took the message but did not say its id; it may have been sent", false, status);
        }
        return id.textValue();
    }

    /** The platform's own words from {@code {"error":{"message","code","error_subcode"}}}, else the status. */
    private String reason(int status, String body) {
        JsonNode error = tree(body).path("error");
        String message = error.path("message").isTextual() ? error.path("message").textValue().strip() : "";
        // the platform prefixes its code, "(#131047) Re-engagement message": it is shown once, at the end
        message = message.replaceFirst("^\\(#\\d+\\)\\s*", "");
        if (message.isEmpty()) {
            return "HTTP " + status;
        }
        JsonNode details = error.path("error_data").path("details");
        if (details.isTextual() && !details.textValue().isBlank() && !details.textValue().equals(message)) {
            message = message + ": " + details.textValue().strip();
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        if (error.path("code").isIntegralNumber()) {
            message += " (code " + error.path("code").asText()
                    + (error.path("error_subcode").isIntegralNumber()
                    ? ", subcode " + error.path("error_subcode").asText() : "") + ")";
        }
        return message;
    }

    private JsonNode tree(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private Duration backoff(int attempt) {
        Duration d = settings.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    /** {@code Retry-After} in seconds; a date or anything else is left to the usual backoff. */
    private static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        Duration d = Duration.ofSeconds(Long.parseLong(header.strip()));
        return Optional.of(d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
    }

    private static String bodyOf(Response r) throws SocialSendException {
        try {
            return r.body().string();
        } catch (IOException e) {
            if (r.isSuccessful()) {
                throw new SocialSendException("The platform's answer was cut off (" + describe(e)
                        + "); the message may have been sent", false, r.code(), e);
            }
            return "";
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (e instanceof InterruptedIOException) {
            return "no answer in time (" + message + ")";
        }
        return message;
    }
}
