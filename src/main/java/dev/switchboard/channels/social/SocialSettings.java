package dev.switchboard.channels.social;

import java.time.Duration;

/**
 * How the product talks to the Meta platform.
 *
 * @param appSecret             signs every webhook the platform posts; without it no webhook is accepted
 * @param verifyToken           the word the platform repeats when the webhook is registered
 * @param accessToken           lets replies be sent; null or blank: replies are not set up
 * @param apiBaseUrl            the Graph API with its version, e.g. {@code https://graph.facebook.com/v21.0}
 *                              (null: that one); tests point it at a local server
 * @param whatsappPhoneNumberId the business number WhatsApp replies are sent from
 * @param maxAttempts           tries per reply when the platform is unreachable, busy or failing (≥ 1;
 *                              0 or less: 3)
 * @param firstRetryDelay       the wait before the second try, doubled for each further try (null: 500 ms)
 */
public record SocialSettings(String appSecret, String verifyToken, String accessToken, String apiBaseUrl,
                             String whatsappPhoneNumberId, int maxAttempts, Duration firstRetryDelay) {
    public static final String DEFAULT_API = "https://graph.facebook.com/v21.0";

    public SocialSettings {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.strip();
        while (apiBaseUrl.endsWith("/")) {
            apiBaseUrl = apiBaseUrl.substring(0, apiBaseUrl.length() - 1);
        }
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null || firstRetryDelay.isNegative() ? Duration.ofMillis(500)
                : firstRetryDelay;
    }

    /** Secrets stay out of logs: only whether each is set is shown. */
    @Override
    public String toString() {
        return "SocialSettings[appSecret=" + shown(appSecret) + ", verifyToken=" + shown(verifyToken)
                + ", accessToken=" + shown(accessToken) + ", apiBaseUrl=" + apiBaseUrl
                + ", whatsappPhoneNumberId=" + whatsappPhoneNumberId + ", maxAttempts=" + maxAttempts
                + ", firstRetryDelay=" + firstRetryDelay + "]";
    }

    private static String shown(String secret) {
        return secret == null || secret.isEmpty() ? "(not set)" : "(set)";
    }
}
