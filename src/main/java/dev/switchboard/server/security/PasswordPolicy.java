package dev.switchboard.server.security;

import dev.switchboard.server.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password set by an administrator must be. Length matters most (NIST SP 800-63B): at least
 * {@value #MIN_LENGTH} characters, no composition rules; not the user name (or it reversed, or with
 * it inside); not one of the passwords every guessing list starts with; at most {@value #MAX_BYTES}
 * bytes of UTF-8, because bcrypt ignores everything after the 72nd byte. The demo's accounts keep
 * their short demo passwords: they are seeded, not set through this policy.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    /** The head of the common-password lists (lower-cased); a longer list adds little against lockout. */
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd",
            "p@ssword123", "123456", "1234567", "12345678", "123456789", "1234567890", "0123456789",
            "12345678910", "qwerty", "qwerty123", "qwertyuiop", "qwerty1234", "1q2w3e4r5t", "1qaz2wsx3edc",
            "abc123", "abcdefghij", "abcd1234", "iloveyou", "iloveyou1", "letmein", "letmein123", "welcome",
            "welcome1", "welcome123", "welcome2024", "welcome2025", "welcome2026", "admin", "admin123",
            "admin12345", "administrator", "changeme", "changeme123", "monkey123", "football", "football1",
            "baseball", "dragon1234", "sunshine", "sunshine1", "princess1", "trustno1", "superman1",
            "starwars", "whatever1", "11111111", "1111111111", "0000000000", "aaaaaaaaaa", "asdfghjkl",
            "asdfghjkl1", "zxcvbnm123", "computer", "internet", "michael123", "summer2024", "summer2025",
            "winter2024", "winter2025", "spring2025", "autumn2025", "switchboard", "switchboard1",
            "switchboard123", "supervisor", "supervisor1", "contactcentre", "contactcenter", "helpdesk123",
            "support123", "company123", "secret123", "mypassword", "default123");

    private PasswordPolicy() {
    }

    /** Why the password is refused, one sentence each; empty when it is acceptable. */
    public static List<String> reasons(String username, String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            out.add("a password is required");
            return out;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            out.add("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            out.add("a password can be at most " + MAX_BYTES + " bytes long (fewer characters outside ASCII)");
        }
        if (password.isBlank()) {
            out.add("a password cannot be only spaces");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.contains(name) || lower.contains(new StringBuilder(name).reverse()))) {
            out.add("a password must not contain the user name");
        }
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[0-9!?.]+$", ""))) {
            out.add("this password is on the lists attackers try first");
        } else if (password.codePoints().distinct().count() < 4) {
            out.add("a password needs at least 4 different characters");
        }
        return out;
    }

    /**
     * Refuses a password that breaks the policy: a 400 with field {@code password} whose message lists
     * every reason, so an administrator fixes them all at once.
     */
    public static void check(String username, String password) {
        List<String> reasons = reasons(username, password);
        if (!reasons.isEmpty()) {
            throw new ApiProblem(400, "weak_password", String.join("; ", reasons), "password");
        }
    }
}
