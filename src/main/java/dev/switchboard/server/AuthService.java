package dev.switchboard.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.switchboard.domain.Agent;
import dev.switchboard.server.security.SignInLocked;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.LoginAttemptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Sign-in with bcrypt-hashed passwords and opaque bearer tokens (256 random bits).
 *
 * <p>Sessions live in this server's memory: a restarted server asks everyone to sign in again, and
 * with several server nodes a token is known only to the node that issued it. A session ends when
 * it is signed out, revoked ({@link #revoke}, {@link #revokeAll}: an administrator disabled the user
 * or reset the password), idle for {@link Limits#idle}, or {@link Limits#lifetime} after sign-in
 * however busy it was; an ended token is simply unknown (401).
 *
 * <p>Failed sign-ins are counted per user name in the database ({@link LoginAttemptStore}), so the
 * lockout holds across restarts and nodes; names that do not exist are counted and locked alike, and
 * an unknown name is checked against a dummy hash, so neither the answer nor its timing tells whether
 * a user exists.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    static final int BCRYPT_COST = 10;
    /** Stored instead of a hash for accounts nobody signs in with (simulated colleagues). */
    static final String NO_SIGN_IN = "!";
    /** Checked against when the username is unknown, so both failures take the same time. */
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(BCRYPT_COST, "x".toCharArray());
    private static final Duration FORGET_ATTEMPTS_AFTER = Duration.ofDays(1);

    /**
     * How long sessions last and when a user name is locked.
     *
     * @param idle          a session not used for this long ends (a desk left for a shift)
     * @param lifetime      a session ends this long after sign-in, however busy
     * @param maxFailures   failed sign-ins for one name within {@code failureWindow} that lock it
     * @param failureWindow how far back failures count, from the first of a run
     * @param lockFor       how long a locked name stays locked
     */
    public record Limits(Duration idle, Duration lifetime, int maxFailures, Duration failureWindow, Duration lockFor) {
        public static final Limits DEFAULT = new Limits(Duration.ofHours(12), Duration.ofHours(12), 5,
                Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    private final AgentStore agents;
    private final LoginAttemptStore attempts;
    private final Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private volatile Consumer<Agent> lastSessionEnded = a -> { };
    private volatile Instant nextForget = Instant.MIN;

    private record Entry(Session session, Instant signedIn, Instant lastSeen) {
        boolean endedAt(Instant now, Limits limits) {
            return lastSeen.plus(limits.idle()).isBefore(now) || !signedIn.plus(limits.lifetime()).isAfter(now);
        }
    }

    public AuthService(AgentStore agents, LoginAttemptStore attempts, Clock clock) {
        this(agents, attempts, Limits.DEFAULT, clock);
    }

    public AuthService(AgentStore agents, LoginAttemptStore attempts, Limits limits, Clock clock) {
        this.agents = agents;
        this.attempts = attempts;
        this.limits = limits;
        this.clock = clock;
    }

    /** Told when an agent's last session ends without a sign-out (the desk was left, or it was revoked). */
    public void onLastSessionEnded(Consumer<Agent> listener) {
        this.lastSessionEnded = listener;
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    /**
     * A new session, or empty when the username or password is wrong.
     *
     * @throws SignInLocked when the name failed too often lately (also when this failure was the last straw)
     */
    public Optional<Session> login(String username, String password) {
        Instant now = clock.instant();
        forgetOldAttempts(now);
        Optional<Instant> locked = attempts.lockedUntil(username, now);
        if (locked.isPresent()) {
            throw new SignInLocked(locked.get());
        }
        var creds = agents.credentials(username);
        String hash = creds.map(AgentStore.Credentials::passwordHash)
                .filter(h -> !NO_SIGN_IN.equals(h)).orElse(DUMMY_HASH);
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        if (creds.isEmpty() || !ok || NO_SIGN_IN.equals(creds.get().passwordHash())) {
            // the name only (masked in the log if it is an address), never the password tried
            Optional<Instant> lockedNow = attempts.recordFailure(username, now, limits.failureWindow(),
                    limits.maxFailures(), limits.lockFor());
            if (lockedNow.isPresent()) {
                LOG.warn("sign-in for user name '{}' locked until {} after {} failures", username, lockedNow.get(),
                        limits.maxFailures());
                throw new SignInLocked(lockedNow.get());
            }
            LOG.info("failed sign-in for user name '{}'", username);
            return Optional.empty();
        }
        attempts.reset(username);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, creds.get().agent());
        // sessions that ended unused are dropped here, so abandoned ones do not pile up
        List<Entry> lapsed = sessions.values().stream().filter(e -> e.endedAt(now, limits)).toList();
        lapsed.forEach(e -> end(e.session()));
        sessions.put(token, new Entry(session, now, now));
        return Optional.of(session);
    }

    /** The session of a token, refreshed; empty when unknown, revoked, idle too long or past its lifetime. */
    public Optional<Session> resolve(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry e = sessions.get(token);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (e.endedAt(now, limits)) {
            end(e.session());
            return Optional.empty();
        }
        if (Duration.between(e.lastSeen(), now).toSeconds() > 60) {
            // only if still there: a sign-out meanwhile must not be undone
            sessions.computeIfPresent(token, (k, old) -> new Entry(old.session(), old.signedIn(), now));
        }
        return Optional.of(e.session());
    }

    /** Whether the token belongs to a live session, without refreshing it (the rate limiter's question). */
    public boolean isLive(String token) {
        Entry e = token == null ? null : sessions.get(token);
        return e != null && !e.endedAt(clock.instant(), limits);
    }

    /** The agent signed out: the caller decides about routing. */
    public void logout(String token) {
        sessions.remove(token);
    }

    /** Ends one session now; its next request is a 401. Returns whether there was one. */
    public boolean revoke(String token) {
        Entry e = token == null ? null : sessions.get(token);
        return e != null && end(e.session());
    }

    /**
     * Ends every session of an agent now (an administrator disabled the user or reset the password);
     * their next request is a 401 and, as when a desk is left, they leave routing. Returns how many
     * sessions ended.
     */
    public int revokeAll(long agentId) {
        List<Session> theirs = sessions.values().stream().map(Entry::session).filter(s -> s.agentId() == agentId)
                .toList();
        int ended = 0;
        for (Session s : theirs) {
            if (end(s)) {
                ended++;
            }
        }
        return ended;
    }

    private boolean end(Session session) {
        if (sessions.remove(session.token()) == null) {
            return false;
        }
        if (!hasSession(session.agentId())) {
            lastSessionEnded.accept(session.agent());
        }
        return true;
    }

    /** Whether the agent still has a session (another desktop, or one not signed out). */
    public boolean hasSession(long agentId) {
        return sessions.values().stream().anyMatch(e -> e.session().agentId() == agentId);
    }

    /** Once an hour at most, names with no recent failure and no lock are forgotten. */
    private void forgetOldAttempts(Instant now) {
        if (now.isAfter(nextForget)) {
            nextForget = now.plus(Duration.ofHours(1));
            attempts.forgetOlderThan(now.minus(FORGET_ATTEMPTS_AFTER));
        }
    }
}
