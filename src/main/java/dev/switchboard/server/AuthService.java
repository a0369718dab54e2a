package dev.switchboard.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.switchboard.domain.Agent;
import dev.switchboard.server.security.SignInLocked;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.LoginAttemptStore;
import dev.switchboard.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sign-in with bcrypt-hashed passwords and opaque bearer tokens (256 random bits).
 *
 * <p>Sessions are kept in the database ({@link SessionStore}, by the SHA-256 of the token, never the
 * token), so every server node on it knows every node's sessions and a restart signs nobody out.
 * This node keeps the sessions in use in memory and answers a request from there; it reads the
 * database for a token it does not know (signed in on another node, or before a restart) and, at
 * most every {@link Limits#recheck}, for the sessions ended since it last looked, so that a session
 * ended on another node ends here within that time. Last use is written about once a minute per
 * session, in one batch with that look.
 *
 * <p>A session ends when it is signed out, revoked ({@link #revoke}, {@link #revokeAll}: an
 * administrator disabled the user, changed their role or set their password), idle for
 * {@link Limits#idle}, or {@link Limits#lifetime} after sign-in however busy it was; an ended token is
 * simply unknown (401). Listeners hear of every session that ends here ({@link #onSessionEnded}: its
 * event streams close) and of an agent's last one ending without a sign-out
 * ({@link #onLastSessionEnded}: they leave this node's routing).
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
    /** A session's last use moves in memory at most this often, so it is written about as often. */
    private static final Duration SEEN_STEP = Duration.ofMinutes(1);
    /**
     * Each look at ended sessions starts this far before the last one: a transaction that ended a
     * session may commit a moment after the time it wrote.
     */
    private static final Duration ENDED_OVERLAP = Duration.ofSeconds(30);
    /** Rows are deleted this long after they ended or went past a limit (nodes that look late still see them). */
    private static final Duration KEEP_ROWS = Duration.ofHours(1);
    private static final Duration DELETE_EVERY = Duration.ofHours(1);

    /**
     * How long sessions last, when a user name is locked, and how stale this node's view of the
     * sessions may get.
     *
     * @param idle          a session not used for this long ends (a desk left for a shift)
     * @param lifetime      a session ends this long after sign-in, however busy
     * @param maxFailures   failed sign-ins for one name within {@code failureWindow} that lock it
     * @param failureWindow how far back failures count, from the first of a run
     * @param lockFor       how long a locked name stays locked
     * @param recheck       a session ended on another node ends here within this time
     */
    public record Limits(Duration idle, Duration lifetime, int maxFailures, Duration failureWindow, Duration lockFor,
                         Duration recheck) {
        public static final Duration RECHECK = Duration.ofSeconds(5);
        public static final Limits DEFAULT = new Limits(Duration.ofHours(12), Duration.ofHours(12), 5,
                Duration.ofMinutes(15), Duration.ofMinutes(15));

        public Limits {
            if (recheck == null || recheck.isNegative() || recheck.isZero()) {
                throw new IllegalArgumentException("recheck must be a positive duration");
            }
        }

        /** Limits that look at the database every {@link #RECHECK}. */
        public Limits(Duration idle, Duration lifetime, int maxFailures, Duration failureWindow, Duration lockFor) {
            this(idle, lifetime, maxFailures, failureWindow, lockFor, RECHECK);
        }

        public Limits withRecheck(Duration every) {
            return new Limits(idle, lifetime, maxFailures, failureWindow, lockFor, every);
        }
    }

    private final AgentStore agents;
    private final LoginAttemptStore attempts;
    private final SessionStore store;
    private final Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The sessions in use on this node, by token. */
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile Consumer<Agent> lastSessionEnded = a -> { };
    private volatile Consumer<Session> sessionEnded = s -> { };
    private volatile Consumer<Session> sessionResumed = s -> { };
    private volatile Instant nextForget = Instant.MIN;
    private final AtomicBoolean rechecking = new AtomicBoolean();
    /** When a request finds the last look too old and looks itself (this server's clock). */
    private volatile Instant recheckDue;
    /** Where the next look for ended sessions starts (the database's clock). */
    private volatile Instant endedSince;
    private volatile Instant nextDelete = Instant.MIN;

    /** A session in use here: its last use moves in place, so nothing a sign-out removed comes back. */
    private static final class Entry {
        final Session session;
        final String hash;
        final Instant signedIn;
        volatile Instant lastSeen;
        /** The last use as the database has it. */
        volatile Instant written;

        Entry(Session session, String hash, Instant signedIn, Instant lastSeen, Instant written) {
            this.session = session;
            this.hash = hash;
            this.signedIn = signedIn;
            this.lastSeen = lastSeen;
            this.written = written;
        }

        boolean endedAt(Instant now, Limits limits) {
            return AuthService.endedAt(signedIn, lastSeen, now, limits);
        }
    }

    public AuthService(AgentStore agents, LoginAttemptStore attempts, SessionStore store, Clock clock) {
        this(agents, attempts, store, Limits.DEFAULT, clock);
    }

    public AuthService(AgentStore agents, LoginAttemptStore attempts, SessionStore store, Limits limits, Clock clock) {
        this.agents = agents;
        this.attempts = attempts;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.recheckDue = clock.instant().plus(limits.recheck());
        this.endedSince = store.now().minus(ENDED_OVERLAP);
    }

    /** Told when an agent's last session here ends without a sign-out (the desk was left, or it was revoked). */
    public void onLastSessionEnded(Consumer<Agent> listener) {
        this.lastSessionEnded = listener;
    }

    /** Told of every session that ends on this node, by sign-out, revocation here or elsewhere, or its limits. */
    public void onSessionEnded(Consumer<Session> listener) {
        this.sessionEnded = listener;
    }

    /**
     * Told when a session signed in elsewhere (on another node, or here before a restart) is first
     * used on this node; as at a sign-in, this node's routing has to learn of the agent.
     */
    public void onSessionResumed(Consumer<Session> listener) {
        this.sessionResumed = listener;
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
        String tokenHash = digest(token);
        Session session = new Session(token, creds.get().agent());
        store.insert(tokenHash, session.agentId(), now);
        // sessions that ended unused are dropped here, so abandoned ones do not pile up
        cache.values().stream().filter(e -> e.endedAt(now, limits)).toList().forEach(this::forget);
        cache.put(token, new Entry(session, tokenHash, now, now, now));
        return Optional.of(session);
    }

    /**
     * The session of a token, refreshed; empty when unknown, ended, idle too long or past its
     * lifetime. A session in use here is answered from memory.
     */
    public Optional<Session> resolve(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(recheckDue)) {
            recheck(); // the timer is late or not running: the request looks itself
        }
        Entry e = cache.get(token);
        if (e != null && !e.endedAt(now, limits)) {
            if (now.isAfter(e.lastSeen.plus(SEEN_STEP))) {
                e.lastSeen = now;
            }
            return Optional.of(e.session);
        }
        return fromDatabase(token, e, now);
    }

    /**
     * A token this node does not know, or knew and found past its limits: the database decides, since
     * another node may have signed it in or used it since.
     */
    private Optional<Session> fromDatabase(String token, Entry known, Instant now) {
        String tokenHash = known != null ? known.hash : digest(token);
        Optional<SessionStore.Row> live = store.find(tokenHash)
                .filter(r -> !endedAt(r.signedIn(), r.lastSeen(), now, limits));
        if (live.isEmpty()) {
            if (known != null) {
                forget(known);
            }
            return Optional.empty();
        }
        SessionStore.Row row = live.get();
        Instant seen = now.isAfter(row.lastSeen().plus(SEEN_STEP)) ? now : row.lastSeen();
        if (known != null) {
            // idle here, but used on another node meanwhile
            known.written = row.lastSeen();
            known.lastSeen = seen;
            return Optional.of(known.session);
        }
        Optional<Agent> agent = agents.account(row.agentId()).filter(a -> !a.disabled()).map(AgentStore.Account::agent);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        Entry fresh = new Entry(new Session(token, agent.get()), tokenHash, row.signedIn(), seen, row.lastSeen());
        Entry raced = cache.putIfAbsent(token, fresh);
        if (raced != null) {
            return Optional.of(raced.session);
        }
        sessionResumed.accept(fresh.session);
        return Optional.of(fresh.session);
    }

    /**
     * Whether the token belongs to a live session in use on this node, without refreshing it or
     * asking the database (the rate limiter's question, asked before every request).
     */
    public boolean isLive(String token) {
        Entry e = token == null ? null : cache.get(token);
        return e != null && !e.endedAt(clock.instant(), limits);
    }

    /** The agent signed out: the caller decides about routing. */
    public void logout(String token) {
        Entry e = cache.get(token);
        // the row first: a request racing with this sign-out must not find the session there again
        store.end(e != null ? e.hash : digest(token), clock.instant().minus(limits.lifetime()));
        if (e != null && cache.remove(token, e)) {
            sessionEnded.accept(e.session);
        }
    }

    /** Ends one session now, on every node; its next request is a 401. Returns whether there was one. */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        Entry e = cache.get(token);
        boolean ended = store.end(e != null ? e.hash : digest(token), clock.instant().minus(limits.lifetime()));
        boolean endedHere = e != null && forget(e);
        return ended || endedHere;
    }

    /**
     * Ends every session of an agent now, on every node (an administrator disabled the user, changed
     * their role or set their password); their next request is a 401 and, as when a desk is left,
     * they leave routing. Here that happens at once, on other nodes within {@link Limits#recheck}.
     * Returns how many sessions ended.
     */
    public int revokeAll(long agentId) {
        int ended = store.endAll(agentId, clock.instant().minus(limits.lifetime()));
        cache.values().stream().filter(e -> e.session.agentId() == agentId).toList().forEach(this::forget);
        return ended;
    }

    /** Drops a session from this node; false when it was gone already. */
    private boolean forget(Entry e) {
        if (!cache.remove(e.session.token(), e)) {
            return false;
        }
        sessionEnded.accept(e.session);
        if (!hasSession(e.session.agentId())) {
            lastSessionEnded.accept(e.session.agent());
        }
        return true;
    }

    /** Whether the agent still has a session in use on this node (another desktop, or one not signed out). */
    public boolean hasSession(long agentId) {
        return cache.values().stream().anyMatch(e -> e.session.agentId() == agentId);
    }

    /**
     * Looks at the database every half {@link Limits#recheck} on a daemon thread, so that sessions
     * ended on another node end here (and their event streams close) while nobody sends a request.
     * Closing it stops the thread and writes the last uses not written yet.
     */
    public AutoCloseable startRechecking() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-recheck");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, limits.recheck().toMillis() / 2);
        timer.scheduleWithFixedDelay(this::recheck, every, every, TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            try {
                writeLastSeen();
            } catch (RuntimeException e) {
                LOG.warn("could not write when sessions were last used: {}", e.getMessage());
            }
        };
    }

    /**
     * One look at the database: writes the last uses that moved, ends here the sessions ended since
     * the last look (on any node), and now and then deletes old rows. One at a time; a caller that
     * finds one running goes on without waiting. A database that does not answer is logged and
     * asked again at the next look; what this node knows stays as it was.
     */
    void recheck() {
        if (!rechecking.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            recheckDue = now.plus(limits.recheck());
            writeLastSeen();
            SessionStore.Ended ended = store.endedSince(endedSince);
            endedSince = ended.asOf().minus(ENDED_OVERLAP);
            if (!ended.tokenHashes().isEmpty()) {
                cache.values().stream().filter(e -> ended.tokenHashes().contains(e.hash)).toList()
                        .forEach(this::forget);
            }
            if (ended.asOf().isAfter(nextDelete)) {
                nextDelete = ended.asOf().plus(DELETE_EVERY);
                store.deleteExpired(ended.asOf().minus(KEEP_ROWS), now.minus(limits.lifetime()).minus(KEEP_ROWS),
                        now.minus(limits.idle()).minus(KEEP_ROWS));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not check sessions against the database: {}", e.getMessage());
        } finally {
            rechecking.set(false);
        }
    }

    private void writeLastSeen() {
        Map<String, Instant> due = new HashMap<>();
        List<Map.Entry<Entry, Instant>> moved = new ArrayList<>();
        for (Entry e : cache.values()) {
            Instant seen = e.lastSeen;
            if (seen.isAfter(e.written)) {
                due.put(e.hash, seen);
                moved.add(Map.entry(e, seen));
            }
        }
        store.touch(due);
        moved.forEach(m -> m.getKey().written = m.getValue());
    }

    private static boolean endedAt(Instant signedIn, Instant lastSeen, Instant now, Limits limits) {
        return lastSeen.plus(limits.idle()).isBefore(now) || !signedIn.plus(limits.lifetime()).isAfter(now);
    }

    /** What the database keeps of a token: whoever reads it there cannot sign in with it. */
    private static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }

    /** Once an hour at most, names with no recent failure and no lock are forgotten. */
    private void forgetOldAttempts(Instant now) {
        if (now.isAfter(nextForget)) {
            nextForget = now.plus(Duration.ofHours(1));
            attempts.forgetOlderThan(now.minus(FORGET_ATTEMPTS_AFTER));
        }
    }
}
