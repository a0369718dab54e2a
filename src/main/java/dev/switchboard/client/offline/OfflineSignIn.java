package dev.switchboard.client.offline;

import dev.switchboard.api.AgentView;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * What lets an agent sign in on this desktop while the server cannot be reached: a salted PBKDF2
 * hash of the password they last signed in with (never the password, never the server's token), and
 * who they were. Kept in their copy; checked in constant time.
 *
 * @param username  as typed at the last sign-in
 * @param salt      random, Base64
 * @param hash      PBKDF2-HMAC-SHA256 of the password, Base64
 * @param agent     the agent as the server described them at that sign-in
 * @param eventSeq  the event stream's sequence at that sign-in
 * @param signedInAt when that was
 */
record OfflineSignIn(String username, String salt, String hash, AgentView agent, long eventSeq, Instant signedInAt) {
    static final String KEY = "offline-sign-in";
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    static OfflineSignIn of(String username, String password, AgentView agent, long eventSeq, Instant now) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new OfflineSignIn(username, Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(derive(password, salt)), agent, eventSeq, now);
    }

    /** Whether {@code password} is the one this was made with. */
    boolean matches(String username, String password) {
        if (!this.username.equals(username) || password == null) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(hash);
        return MessageDigest.isEqual(expected, derive(password, Base64.getDecoder().decode(salt)));
    }

    private static byte[] derive(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "OfflineSignIn[" + username + "]";
    }
}
