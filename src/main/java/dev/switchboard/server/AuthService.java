package dev.switchboard.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.switchboard.domain.Agent;
import dev.switchboard.store.AgentStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sign-in with bcrypt-hashed passwords and opaque bearer tokens (256 random bits). Tokens live in
 * memory and lapse after a shift's worth of idleness; a restarted server asks everyone to sign in
 * again.
 */
public final class AuthService {
    static final int BCRYPT_COST = 10;
    private static final Duration IDLE_LIMIT = Duration.ofHours(12);
    /** Stored instead of a hash for accounts nobody signs in with (simulated colleagues). */
    static final String NO_SIGN_IN = "!";
    /** Checked against when the username is unknown, so both failures take the same time. */
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(BCRYPT_COST, "x".toCharArray());

    private final AgentStore agents;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private volatile Consumer<Agent> lastSessionEnded = a -> { };

    private record Entry(Session session, Instant lastSeen) {
    }

    public AuthService(AgentStore agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /** Told when an agent's last session lapses without a sign-out (the desk was left). */
    public void onLastSessionEnded(Consumer<Agent> listener) {
        this.lastSessionEnded = listener;
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    /** A new session, or empty when the username or password is wrong. */
    public Optional<Session> login(String username, String password) {
        var creds = agents.credentials(username);
        String hash = creds.map(AgentStore.Credentials::passwordHash)
                .filter(h -> !NO_SIGN_IN.equals(h)).orElse(DUMMY_HASH);
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        if (creds.isEmpty() || !ok || NO_SIGN_IN.equals(creds.get().passwordHash())) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, creds.get().agent());
        Instant now = clock.instant();
        // sessions nobody used for a shift are dropped here, so abandoned ones do not pile up
        List<Entry> lapsed = sessions.values().stream().filter(e -> e.lastSeen().plus(IDLE_LIMIT).isBefore(now)).toList();
        lapsed.forEach(e -> lapse(e.session()));
        sessions.put(token, new Entry(session, now));
        return Optional.of(session);
    }

    /** The session of a token, refreshed; empty when unknown or lapsed. */
    public Optional<Session> resolve(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry e = sessions.get(token);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (e.lastSeen().plus(IDLE_LIMIT).isBefore(now)) {
            lapse(e.session());
            return Optional.empty();
        }
        if (Duration.between(e.lastSeen(), now).toSeconds() > 60) {
            // only if still there: a sign-out meanwhile must not be undone
            sessions.computeIfPresent(token, (k, old) -> new Entry(old.session(), now));
        }
        return Optional.of(e.session());
    }

    public void logout(String token) {
        sessions.remove(token);
    }

    private void lapse(Session session) {
        if (sessions.remove(session.token()) != null && !hasSession(session.agentId())) {
            lastSessionEnded.accept(session.agent());
        }
    }

    /** Whether the agent still has a session (another desktop, or one not signed out). */
    public boolean hasSession(long agentId) {
        return sessions.values().stream().anyMatch(e -> e.session().agentId() == agentId);
    }
}
