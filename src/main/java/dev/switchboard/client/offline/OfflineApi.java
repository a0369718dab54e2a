package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.Json;
import dev.switchboard.api.LinkCustomerRequest;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerCertificate;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.SyncMonitor;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.WriteQueuedException;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxEntry;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.InteractionState;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The server as the desktop sees it when the network cannot be trusted. Reads go to the server and
 * what comes back is kept in a {@link LocalCache} for the signed-in agent; when the server does not
 * answer, reads are served from that copy (the status says it may be stale). Every write goes into
 * a durable {@link Outbox} first, is sent in order with its own idempotency key, and the caller gets
 * the server's answer, or, when none comes within a few seconds, the record as it will be once sent
 * (see {@link Optimistic}). A ticket change refused because a colleague changed the ticket first is
 * merged field by field; what both changed waits for the agent as a {@link TicketConflict}.
 *
 * <p>Live operations (accepting an offer, call control, transfers, dialling) go straight to the server:
 * there is nothing sensible to do with them later.
 */
public final class OfflineApi extends LiveCalls implements SyncMonitor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OfflineApi.class.getName());
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(8);

    private static final String LAST_SYNC = "last-sync";
    private final Path profilesRoot;
    private final Clock clock;
    private final OkHttpClient http;
    private final ObjectMapper json = Json.lenient();
    private final SyncState state;
    private final KeptCopy copy;
    private final OutboxWrites writes;
    private final Background background;
    private volatile Profile profile;
    private volatile Credentials credentials;
    private volatile AgentView me;
    private volatile java.time.Instant lastSignIn = java.time.Instant.MIN;

    /** The sign-in of this shift, kept in memory only, to sign in again when the server ends the session. */
    private record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]"; // never the password
        }
    }

    /**
     * @param server       the server, spoken to directly for reads, sign-in and live operations
     * @param profilesRoot where each agent's cache and outbox live ({@code <root>/<username>-<id>/})
     */
    public OfflineApi(HttpSwitchboardApi server, Path profilesRoot) {
        this(server, profilesRoot, Clock.systemUTC(), DEFAULT_WAIT);
    }

    /** As above; {@code wait} is how long a write waits for the server's answer before it is shown as queued. */
    public OfflineApi(HttpSwitchboardApi server, Path profilesRoot, Clock clock, Duration wait) {
        super(server);
        this.profilesRoot = profilesRoot;
        this.clock = clock;
        // the same trust as the server's client: the embedded default's own certificate, or --trust-cert
        this.http = ServerCertificate.apply(server.trust(), new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30))).build();
        this.state = new SyncState(clock, this::status);
        this.copy = new KeptCopy(() -> profile, json);
        this.background = new Background(this);
        this.writes = new OutboxWrites(new OutboxWrites.Parts(() -> profile, copy, state, server, json, wait, clock,
                this::rememberMe, this::reached, this::lost, background::signInAgain, background::conflict));
    }

    // ---- sign-in -------------------------------------------------------------------------------

    @Override
    public LoginResponse login(String username, String password) {
        Profile current = profile;
        if (current != null && !current.username().equals(username)) {
            // another agent signs in: the last one's writes stop before this one's session exists
            closeProfile();
        }
        LoginResponse r;
        try {
            r = server.login(username, password);
        } catch (ServerUnreachableException unreachable) {
            return signInOffline(username, password, unreachable);
        }
        state.reached();
        credentials = new Credentials(username, password);
        lastSignIn = clock.instant();
        me = r.agent();
        Profile p = openProfile(username, r.agent().id());
        if (p != null) {
            copy.keep(() -> p.cache().putValue("me", r.agent()));
            copy.keep(() -> p.cache().putValue(OfflineSignIn.KEY,
                    OfflineSignIn.of(username, password, r.agent(), r.eventSeq(), clock.instant())));
            p.sender().wake();
            background.rebuildConflicts();
            if (!p.cache().ids(LocalCache.CUSTOMER).isEmpty()) {
                background.resync(); // what the desktop held may have changed while it was closed
            }
        }
        return r;
    }

    /**
     * The server cannot be reached: an agent who signed in on this desktop before signs in against
     * their copy (the password checked against the hash kept there) and works offline; the desktop
     * signs in to the server on its own once it answers. Anyone else gets the server's silence.
     */
    private LoginResponse signInOffline(String username, String password, ServerUnreachableException unreachable) {
        Profile p = openKnownProfile(username);
        if (p == null) {
            throw unreachable;
        }
        OfflineSignIn kept = p.cache().value(OfflineSignIn.KEY, OfflineSignIn.class).orElse(null);
        if (kept == null || !kept.matches(username, password)) {
            throw new ApiException(401, new ApiError("wrong_credentials", "The server does not answer, and this "
                    + "is not the password last used on this desktop for " + username + ".", "password"));
        }
        credentials = new Credentials(username, password);
        me = p.cache().value("me", AgentView.class).orElse(kept.agent());
        state.restoreLastSync(p.cache().value(LAST_SYNC, java.time.Instant.class).orElse(kept.signedInAt()));
        lost(unreachable.getMessage());
        background.rebuildConflicts();
        return new LoginResponse(null, me, kept.eventSeq());
    }

    /** The profile an agent of this name used last on this desktop, opened; null if there is none. */
    private synchronized Profile openKnownProfile(String username) {
        String prefix = username.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        java.io.File[] dirs = profilesRoot.toFile().listFiles(f -> f.isDirectory() && f.getName().startsWith(prefix)
                && f.getName().substring(prefix.length()).matches("\\d+"));
        if (dirs == null || dirs.length == 0) {
            return null;
        }
        java.io.File newest = java.util.Arrays.stream(dirs).max(java.util.Comparator.comparingLong(java.io.File::lastModified))
                .orElseThrow();
        return openProfile(username, Long.parseLong(newest.getName().substring(prefix.length())));
    }

    @Override
    public void logout() {
        credentials = null;
        server.logout();
    }

    private synchronized void closeProfile() {
        Profile current = profile;
        profile = null;
        writes.forget();
        if (current != null) {
            current.close();
        }
    }

    private synchronized Profile openProfile(String username, long agentId) {
        Profile current = profile;
        if (current != null && current.username().equals(username)) {
            return current;
        }
        if (current != null) {
            closeProfile();
        }
        Path dir = profilesRoot.resolve(username.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + agentId);
        try {
            // the sender speaks for this profile's agent only: no token once another profile took over
            profile = Profile.open(username, dir, clock, json, http, server.baseUrl(),
                    asking -> asking != null && asking == profile ? server.token() : null,
                    writes.listener(), writes::prepare);
            state.changed();
            return profile;
        } catch (RuntimeException e) {
            // another desktop on this computer holds the same agent's files: work without them
            LOG.log(System.Logger.Level.WARNING, "working without the offline store of " + username + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Signs in again with this shift's credentials, when the server no longer knows the session (it
     * ended: idle for hours, or revoked because an administrator changed the person's role, and so on).
     * One sign-in at a time: a caller that finds one just done uses it. A changed role is refused here:
     * this window was made for the old one, so the person signs in anew.
     */
    synchronized boolean signInAgain() {
        Credentials c = credentials;
        if (c == null) {
            return false;
        }
        if (lastSignIn.plusSeconds(2).isAfter(clock.instant()) && server.token() != null) {
            return true;
        }
        try {
            LoginResponse r = server.login(c.username, c.password);
            AgentView before = me;
            if (before != null && r.agent().role() != before.role()) {
                credentials = null;
                try {
                    server.logout();
                } catch (RuntimeException ignored) {
                    // the session simply lapses
                }
                return false;
            }
            me = r.agent();
            lastSignIn = clock.instant();
            state.reached();
            Profile p = profile;
            if (p != null) {
                p.sender().wake();
            }
            return true;
        } catch (ApiException refused) {
            if (refused.status() == 401 || refused.status() == 403) {
                credentials = null; // the password changed or the account went: the agent has to sign in
            }
            return false;
        }
    }

    boolean canSignInAgain() {
        return credentials != null;
    }

    // ---- the sync monitor ----------------------------------------------------------------------

    @Override
    public SyncMonitor sync() {
        return this;
    }

    @Override
    public SyncStatus status() {
        Profile p = profile;
        int pending = 0;
        List<String> descriptions = List.of();
        List<FailedWrite> failed = List.of();
        if (p != null) {
            try {
                pending = p.outbox().pendingCount();
                descriptions = p.outbox().pending(5).stream().map(OutboxEntry::description).toList();
                failed = p.outbox().failed().stream().filter(e -> !writes.isConflict(e.id()))
                        .map(e -> new FailedWrite(e.id(), e.description(), e.lastError(), e.createdAt())).toList();
            } catch (RuntimeException closed) {
                // the profile closed under us (another agent signed in): report it as empty
            }
        }
        return new SyncStatus(state.online(), state.offlineSince(), state.lastSync(), pending, descriptions, failed,
                writes.conflicts(),
                state.resyncDone(), state.resyncTotal(), state.lastError());
    }

    @Override
    public AutoCloseable listen(Consumer<SyncStatus> listener) {
        return state.listen(listener);
    }

    @Override
    public void retryNow() {
        Profile p = profile;
        if (p != null) {
            p.sender().wake();
        }
        background.probeNow();
    }

    @Override
    public void resolve(TicketConflict conflict, TicketUpdateRequest merged) {
        writes.resolve(conflict, merged);
    }

    @Override
    public void discard(TicketConflict conflict) {
        resolve(conflict, null);
    }

    @Override
    public void dismiss(FailedWrite failed) {
        Profile p = profile;
        if (p != null) {
            p.outbox().dismiss(failed.id());
            state.changed();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------

    @Override
    public AgentView me() {
        return read(server::me, v -> {
            me = v;
            cache().putValue("me", v);
        }, () -> Optional.ofNullable(me));
    }

    @Override
    public ConfigView config() {
        return read(server::config, v -> cache().putValue("config", v), () -> cache().value("config", ConfigView.class));
    }

    @Override
    public List<ScreenPop> activeWork() {
        return writes.withPending(read(server::activeWork, v -> {
            cache().putValue("work", v);
            v.forEach(copy::remember);
        }, () -> cache().values("work", ScreenPop.class)));
    }

    @Override
    public List<CustomerSummary> search(String text, int limit) {
        return read(() -> server.search(text, limit), v -> v.forEach(cache()::putCustomer),
                () -> Optional.of(cache().searchCustomers(text, limit)));
    }

    @Override
    public CustomerSummary customer(long id) {
        long real = realId(id);
        if (real < 0) {
            return cache().get(LocalCache.CUSTOMER, real, CustomerSummary.class).orElseThrow(() -> notFound("customer", id));
        }
        return read(() -> server.customer(real), v -> cache().putCustomer(v),
                () -> cache().get(LocalCache.CUSTOMER, real, CustomerSummary.class));
    }

    @Override
    public TimelinePage timeline(long customerId, String cursor, int limit) {
        long real = realId(customerId);
        if (real < 0) {
            return new TimelinePage(List.of(), null);
        }
        if (cursor != null) {
            return server.timeline(real, cursor, limit); // older pages are not kept
        }
        return read(() -> server.timeline(real, null, limit), v -> {
            cache().put(LocalCache.TIMELINE, real, v, real, null, null);
            v.items().forEach(copy::remember);
        }, () -> cache().get(LocalCache.TIMELINE, real, TimelinePage.class)
                .map(page -> new TimelinePage(page.items(), null)));
    }

    @Override
    public List<TicketView> openTickets(long customerId) {
        long real = realId(customerId);
        Supplier<Optional<List<TicketView>>> cached = () -> Optional.of(cache().byOwner(LocalCache.TICKET, real,
                TicketView.class).stream().filter(t -> t.status().isOpen()).toList());
        if (real < 0) {
            return cached.get().orElse(List.of());
        }
        return read(() -> server.openTickets(real), v -> v.forEach(copy::remember), cached);
    }

    @Override
    public TicketView ticket(long id) {
        long real = realId(id);
        if (real < 0) {
            return cache().get(LocalCache.TICKET, real, TicketView.class).orElseThrow(() -> notFound("ticket", id));
        }
        return read(() -> server.ticket(real), copy::remember, () -> cache().get(LocalCache.TICKET, real, TicketView.class));
    }

    @Override
    public InteractionView interaction(long id) {
        long real = realId(id);
        if (real < 0) {
            return cache().get(LocalCache.INTERACTION, real, InteractionView.class)
                    .orElseThrow(() -> notFound("interaction", id));
        }
        return read(() -> server.interaction(real), copy::remember,
                () -> cache().get(LocalCache.INTERACTION, real, InteractionView.class));
    }

    @Override
    public ConversationView conversation(long interactionId) {
        long real = realId(interactionId);
        if (real < 0) {
            throw notFound("conversation of interaction", interactionId);
        }
        return read(() -> server.conversation(real),
                v -> cache().put(LocalCache.CONVERSATION, real, v, null, null, null),
                () -> cache().get(LocalCache.CONVERSATION, real, ConversationView.class));
    }

    /** The server's id for a record made offline once it exists there; any other id as it is. */
    private long realId(long id) {
        Profile p = profile;
        return p == null || id >= 0 ? id : p.ids().real(id).orElse(id);
    }

    @Override
    public List<CannedResponseView> cannedResponses() {
        return read(server::cannedResponses, v -> cache().putValue("canned", v),
                () -> cache().values("canned", CannedResponseView.class));
    }

    @Override
    public SyncPage syncPage(SyncRequest request) {
        return server.syncPage(request);
    }

    /**
     * Asks the server; keeps what it answers. Offline with a copy at hand, the copy is the answer
     * without waiting on the network; the background probe notices when the server is back.
     */
    private <T> T read(Supplier<T> call, Consumer<T> keep, Supplier<Optional<T>> cached) {
        Profile p = profile;
        if (p != null && !state.online()) {
            Optional<T> copy = fromCache(cached);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        T value;
        try {
            value = call.get();
        } catch (ServerUnreachableException e) {
            lost(e.getMessage());
            if (p != null) {
                Optional<T> copy = fromCache(cached);
                if (copy.isPresent()) {
                    return copy.get();
                }
            }
            throw e;
        }
        reached();
        if (p != null && value != null) {
            copy.keep(() -> keep.accept(value));
        }
        return value;
    }

    private <T> Optional<T> fromCache(Supplier<Optional<T>> cached) {
        try {
            return cached.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the desktop's cache: " + e.getMessage());
            return Optional.empty();
        }
    }

    // ---- writes --------------------------------------------------------------------------------

    @Override
    public AgentView setState(AgentState wanted, String reasonCode) {
        return writes.write("PUT", "/api/v1/me/state", new StateRequest(wanted, reasonCode),
                wanted == AgentState.NOT_READY && reasonCode != null ? "Not ready (" + reasonCode + ")" : "State: " + wanted,
                null, AgentView.class, () -> server.setState(wanted, reasonCode), placeholder -> {
                    AgentView current = me != null ? me : server.me();
                    AgentView v = Optimistic.state(current, wanted, reasonCode, clock.instant());
                    me = v;
                    return v;
                });
    }

    @Override
    public CustomerSummary createCustomer(NewCustomerRequest request) {
        String name = Optimistic.customer(0, request).displayName();
        return writes.write("POST", "/api/v1/customers", request, "New customer " + name, null, CustomerSummary.class,
                () -> server.createCustomer(request), placeholder -> {
                    CustomerSummary c = Optimistic.customer(placeholder, request);
                    cache().putCustomer(c);
                    if (request.interactionId() != null) {
                        copy.interaction(request.interactionId())
                                .ifPresent(i -> remember(Optimistic.linked(i, placeholder)));
                    }
                    return c;
                });
    }

    @Override
    public TicketView createTicket(NewTicketRequest request) {
        return writes.write("POST", "/api/v1/tickets", request, "New ticket \"" + request.subject() + "\"", null,
                TicketView.class, () -> server.createTicket(request), placeholder -> {
                    TicketView t = Optimistic.created(placeholder, request, me, clock.instant());
                    remember(t);
                    return t;
                });
    }

    @Override
    public TicketView updateTicket(long id, TicketUpdateRequest request) {
        TicketView base = copy.baseOf(id, request.version());
        return writes.write("PATCH", "/api/v1/tickets/" + id, request, "Change to ticket T-" + id, base, TicketView.class,
                () -> server.updateTicket(id, request), placeholder -> {
                    TicketView shown = cache().get(LocalCache.TICKET, id, TicketView.class).orElse(base);
                    if (shown == null) {
                        throw new WriteQueuedException();
                    }
                    TicketView t = Optimistic.updated(shown, request, clock.instant());
                    remember(t);
                    return t;
                });
    }

    @Override
    public TicketView addNote(long ticketId, String body, NoteVisibility visibility) {
        if (visibility == null || visibility == NoteVisibility.INTERNAL) {
            return addNote(ticketId, body);
        }
        return writes.write("POST", "/api/v1/tickets/" + ticketId + "/notes", new NoteRequest(body, visibility),
                "Reply noted on ticket T-" + ticketId, null, TicketView.class,
                () -> server.addNote(ticketId, body, visibility),
                placeholder -> {
                    TicketView t = cache().get(LocalCache.TICKET, ticketId, TicketView.class)
                            .orElseThrow(WriteQueuedException::new);
                    TicketView noted = Optimistic.noted(t, placeholder, me, body, clock.instant());
                    remember(noted);
                    return noted;
                });
    }

    @Override
    public TicketView addNote(long ticketId, String body) {
        return writes.write("POST", "/api/v1/tickets/" + ticketId + "/notes", new NoteRequest(body),
                "Note on ticket T-" + ticketId, null, TicketView.class, () -> server.addNote(ticketId, body),
                placeholder -> {
                    TicketView t = cache().get(LocalCache.TICKET, ticketId, TicketView.class)
                            .orElseThrow(WriteQueuedException::new);
                    TicketView noted = Optimistic.noted(t, placeholder, me, body, clock.instant());
                    remember(noted);
                    return noted;
                });
    }

    @Override
    public InteractionView end(long interactionId) {
        return writes.write("POST", "/api/v1/interactions/" + interactionId + "/end", Map.of(),
                "End of contact " + interactionId, null, InteractionView.class, () -> server.end(interactionId),
                placeholder -> copy.remembered(Optimistic.ended(copy.interaction(interactionId)
                        .orElseGet(() -> Optimistic.unknown(interactionId, InteractionState.ACTIVE, clock.instant())),
                        clock.instant())));
    }

    @Override
    public InteractionView wrapUp(long interactionId, WrapUpRequest request) {
        return writes.write("POST", "/api/v1/interactions/" + interactionId + "/wrap-up", request,
                "Wrap-up of contact " + interactionId + (request.disposition() == null ? "" : " (" + request.disposition() + ")"),
                null, InteractionView.class, () -> server.wrapUp(interactionId, request),
                placeholder -> copy.remembered(Optimistic.wrappedUp(copy.interaction(interactionId)
                        .orElseGet(() -> Optimistic.unknown(interactionId, InteractionState.WRAP_UP, clock.instant())),
                        request, clock.instant())));
    }

    @Override
    public InteractionView linkCustomer(long interactionId, long customerId) {
        return writes.write("PUT", "/api/v1/interactions/" + interactionId + "/customer", new LinkCustomerRequest(customerId),
                "Customer of contact " + interactionId, null, InteractionView.class,
                () -> server.linkCustomer(interactionId, customerId),
                placeholder -> copy.remembered(Optimistic.linked(copy.interaction(interactionId)
                        .orElseThrow(WriteQueuedException::new), customerId)));
    }

    @Override
    public InteractionView scheduleCallback(NewCallbackRequest request) {
        return writes.write("POST", "/api/v1/callbacks", request, "Callback to " + request.number(), null,
                InteractionView.class, () -> server.scheduleCallback(request),
                placeholder -> Optimistic.callback(placeholder, request, clock.instant()));
    }

    @Override
    public MessageView sendMessage(long interactionId, SendMessageRequest request) {
        return writes.write("POST", "/api/v1/interactions/" + interactionId + "/messages", request,
                "Answer on contact " + interactionId, null, MessageView.class,
                () -> server.sendMessage(interactionId, request),
                placeholder -> Optimistic.answer(placeholder, interactionId, me, request, clock.instant()));
    }

    @Override
    public MessageView emailTranscript(long interactionId, TranscriptRequest request) {
        return writes.write("POST", "/api/v1/interactions/" + interactionId + "/transcript", request,
                "Transcript of chat " + interactionId, null, MessageView.class,
                () -> server.emailTranscript(interactionId, request),
                placeholder -> Optimistic.answer(placeholder, interactionId, me,
                        new SendMessageRequest(request.clientKey(), "Chat transcript"), clock.instant()));
    }

    // ---- what is kept --------------------------------------------------------------------------

    private LocalCache cache() {
        return copy.cache();
    }

    void remember(ScreenPop pop) {
        copy.remember(pop);
    }

    void remember(InteractionView i) {
        copy.remember(i);
    }

    void remember(TicketView t) {
        copy.remember(t);
    }

    void rememberIfHeld(TicketView t) {
        copy.rememberIfHeld(t);
    }

    void rememberMe(AgentView v) {
        me = v;
        copy.keep(() -> cache().putValue("me", v));
    }

    AgentView currentAgent() {
        return me;
    }

    void onConflict(OutboxEntry e) {
        writes.onConflict(e);
    }

    List<OutboxEntry> refusedTicketChanges() {
        return writes.refusedTicketChanges();
    }

    /** The stream could not replay a gap: bring what the desktop holds up to date. */
    void resyncHeld() {
        background.resync();
    }

    LocalCache heldCache() {
        Profile p = profile;
        return p == null ? null : p.cache();
    }

    SyncState state() {
        return state;
    }

    HttpSwitchboardApi server() {
        return server;
    }

    @Override
    void reached() {
        if (state.reached()) {
            Profile p = profile;
            if (p != null) {
                p.sender().wake();
            }
            background.backOnline();
        }
    }

    @Override
    void lost(String reason) {
        if (state.online() && state.lastSync() != null) {
            // kept for a sign-in while the server is away, which then says when this desktop last synced
            java.time.Instant last = state.lastSync();
            copy.keep(() -> copy.cache().putValue(LAST_SYNC, last));
        }
        state.lost(reason);
        background.probeSoon();
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(404, new ApiError("not_found", what + " " + id + " does not exist", null));
    }

    @Override
    public EventSubscription subscribe(long lastSeenSeq, EventListener listener) {
        return new ResumingSubscription(this, lastSeenSeq, listener);
    }

    /** Stops sending and closes the agent's files; what waits stays on disk for the next start. */
    @Override
    public void close() {
        background.close();
        state.close();
        java.time.Instant last = state.lastSync();
        if (last != null) {
            copy.keep(() -> copy.cache().putValue(LAST_SYNC, last));
        }
        Profile p;
        synchronized (this) {
            p = profile;
            profile = null;
        }
        if (p != null) {
            p.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Administration is online only: straight to the server, never through the copy or the outbox. */
    @Override
    public java.util.Optional<dev.switchboard.client.AdminClient> admin() {
        return server.admin();
    }
}
