package dev.switchboard.channels.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** HTTP digest (RFC 2617, MD5) as SIP uses it: what the phone's answer to a challenge must be. */
public final class Digest {
    private Digest() {
    }

    public static String md5Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    /** HA1, what the server keeps instead of the phone's password. */
    public static String ha1(String username, String realm, String password) {
        return md5Hex(username + ":" + realm + ":" + password);
    }

    /**
     * The expected response; {@code qop} null for the RFC 2069 form, otherwise "auth" with the
     * phone's nonce count (8 hex digits) and client nonce.
     */
    public static String response(String ha1, String nonce, String method, String uri, String qop, String nc,
                                  String cnonce) {
        String ha2 = md5Hex(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return md5Hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
