package dev.switchboard.channels.social;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The platform's webhook signature: header {@code X-Hub-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw body keyed with the app secret. The product checks it on every webhook; the
 * traffic simulator and the tests use it to sign what they post.
 */
public final class SocialSignatures {
    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int HMAC_BYTES = 32;

    private SocialSignatures() {
    }

    /** {@code "sha256=<lower-case hex>"} of {@code body}. */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /**
     * Whether {@code header} (the header's value, null if absent) is the signature of {@code body}.
     * Anything but {@code sha256=} followed by 64 hex digits is false; the digests are compared in
     * constant time so a forger learns nothing from how long a refusal takes.
     */
    public static boolean verify(String appSecret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        String hex = header.substring(PREFIX.length()).strip();
        if (hex.length() != HMAC_BYTES * 2) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(appSecret, body), claimed);
    }

    private static byte[] hmac(String appSecret, byte[] body) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("no app secret to sign with");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
