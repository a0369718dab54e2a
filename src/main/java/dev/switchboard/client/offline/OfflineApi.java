package dev.switchboard.client.offline;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.CallView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.Json;
import dev.switchboard.api.LinkCustomerRequest;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.client.SyncMonitor;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.WriteQueuedException;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxEntry;
import dev.switchboard.client.outbox.OutboxSender;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.InteractionState;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public final class OfflineApi implements SwitchboardApi, SyncMonitor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OfflineApi.class.getName());
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(8);
    private static final Pattern TICKET_PATH = Pattern.compile("^/api/v1/tickets/(-?\\d+)(/notes)?$");
    private static final Pattern INTERACTION_PATH = Pattern.compile("^/api/v1/interactions/(-?\\d+)/(wrap-up|end|customer)$");

    private final HttpSwitchboardApi server;
    private final Path profilesRoot;
    private final Clock clock;
    private final Duration wait;
    private final OkHttpClient http;
    private final ObjectMapper json = Json.lenient();
    private final SyncState state;
    /** Callers waiting for a write's answer, by the write's idempotency key. */
    private final Map<String, CompletableFuture<Outcome>> waiters = new ConcurrentHashMap<>();
    /** Refused ticket changes being merged, by the refused write's key: what became of each. */
    private final Map<String, CompletableFuture<Merge>> merges = new ConcurrentHashMap<>();
    private final Map<Long, TicketConflict> conflicts = new ConcurrentHashMap<>();
    private final TicketHistory history = new TicketHistory();
    /** Per ticket, the versions this desktop's own writes moved it on from (each write adds one). */
    private final Map<Long, java.util.Set<Long>> ownSteps = new ConcurrentHashMap<>();
    /** Held while a write's answer or its stand-in goes into the copy, so the stand-in never wins. */
    private final Object answers = new Object();
    private final Background background;
    private volatile Profile profile;
    private volatile Credentials credentials;
    private volatile AgentView me;
    private volatile java.time.Instant lastSignIn = java.time.Instant.MIN;

    /** The agent's stored data: their cache and outbox, and the sender that drains it. */
    private record Profile(String username, LocalCache cache, Outbox outbox, OutboxSender sender, ProvisionalIds ids) {
        void close() {
            sender.close();
            outbox.close();
            cache.close();
        }
    }

    /** The sign-in of this shift, kept in memory only, to sign in again after the server restarted. */
    private record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]"; // never the password
        }
    }

    /** How a write ended for the caller waiting on it. */
    private sealed interface Outcome {
        record Sent(String json) implements Outcome {
        }

        record Refused(int status, String message, String json) implements Outcome {
        }

        record Queued() implements Outcome {
        }
    }

    /**
     * What became of a refused ticket change: merged and sent again under {@code key} (its answer
     * comes to {@code answer}), nothing left to send ({@code key} null), or a clash for the agent.
     */
    private record Merge(String key, CompletableFuture<Outcome> answer, TicketView theirs, boolean clash) {
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
        this.server = server;
        this.profilesRoot = profilesRoot;
        this.clock = clock;
        this.wait = wait;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30)).build();
        this.state = new SyncState(clock, this::status);
        this.background = new Background(this);
    }

    // ---- sign-in -------------------------------------------------------------------------------

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public LoginResponse login(String username, String password) {
        Profile current = profile;
        if (current != null && !current.username.equals(username)) {
            // another agent signs in: the last one's writes stop before this one's session exists
            closeProfile();
        }
        LoginResponse r = server.login(username, password);
        state.reached();
        credentials = new Credentials(username, password);
        lastSignIn = clock.instant();
        me = r.agent();
        Profile p = openProfile(username, r.agent().id());
        if (p != null) {
            keep(() -> p.cache.putValue("me", r.agent()));
            p.sender.wake();
            background.rebuildConflicts();
            if (!p.cache.ids(LocalCache.CUSTOMER).isEmpty()) {
                background.resync(); // what the desktop held may have changed while it was closed
            }
        }
        return r;
    }

    @Override
    public void logout() {
        credentials = null;
        server.logout();
    }

    private synchronized void closeProfile() {
        Profile current = profile;
        profile = null;
        conflicts.clear();
        ownSteps.clear();
        if (current != null) {
            current.close();
        }
    }

    private synchronized Profile openProfile(String username, long agentId) {
        Profile current = profile;
        if (current != null && current.username.equals(username)) {
            return current;
        }
        if (current != null) {
            closeProfile();
        }
        Path dir = profilesRoot.resolve(username.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + agentId);
        LocalCache cache = null;
        Outbox outbox = null;
        try {
            ownerOnly(dir);
            cache = LocalCache.open(dir.resolve("cache"), clock);
            outbox = Outbox.open(dir.resolve("outbox"), clock);
            outbox.purgeSent(clock.instant().minus(Duration.ofDays(1)));
            LocalCache held = cache;
            ProvisionalIds ids = new ProvisionalIds(outbox, json,
                    n -> held.get(LocalCache.PLACEHOLDER, n, Long.class));
            java.util.concurrent.atomic.AtomicReference<Profile> self = new java.util.concurrent.atomic.AtomicReference<>();
            // the sender speaks for this profile's agent only: no token once another profile took over
            OutboxSender sender = new OutboxSender(outbox, http, server.baseUrl(),
                    () -> profile != null && profile == self.get() ? server.token() : null, clock,
                    new SenderListener(), e -> ownVersion(ids.prepare(e)));
            profile = new Profile(username, cache, outbox, sender, ids);
            self.set(profile);
            sender.wake();
            state.changed();
            return profile;
        } catch (RuntimeException e) {
            // another desktop on this computer holds the same agent's files: work without them
            LOG.log(System.Logger.Level.WARNING, "working without the offline store of " + username + ": " + e.getMessage());
            if (outbox != null) {
                outbox.close();
            }
            if (cache != null) {
                cache.close();
            }
            return null;
        }
    }

    /** The profile's folder, readable by this user only where the file system says who may read. */
    private static void ownerOnly(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | java.io.IOException notPosix) {
            // Windows: the folder lives in the user's own profile
        }
    }

    /**
     * Signs in again with this shift's credentials (the server restarted and forgot the session). One
     * sign-in at a time: a caller that finds one just done uses it.
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
            me = r.agent();
            lastSignIn = clock.instant();
            state.reached();
            Profile p = profile;
            if (p != null) {
                p.sender.wake();
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
                pending = p.outbox.pendingCount();
                descriptions = p.outbox.pending(5).stream().map(OutboxEntry::description).toList();
                failed = p.outbox.failed().stream().filter(e -> !conflicts.containsKey(e.id()))
                        .map(e -> new FailedWrite(e.id(), e.description(), e.lastError(), e.createdAt())).toList();
            } catch (RuntimeException closed) {
                // the profile closed under us (another agent signed in): report it as empty
            }
        }
        List<TicketConflict> open = conflicts.values().stream()
                .sorted(java.util.Comparator.comparingLong(TicketConflict::id)).toList();
        return new SyncStatus(state.online(), state.offlineSince(), state.lastSync(), pending, descriptions, failed, open,
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
            p.sender.wake();
        }
        background.probeNow();
    }

    @Override
    public void resolve(TicketConflict conflict, TicketUpdateRequest merged) {
        Profile p = profile;
        if (p == null || conflicts.remove(conflict.id()) == null) {
            return;
        }
        p.outbox.dismiss(conflict.id());
        if (merged != null) {
            p.outbox.add("PATCH", "/api/v1/tickets/" + conflict.ticketId(), merged,
                    "Merged change to ticket T-" + conflict.ticketId(), conflict.theirs());
            p.sender.wake();
        }
        state.changed();
    }

    @Override
    public void discard(TicketConflict conflict) {
        resolve(conflict, null);
    }

    @Override
    public void dismiss(FailedWrite failed) {
        Profile p = profile;
        if (p != null) {
            p.outbox.dismiss(failed.id());
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
    public List<QueueEntryView> queue() {
        return server.queue(); // who waits is only known live
    }

    @Override
    public List<ScreenPop> activeWork() {
        return withPendingWrites(read(server::activeWork, v -> {
            cache().putValue("work", v);
            v.forEach(this::remember);
        }, () -> cache().values("work", ScreenPop.class)));
    }

    /**
     * The agent's work as it will be once the waiting writes are sent: a contact ended on this desktop
     * is in wrap-up, one wrapped up is finished, even while the server still has them as they were.
     */
    private List<ScreenPop> withPendingWrites(List<ScreenPop> work) {
        Profile p = profile;
        if (p == null || work == null || p.outbox.pendingCount() == 0) {
            return work;
        }
        java.util.Set<Long> ended = new java.util.HashSet<>();
        java.util.Set<Long> finished = new java.util.HashSet<>();
        for (OutboxEntry e : p.outbox.pending()) {
            Matcher m = INTERACTION_PATH.matcher(e.path());
            if (m.matches()) {
                long id = Long.parseLong(m.group(1));
                if ("wrap-up".equals(m.group(2))) {
                    finished.add(id);
                } else if ("end".equals(m.group(2))) {
                    ended.add(id);
                }
            }
        }
        List<ScreenPop> shown = new ArrayList<>();
        for (ScreenPop pop : work) {
            InteractionView i = pop.interaction();
            if (i != null && finished.contains(i.id())) {
                continue;
            }
            if (i != null && ended.contains(i.id()) && i.state() == InteractionState.ACTIVE) {
                pop = new ScreenPop(Optimistic.ended(i, clock.instant()), pop.match(), pop.customer(), pop.candidates(),
                        pop.openTickets(), pop.recent());
            }
            shown.add(pop);
        }
        return shown;
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
            v.items().forEach(this::remember);
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
        return read(() -> server.openTickets(real), v -> v.forEach(this::remember), cached);
    }

    @Override
    public TicketView ticket(long id) {
        long real = realId(id);
        if (real < 0) {
            return cache().get(LocalCache.TICKET, real, TicketView.class).orElseThrow(() -> notFound("ticket", id));
        }
        return read(() -> server.ticket(real), this::remember, () -> cache().get(LocalCache.TICKET, real, TicketView.class));
    }

    @Override
    public InteractionView interaction(long id) {
        long real = realId(id);
        if (real < 0) {
            return cache().get(LocalCache.INTERACTION, real, InteractionView.class)
                    .orElseThrow(() -> notFound("interaction", id));
        }
        return read(() -> server.interaction(real), this::remember,
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
        return p == null || id >= 0 ? id : p.ids.real(id).orElse(id);
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
            keep(() -> keep.accept(value));
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
        return write("PUT", "/api/v1/me/state", new StateRequest(wanted, reasonCode),
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
        return write("POST", "/api/v1/customers", request, "New customer " + name, null, CustomerSummary.class,
                () -> server.createCustomer(request), placeholder -> {
                    CustomerSummary c = Optimistic.customer(placeholder, request);
                    cache().putCustomer(c);
                    if (request.interactionId() != null) {
                        cachedInteraction(request.interactionId())
                                .ifPresent(i -> remember(Optimistic.linked(i, placeholder)));
                    }
                    return c;
                });
    }

    @Override
    public TicketView createTicket(NewTicketRequest request) {
        return write("POST", "/api/v1/tickets", request, "New ticket \"" + request.subject() + "\"", null,
                TicketView.class, () -> server.createTicket(request), placeholder -> {
                    TicketView t = Optimistic.created(placeholder, request, me, clock.instant());
                    remember(t);
                    return t;
                });
    }

    @Override
    public TicketView updateTicket(long id, TicketUpdateRequest request) {
        TicketView base = baseOf(id, request.version());
        return write("PATCH", "/api/v1/tickets/" + id, request, "Change to ticket T-" + id, base, TicketView.class,
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
    public TicketView addNote(long ticketId, String body) {
        return write("POST", "/api/v1/tickets/" + ticketId + "/notes", new NoteRequest(body),
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
        return write("POST", "/api/v1/interactions/" + interactionId + "/end", Map.of(),
                "End of contact " + interactionId, null, InteractionView.class, () -> server.end(interactionId),
                placeholder -> remembered(Optimistic.ended(cachedInteraction(interactionId)
                        .orElseGet(() -> Optimistic.unknown(interactionId, InteractionState.ACTIVE, clock.instant())),
                        clock.instant())));
    }

    @Override
    public InteractionView wrapUp(long interactionId, WrapUpRequest request) {
        return write("POST", "/api/v1/interactions/" + interactionId + "/wrap-up", request,
                "Wrap-up of contact " + interactionId + (request.disposition() == null ? "" : " (" + request.disposition() + ")"),
                null, InteractionView.class, () -> server.wrapUp(interactionId, request),
                placeholder -> remembered(Optimistic.wrappedUp(cachedInteraction(interactionId)
                        .orElseGet(() -> Optimistic.unknown(interactionId, InteractionState.WRAP_UP, clock.instant())),
                        request, clock.instant())));
    }

    @Override
    public InteractionView linkCustomer(long interactionId, long customerId) {
        return write("PUT", "/api/v1/interactions/" + interactionId + "/customer", new LinkCustomerRequest(customerId),
                "Customer of contact " + interactionId, null, InteractionView.class,
                () -> server.linkCustomer(interactionId, customerId),
                placeholder -> remembered(Optimistic.linked(cachedInteraction(interactionId)
                        .orElseThrow(WriteQueuedException::new), customerId)));
    }

    @Override
    public InteractionView scheduleCallback(NewCallbackRequest request) {
        return write("POST", "/api/v1/callbacks", request, "Callback to " + request.number(), null,
                InteractionView.class, () -> server.scheduleCallback(request),
                placeholder -> Optimistic.callback(placeholder, request, clock.instant()));
    }

    @Override
    public MessageView sendMessage(long interactionId, SendMessageRequest request) {
        return write("POST", "/api/v1/interactions/" + interactionId + "/messages", request,
                "Answer on contact " + interactionId, null, MessageView.class,
                () -> server.sendMessage(interactionId, request),
                placeholder -> Optimistic.answer(placeholder, interactionId, me, request, clock.instant()));
    }

    @Override
    public MessageView emailTranscript(long interactionId, TranscriptRequest request) {
        return write("POST", "/api/v1/interactions/" + interactionId + "/transcript", request,
                "Transcript of chat " + interactionId, null, MessageView.class,
                () -> server.emailTranscript(interactionId, request),
                placeholder -> Optimistic.answer(placeholder, interactionId, me,
                        new SendMessageRequest(request.clientKey(), "Chat transcript"), clock.instant()));
    }

    /** A write queued by an agent who cannot be shown a result: shown as what it will be. */
    @FunctionalInterface
    private interface Placeholder<T> {
        T apply(long placeholderId);
    }

    /**
     * Stores the write in the outbox, wakes the sender, and waits a little for the server's answer:
     * its result, its refusal (thrown as {@link ApiException}), or, when the server does not answer
     * in time, {@code queued} with the placeholder id of this entry. A ticket change refused because a
     * colleague changed the ticket first is merged (by the background) and the merged change's answer
     * is the answer; a clash is thrown as the 409 and waits for the agent as a conflict.
     */
    private <T> T write(String method, String path, Object body, String description, Object context, Class<T> type,
                        Supplier<T> direct, Placeholder<T> queued) {
        Profile p = profile;
        if (p == null) {
            return direct.get();
        }
        String key = UUID.randomUUID().toString();
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        waiters.put(key, answer); // listening before the sender can see the entry
        OutboxEntry e;
        try {
            e = p.outbox.add(method, path, body, description, context, key);
        } catch (RuntimeException failed) {
            waiters.remove(key);
            throw failed;
        }
        state.changed();
        p.sender.wake();
        Outcome outcome = await(key, answer);
        while (outcome instanceof Outcome.Refused r && isVersionConflict(e, r.status, r.json)) {
            Merge merge = awaitMerge(key);
            if (merge == null) {
                outcome = new Outcome.Queued(); // merged later, or a conflict for the agent
                break;
            }
            if (merge.clash || merge.key == null) {
                if (merge.clash) {
                    throw new ApiException(r.status, error(r));
                }
                return type.cast(merge.theirs); // both sides arrived at the same ticket
            }
            key = merge.key;
            outcome = await(key, merge.answer);
        }
        if (outcome instanceof Outcome.Sent sent) {
            return parse(sent.json, json.constructType(type));
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw new ApiException(refused.status, error(refused));
        }
        synchronized (answers) {
            // the answer may have come just now: then it is the answer, not a stand-in
            OutboxEntry now = p.outbox.entry(e.id()).orElse(e);
            if (now.state() == OutboxEntry.State.SENT && e.key().equals(key)) {
                return parse(p.outbox.response(e.id()).orElse("null"), json.constructType(type));
            }
            return queued.apply(ProvisionalIds.placeholder(e.id()));
        }
    }

    /** The write's answer if it comes within the wait (at once when offline), else null for queued. */
    private Outcome await(String key, CompletableFuture<Outcome> answer) {
        Outcome outcome;
        try {
            outcome = state.online() ? answer.get(wait.toMillis(), TimeUnit.MILLISECONDS) : answer.getNow(null);
        } catch (TimeoutException | ExecutionException ex) {
            outcome = null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            outcome = null;
        }
        if (outcome == null && !answer.complete(new Outcome.Queued())) {
            outcome = answer.join(); // the answer came just as the wait ended
        }
        waiters.remove(key);
        return outcome;
    }

    private Merge awaitMerge(String refusedKey) {
        CompletableFuture<Merge> merge = merges.get(refusedKey);
        if (merge == null) {
            return null;
        }
        try {
            return merge.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            merges.remove(refusedKey);
        }
    }

    private boolean isVersionConflict(OutboxEntry e, int status, String responseJson) {
        if (status != 409 || !"PATCH".equals(e.method())) {
            return false;
        }
        Matcher m = TICKET_PATH.matcher(e.path());
        return m.matches() && m.group(2) == null && "version_conflict".equals(errorCode(responseJson));
    }

    private String errorCode(String responseJson) {
        if (responseJson == null) {
            return null;
        }
        try {
            ApiError error = json.readValue(responseJson, ApiError.class);
            return error == null ? null : error.error();
        } catch (IOException notOurs) {
            return null;
        }
    }

    private ApiError error(Outcome.Refused r) {
        if (r.json != null) {
            try {
                ApiError e = json.readValue(r.json, ApiError.class);
                if (e != null && e.error() != null) {
                    return e;
                }
            } catch (IOException ignored) {
                // not our JSON
            }
        }
        return new ApiError("refused", r.message, null);
    }

    /**
     * A ticket change carries the version the agent saw. When only this desktop's own earlier writes
     * (a note, another change) moved the ticket on since, nobody else changed it: the change is sent
     * against the version those writes left, instead of being refused and merged.
     */
    private OutboxEntry ownVersion(OutboxEntry e) {
        if (!"PATCH".equals(e.method()) || e.bodyJson() == null) {
            return e;
        }
        Matcher m = TICKET_PATH.matcher(e.path());
        if (!m.matches() || m.group(2) != null) {
            return e;
        }
        java.util.Set<Long> steps = ownSteps.get(Long.parseLong(m.group(1)));
        if (steps == null) {
            return e;
        }
        TicketUpdateRequest r = parse(e.bodyJson(), json.constructType(TicketUpdateRequest.class));
        if (r.version() == null) {
            return e;
        }
        long v = r.version();
        while (steps.contains(v)) {
            v++;
        }
        if (v == r.version()) {
            return e;
        }
        try {
            String body = json.writeValueAsString(new TicketUpdateRequest(r.subject(), r.status(), r.priority(), v,
                    r.linkInteractionId()));
            return new OutboxEntry(e.id(), e.key(), e.method(), e.path(), body, e.description(), e.createdAt(),
                    e.attempts(), e.state(), e.lastError(), e.nextAttemptAt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return e;
        }
    }

    private void ownStep(OutboxEntry e, String responseJson) {
        Matcher m = TICKET_PATH.matcher(e.path());
        if (m.matches() && responseJson != null) {
            TicketView t = parse(responseJson, json.constructType(TicketView.class));
            ownSteps.computeIfAbsent(t.id(), k -> ConcurrentHashMap.newKeySet()).add(t.version() - 1);
        }
    }

    /** What the sender reports, on its own thread. */
    private final class SenderListener implements OutboxSender.Listener {
        @Override
        public void sent(OutboxEntry e, int status, String responseJson) {
            reached();
            synchronized (answers) {
                keep(() -> ownStep(e, responseJson));
                keep(() -> rememberAnswer(e, responseJson));
            }
            CompletableFuture<Outcome> w = waiters.get(e.key());
            if (w != null) {
                w.complete(new Outcome.Sent(responseJson));
            }
            state.changed();
        }

        @Override
        public void failed(OutboxEntry e, int status, String message, String responseJson) {
            reached();
            if (isVersionConflict(e, status, responseJson)) {
                merges.putIfAbsent(e.key(), new CompletableFuture<>()); // before the caller hears of the 409
                background.conflict(e);
            }
            CompletableFuture<Outcome> w = waiters.get(e.key());
            if (w != null) {
                w.complete(new Outcome.Refused(status, message, responseJson));
            }
            state.changed();
        }

        @Override
        public void waiting(int pending, String lastError) {
            if (lastError != null && lastError.startsWith("no answer")) {
                lost(lastError);
            } else if (lastError != null && lastError.startsWith("HTTP 401")) {
                background.signInAgain();
            }
            // whoever waits on a write now sees it queued
            waiters.values().forEach(w -> w.complete(new Outcome.Queued()));
            state.changed();
        }
    }

    /**
     * A ticket change the server refused with 409 because the ticket moved on: fetches the ticket as
     * it is now and merges three ways against the ticket as the agent saw it (stored with the entry).
     * What merges on its own is sent again at once; a clash waits for the agent as a conflict. Runs on
     * the background thread; throws {@link ServerUnreachableException} to be tried again later.
     */
    void onConflict(OutboxEntry e) {
        Profile p = profile;
        Matcher m = TICKET_PATH.matcher(e.path());
        if (p == null || !m.matches() || conflicts.containsKey(e.id())
                || p.outbox.failed().stream().noneMatch(f -> f.id() == e.id())) {
            merges.remove(e.key());
            return; // gone, put away by the agent, or already waiting for them
        }
        long ticketId = Long.parseLong(m.group(1));
        TicketUpdateRequest mine = parse(e.bodyJson(), json.constructType(TicketUpdateRequest.class));
        TicketView base = p.outbox.context(e.id()).map(c -> (TicketView) parse(c, json.constructType(TicketView.class)))
                .orElse(null);
        TicketView theirs = server.ticket(ticketId);
        remember(theirs);
        // without the ticket as the agent saw it, every field that differs is the agent's to choose
        TicketConflict merge = TicketConflict.merge(e.id(), base, theirs, mine);
        Merge outcome;
        if (merge.fields().isEmpty()) {
            TicketUpdateRequest merged = merge.resolve(Map.of());
            p.outbox.dismiss(e.id());
            if (merged != null) {
                String key = UUID.randomUUID().toString();
                CompletableFuture<Outcome> answer = new CompletableFuture<>();
                waiters.put(key, answer);
                p.outbox.add("PATCH", e.path(), merged, e.description() + " (merged)", theirs, key);
                p.sender.wake();
                outcome = new Merge(key, answer, theirs, false);
            } else {
                outcome = new Merge(null, null, theirs, false);
            }
        } else {
            conflicts.put(e.id(), merge);
            outcome = new Merge(null, null, theirs, true);
        }
        CompletableFuture<Merge> waiting = merges.get(e.key());
        if (waiting == null || !waiting.complete(outcome)) {
            merges.remove(e.key());
            if (outcome.answer != null) {
                // nobody waits for the merged change's answer: it goes out with the rest
                waiters.remove(outcome.key);
            }
        }
        state.changed();
    }

    /** Refused ticket changes from an earlier run that were not put away: conflicts again. */
    List<OutboxEntry> refusedTicketChanges() {
        Profile p = profile;
        if (p == null) {
            return List.of();
        }
        List<OutboxEntry> refused = new ArrayList<>();
        for (OutboxEntry e : p.outbox.failed()) {
            if (isVersionConflict(e, 409, p.outbox.response(e.id()).orElse(null))) {
                refused.add(e);
            }
        }
        return refused;
    }

    // ---- what is kept --------------------------------------------------------------------------

    private LocalCache cache() {
        Profile p = profile;
        if (p == null) {
            throw new IllegalStateException("no agent is signed in");
        }
        return p.cache;
    }

    private void keep(Runnable r) {
        if (profile == null) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep a copy for working offline: " + e.getMessage());
        }
    }

    void remember(ScreenPop pop) {
        keep(() -> {
            remember(pop.interaction());
            if (pop.customer() != null) {
                cache().putCustomer(pop.customer());
            }
            if (pop.candidates() != null) {
                pop.candidates().forEach(cache()::putCustomer);
            }
            if (pop.openTickets() != null) {
                pop.openTickets().forEach(this::remember);
            }
            if (pop.recent() != null) {
                pop.recent().forEach(this::remember);
            }
        });
    }

    void remember(InteractionView i) {
        keep(() -> cache().put(LocalCache.INTERACTION, i.id(), i, i.customerId(), null, null));
    }

    void remember(TicketView t) {
        history.put(t);
        keep(() -> cache().put(LocalCache.TICKET, t.id(), t, t.customerId(), null, t.version()));
    }

    void remember(CustomerSummary c) {
        keep(() -> cache().putCustomer(c));
    }

    /** Keeps a ticket from the stream only when the desktop holds its customer. */
    void rememberIfHeld(TicketView t) {
        keep(() -> {
            if (cache().get(LocalCache.CUSTOMER, t.customerId(), CustomerSummary.class).isPresent()
                    || cache().get(LocalCache.TICKET, t.id(), TicketView.class).isPresent()) {
                remember(t);
            }
        });
    }

    void rememberMe(AgentView v) {
        me = v;
        keep(() -> cache().putValue("me", v));
    }

    AgentView currentAgent() {
        return me;
    }

    private InteractionView remembered(InteractionView i) {
        remember(i);
        return i;
    }

    private Optional<InteractionView> cachedInteraction(long id) {
        return profile == null ? Optional.empty() : cache().get(LocalCache.INTERACTION, id, InteractionView.class);
    }

    /** The ticket as the agent saw it at {@code version}, or the copy held (null when neither). */
    private TicketView baseOf(long id, Long version) {
        if (version != null) {
            TicketView seen = history.get(id, version);
            if (seen != null) {
                return seen;
            }
        }
        return profile == null ? null : cache().get(LocalCache.TICKET, id, TicketView.class).orElse(null);
    }

    /** Updates the copy with what the server answered a write sent from the outbox. */
    private void rememberAnswer(OutboxEntry e, String responseJson) {
        if (responseJson == null || responseJson.isBlank()) {
            return;
        }
        String path = e.path();
        if (TICKET_PATH.matcher(path).matches()) {
            remember((TicketView) parse(responseJson, json.constructType(TicketView.class)));
        } else if ("/api/v1/tickets".equals(path)) {
            TicketView t = parse(responseJson, json.constructType(TicketView.class));
            remember(t);
            placeholderIs(e, t.id(), LocalCache.TICKET);
        } else if ("/api/v1/customers".equals(path)) {
            CustomerSummary c = parse(responseJson, json.constructType(CustomerSummary.class));
            remember(c);
            placeholderIs(e, c.id(), LocalCache.CUSTOMER);
        } else if ("/api/v1/me/state".equals(path)) {
            rememberMe(parse(responseJson, json.constructType(AgentView.class)));
        } else if ("/api/v1/callbacks".equals(path)) {
            InteractionView i = parse(responseJson, json.constructType(InteractionView.class));
            remember(i);
            placeholderIs(e, i.id(), LocalCache.INTERACTION);
        } else if (INTERACTION_PATH.matcher(path).matches()) {
            remember((InteractionView) parse(responseJson, json.constructType(InteractionView.class)));
        }
    }

    /** The record entry {@code e} made offline now has the server's id: the placeholder's stand-in goes. */
    private void placeholderIs(OutboxEntry e, long realId, String kind) {
        cache().put(LocalCache.PLACEHOLDER, e.id(), realId, null, null, null);
        cache().remove(kind, ProvisionalIds.placeholder(e.id()));
    }

    private <T> T parse(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("the server's answer is not what was expected: " + e.getMessage(), e);
        }
    }

    /** The stream could not replay a gap: bring what the desktop holds up to date. */
    void resyncHeld() {
        background.resync();
    }

    LocalCache heldCache() {
        Profile p = profile;
        return p == null ? null : p.cache;
    }

    SyncState state() {
        return state;
    }

    HttpSwitchboardApi server() {
        return server;
    }

    void reached() {
        if (state.reached()) {
            Profile p = profile;
            if (p != null) {
                p.sender.wake();
            }
            background.backOnline();
        }
    }

    void lost(String reason) {
        state.lost(reason);
        background.probeSoon();
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(404, new ApiError("not_found", what + " " + id + " does not exist", null));
    }

    // ---- live operations, straight to the server -----------------------------------------------

    @Override
    public InteractionView accept(long interactionId) {
        return live(() -> server.accept(interactionId));
    }

    @Override
    public InteractionView reject(long interactionId) {
        return live(() -> server.reject(interactionId));
    }

    @Override
    public InteractionView transfer(long interactionId, TransferRequest request) {
        return live(() -> server.transfer(interactionId, request));
    }

    @Override
    public InteractionView callback(long interactionId, CallbackRequest request) {
        return live(() -> server.callback(interactionId, request));
    }

    @Override
    public IngestResponse ingest(IngestRequest request) {
        return live(() -> server.ingest(request));
    }

    @Override
    public CallView call(long interactionId) {
        return live(() -> server.call(interactionId));
    }

    @Override
    public CallView hold(long interactionId, boolean on) {
        return live(() -> server.hold(interactionId, on));
    }

    @Override
    public CallView mute(long interactionId, boolean on) {
        return live(() -> server.mute(interactionId, on));
    }

    @Override
    public CallView consult(long interactionId, ConsultRequest request) {
        return live(() -> server.consult(interactionId, request));
    }

    @Override
    public CallView completeConsult(long interactionId) {
        return live(() -> server.completeConsult(interactionId));
    }

    @Override
    public CallView conference(long interactionId) {
        return live(() -> server.conference(interactionId));
    }

    @Override
    public CallView cancelConsult(long interactionId) {
        return live(() -> server.cancelConsult(interactionId));
    }

    @Override
    public CallView sendDigits(long interactionId, String digits) {
        return live(() -> server.sendDigits(interactionId, digits));
    }

    @Override
    public ScreenPop dial(DialRequest request) {
        return live(() -> server.dial(request));
    }

    @Override
    public PhoneView phone() {
        return live(server::phone);
    }

    @Override
    public void typing(long interactionId, boolean typing) {
        live(() -> {
            server.typing(interactionId, typing);
            return null;
        });
    }

    @Override
    public byte[] attachment(long attachmentId) {
        return live(() -> server.attachment(attachmentId));
    }

    private <T> T live(Supplier<T> call) {
        try {
            T v = call.get();
            reached();
            return v;
        } catch (ServerUnreachableException e) {
            lost(e.getMessage());
            throw e;
        }
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

    /** Tickets as the agent saw them, by id and version, so a refused change is merged against what they saw. */
    private static final class TicketHistory {
        private static final int LIMIT = 2000;
        private final Map<String, TicketView> seen = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, TicketView> eldest) {
                        return size() > LIMIT;
                    }
                });

        void put(TicketView t) {
            seen.put(t.id() + ":" + t.version(), t);
        }

        TicketView get(long id, long version) {
            return seen.get(id + ":" + version);
        }
    }

    static List<List<Long>> pages(List<Long> ids, int size) {
        List<List<Long>> pages = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            pages.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return pages;
    }
}
