package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.BusinessHours;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.routing.Router;
import dev.switchboard.server.cluster.ClusterNode;
import dev.switchboard.server.cluster.ClusterSettings;
import dev.switchboard.server.security.BodyLimits;
import dev.switchboard.server.security.RequestGuard;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.server.security.ServerTrust;
import dev.switchboard.server.sim.BenchCentre;
import dev.switchboard.server.sim.SimulatedAgents;
import dev.switchboard.server.sim.SimulatedCallers;
import dev.switchboard.server.sim.SimulatedPhones;
import dev.switchboard.server.sim.SimulatedPlatform;
import dev.switchboard.server.sim.SimulatedTexters;
import dev.switchboard.server.sim.TrafficSimulator;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.CampaignRecordStore;
import dev.switchboard.store.CampaignStore;
import dev.switchboard.store.DoNotCallStore;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.AuditStore;
import dev.switchboard.store.OrganisationStore;
import dev.switchboard.store.CaseStore;
import dev.switchboard.store.InsightStore;
import dev.switchboard.store.ContactLegStore;
import dev.switchboard.store.IdempotencyStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.LoginAttemptStore;
import dev.switchboard.store.MessageStore;
import dev.switchboard.store.RoutingStore;
import dev.switchboard.store.SessionStore;
import dev.switchboard.store.SettingStore;
import dev.switchboard.store.TicketStore;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The central server, wired by hand: database, services, routing, the event stream, the REST API
 * and (optionally) the traffic simulator. Runs on its own ({@code server} mode) or inside the
 * desktop's process (the embedded default).
 */
public final class SwitchboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Database database;
    private final ContactService contacts;
    private final WorkDistributor work;
    private final VoiceService voice;
    private final EventHub hub;
    private final ConversationService conversations;
    private final EmailInbox emailInbox;
    private final LiveConversations live;
    private final CaseService caseService;
    private final TicketService ticketService;
    private final TextChannels text;
    private final Javalin javalin;
    private ClusterNode cluster;
    private final String baseUrl;

    private SwitchboardServer(ServerOptions o, StartupProgress progress, SecurityOptions security,
                              ClusterSettings clusterSettings) {
        database = o.dataDir() != null ? Database.h2File(o.dataDir())
                : o.jdbcUrl() != null ? Database.jdbc(o.jdbcUrl(), o.jdbcUser(), o.jdbcPassword())
                : Database.h2Memory(o.memoryDb());
        resources.add(database);
        try {
            var ds = database.dataSource();
            AgentStore agents = new AgentStore(ds);
            CustomerStore customers = new CustomerStore(ds);
            InteractionStore interactions = new InteractionStore(ds);
            TicketStore tickets = new TicketStore(ds);
            SettingStore settings = new SettingStore(ds);

            RoutingStore routingStore = new RoutingStore(ds);
            OrganisationStore organisation = new OrganisationStore(ds);
            DemoAccounts.seed(agents, routingStore, organisation, o.simulatorEvery() != null || o.benchQueues() > 0
                    || o.simulatedPhones() ? o.simulatedAgents() : DemoAccounts.SIMULATED.size(), o.benchAgents(), o.demoSeed());
            BenchCentre.seed(routingStore, agents, o.benchQueues(), o.demoSeed());
            if (o.demoCustomers() > 0 && customers.count() == 0) {
                List<Long> agentIds = agents.all().stream().map(Agent::id).toList();
                DemoSeed.generate(ds, o, agentIds, progress);
            }

            ObjectMapper strict = Json.strict();
            ObjectMapper out = Json.lenient();
            AddressNormalizer normalizer = new AddressNormalizer(o.region());
            List<ContactQueue> queues = routingStore.queues().stream().map(q -> o.offerTimeout() == null ? q
                    : new ContactQueue(q.id(), q.name(), q.requiredSkills(), q.priority(), q.slPercent(), q.slThreshold(),
                    o.offerTimeout(), q.wrapUpRequired(), q.wrapUpTimeout())).toList();
            Views views = new Views(normalizer, queues);
            // a few workers; more join only beside workers stuck on a client that stopped reading
            DeliveryPool delivery = new DeliveryPool(4, 256);
            resources.add(delivery);
            hub = new EventHub(out, 100_000, delivery, () -> settings.reserveSequenceBlock(10_000), 10_000);
            resources.add(hub);
            ProgressWriter writer = new ProgressWriter(interactions, routingStore);
            resources.add(writer);
            interactions.unwrittenFrom(writer::pending);
            AgentPresence presence = new AgentPresence(hub, writer, o.clock());
            work = new WorkDistributor(new Router(o.clock()), queues, writer, presence, hub, views, o.clock());
            resources.add(work);
            ScreenPopBuilder pops = new ScreenPopBuilder(customers, interactions, tickets, views);
            contacts = new ContactService(normalizer, routingStore, customers, interactions, pops, work, hub, views,
                    o.clock());
            if (clusterSettings != null) {
                // before recovery, so that it leaves contacts another node has offered to that node's claim
                cluster = ClusterNode.join(clusterSettings, database, work, hub, contacts::popOf);
                resources.add(cluster);
            }
            long fallbackQueue = queues.get(0).id();
            work.recover(interactions.unfinished().stream().map(i -> i.routing().queueId() != null ? i
                    : i.withRouting(i.routing().inQueue(routingStore.defaultQueue(i.channel()).orElse(fallbackQueue),
                    0, i.createdAt(), null))).toList(), contacts::popOf);
            CustomerService customerService = new CustomerService(normalizer, customers, interactions, tickets, views,
                    o.clock());
            CaseStore caseStore = new CaseStore(ds);
            caseService = new CaseService(caseStore, java.time.ZoneId.systemDefault(), java.time.LocalTime.of(9, 0),
                    java.time.LocalTime.of(17, 0), o.clock());
            java.util.function.Supplier<List<dev.switchboard.domain.Agent>> people =
                    readAtMostEvery(java.time.Duration.ofSeconds(30), agents::all);
            caseService.namesFrom(id -> people.get().stream().filter(a -> a.id() == id).findFirst()
                    .or(() -> agents.find(id)).map(dev.switchboard.domain.Agent::displayName).orElse(null));
            views.useCases(caseService::view);
            ticketService = new TicketService(tickets, caseStore, caseService, customers, interactions, agents, hub,
                    views, o.clock());
            TicketService escalating = ticketService;
            java.util.concurrent.ScheduledExecutorService escalation = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "ticket-escalation");
                        t.setDaemon(true);
                        return t;
                    });
            escalation.scheduleWithFixedDelay(() -> {
                try {
                    escalating.escalate();
                } catch (RuntimeException e) {
                    LOG.warn("ticket escalation round failed: {}", e.getMessage());
                }
            }, 5, 30, java.util.concurrent.TimeUnit.SECONDS);
            resources.add(escalation::shutdownNow);
            AuthService auth = new AuthService(agents, new LoginAttemptStore(ds), new SessionStore(ds),
                    security.sessions(), o.clock());
            auth.onLastSessionEnded(agent -> {
                if (agent.role().takesContacts()) {
                    work.signOut(agent);
                }
            });
            // a session signed in on another node or before a restart: this node's routing takes the
            // agent as a sign-in would
            auth.onSessionResumed(s -> {
                if (s.agent().role().takesContacts()) {
                    boolean outbound = s.agent().role() == dev.switchboard.domain.Role.OUTBOUND_AGENT;
                    work.signIn(s.agent(), outbound ? java.util.Map.of() : routingStore.skills(s.agentId()),
                            routingStore.capacity(s.agentId()), s.agent().role() == dev.switchboard.domain.Role.AGENT);
                }
            });
            resources.add(auth.startRechecking());
            EventStreamResource events = new EventStreamResource(hub, out, auth::isLive, o.clock());
            resources.add(events);
            auth.onSessionEnded(events::endStreams);
            RoutingService routingService = new RoutingService(routingStore, agents, customers, interactions, work,
                    ticketService, normalizer, o.clock());
            if (cluster != null) {
                cluster.shareCodes(routingService);
            }
            voice = new VoiceService(o.sip(), contacts, work, interactions, agents, hub, o.clock());
            try {
                voice.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            resources.add(voice);
            Idempotency idempotency = new Idempotency(new IdempotencyStore(ds), o.clock());
            idempotency.forgetOld();
            AuditStore auditStore = new AuditStore(ds);
            AuditTrail auditTrail = new AuditTrail(auditStore, o.clock());
            resources.add(auditTrail);
            Scopes scopes = new Scopes(agents, organisation);
            if (cluster != null) {
                cluster.shareOrganisation(scopes);
            }
            Routes routes = new Routes(auth, customerService, contacts, ticketService, work, events, hub,
                    routingService, routingStore, voice, idempotency, strict,
                    work -> database.together(() -> {
                        work.run();
                        return null;
                    }), scopes, auditTrail);
            AdminRoutes adminRoutes = new AdminRoutes(new AdminService(agents, routingStore, organisation, database, auth,
                    routingService, scopes, auditTrail, work), agents, auditStore, auditTrail, organisation, customers, scopes, strict);
            SupervisorService supervision = new SupervisorService(new SupervisorService.Sources(
                    routingService::queueViews, () -> work.waitingFor(0, true), readAtMostEvery(java.time.Duration.ofSeconds(5), agents::all),
                    work::stateOf, work::atWork, agents::teams),
                    new ContactLegStore(ds),
                    java.time.ZoneId.systemDefault(), o.clock());
            hub.tap(supervision::onEvent);
            hub.tapRemote(SupervisorService.remoteEventTypes(), supervision::onRemoteEvent);
            events.overseenBy(supervision::oversees);
            supervision.alsoAlert(caseService::alerts);
            CaseRoutes caseRoutes = new CaseRoutes(new CaseReports(caseStore, caseService, o.clock()),
                    new CustomerInsight(new InsightStore(ds), customers, o.clock()), scopes, strict);
            KnowledgeRoutes knowledgeRoutes = new KnowledgeRoutes(new KnowledgeService(
                    new dev.switchboard.store.KnowledgeStore(ds), contacts, tickets, customers, scopes, o.clock()), strict);
            supervision.publishTo(hub, java.time.Duration.ofMillis(500));
            resources.add(supervision::close);
            SupervisorRoutes supervisorRoutes = new SupervisorRoutes(supervision, work, agents, routingService,
                    auditStore, strict, o.clock());
            OutboundService outbound = new OutboundService(new CampaignStore(ds), new CampaignRecordStore(ds),
                    new DoNotCallStore(ds), customerService, voice, normalizer, o.region(), o.clock(), new InsightStore(ds));
            if (o.demoCustomers() > 0) {
                OutboundDemo.seed(outbound, customers, agents);
            }
            outbound.startDialler(voice.campaignLines(), hub);
            resources.add(outbound::stopDialler);
            OutboundRoutes outboundRoutes = new OutboundRoutes(outbound, strict);
            CustomerQuality quality = new CustomerQuality(normalizer, customers,
                    new dev.switchboard.store.CustomerMergeStore(ds), scopes, views);
            CustomerQualityRoutes customerQualityRoutes = new CustomerQualityRoutes(quality, auditTrail, strict);
            caseRoutes.duplicatesFrom((session, id) -> quality.duplicatesOf(session, id).stream()
                    .map(d -> d.customer().displayName() + ": " + String.join(", ", d.reasons())).toList());
            MessageStore messageStore = new MessageStore(ds);
            conversations = new ConversationService(messageStore, interactions, tickets, hub,
                    BusinessHours.weekdays(java.time.ZoneId.systemDefault()), o.clock());
            conversations.openCasesWith(now -> caseService.opened(dev.switchboard.domain.TicketKind.QUESTION,
                    dev.switchboard.domain.TicketPriority.NORMAL, null, null, null, null, now));
            work.listen(conversations);
            Replies replies = new Replies(conversations, messageStore, work, normalizer, java.time.ZoneId.systemDefault(),
                    o.clock());
            emailInbox = new EmailInbox(conversations, contacts, messageStore, interactions, tickets, customers,
                    o.clock());
            ticketService.acknowledgeWith((agent, interactionId, key, text) ->
                    replies.send(agent, interactionId, new dev.switchboard.api.SendMessageRequest(key, text)));
            live = new LiveConversations(conversations, contacts, messageStore, interactions, work, o.clock());
            ConversationRoutes conversationRoutes = new ConversationRoutes(conversations, replies, strict, contacts, scopes);
            ChannelSettings channelSettings = o.channels();
            SimulatedPlatform platform = null;
            if (o.simulatorEvery() != null) {
                // the demo's text traffic arrives for real: mail through a mail server in the process,
                // social messages as signed webhooks from a stand-in for the platform
                if (channelSettings.mailboxes().isEmpty()) {
                    channelSettings = channelSettings.withEmbeddedMail(true);
                }
                if (channelSettings.social() == null) {
                    platform = new SimulatedPlatform(out);
                    resources.add(platform);
                    channelSettings = channelSettings.withSocial(platform.settings());
                }
            }
            text = new TextChannels(channelSettings, emailInbox, live, out, o.clock());
            resources.add(text);
            conversations.useChannels(text);

            javalin = Javalin.create(config -> {
                config.jetty.host = o.host();
                config.jetty.port = o.port();
                config.jsonMapper(new JavalinJackson(out, false));
                // e-mail answers carry their attachments (12 MB at most) as base64 in JSON; other bodies are small
                BodyLimits.install(config);
                if (security.tls() != null) {
                    config.jetty.addConnector((server, http) -> security.tls().connector(server, http, o.host(), o.port()));
                }
                new RequestGuard(security.rateLimits(), auth::isLive, o.clock()).install(config);
                // every response holds an output buffer while it is open, and an event stream is open
                // for hours: 4 KiB each rather than 32 KiB (10,000 streams held 320 MB); big answers
                // are written in more pieces, no slower over a network
                config.jetty.modifyHttpConfiguration(http -> http.setOutputBufferSize(4096));
                config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorPages()));
                config.startup.showJavalinBanner = false;
                // first: GET /customers/{id} would otherwise take /customers/duplicates for an id
                customerQualityRoutes.install(config);
                routes.install(config);
                conversationRoutes.install(config);
                adminRoutes.install(config);
                supervisorRoutes.install(config);
                caseRoutes.install(config);
                knowledgeRoutes.install(config);
                outboundRoutes.install(config);
                text.install(config);
            }).start();
            resources.add(javalin::stop);
            String host = o.host().equals("0.0.0.0") ? "127.0.0.1" : o.host();
            baseUrl = (security.tls() != null ? "https://" : "http://") + host + ":" + javalin.port();
            ServerTrust selfTrust = security.selfTrust();
            text.start();
            if (platform != null) {
                platform.reportTo(baseUrl, selfTrust);
            }

            // simulated colleagues play the centre's other agents: with the demo's traffic, or for the
            // benchmark's centre, whose traffic comes from the benchmark over the API
            if (o.simulatorEvery() != null || o.benchQueues() > 0 || o.simulatedPhones()) {
                SimulatedAgents simAgents = new SimulatedAgents(agents.all().stream().filter(Agent::simulated)
                        .limit(o.simulatedAgents()).toList(), routingStore, work, routingService, hub,
                        o.simulatorEvery() != null ? replies : null, o.simHandle());
                resources.add(simAgents);
            }
            SimulatedCallers callers = null;
            if (o.simulatedPhones()) {
                callers = simulatePhones(o, agents);
            }
            if (o.simulatorEvery() != null) {
                SimulatedTexters texters = new SimulatedTexters(baseUrl, text.embeddedMail(), text.social(),
                        platform, o.demoSeed(), selfTrust);
                resources.add(texters);
                TrafficSimulator traffic = new TrafficSimulator(contacts, customers, work.queues(), o.demoSeed(),
                        o.simulatorEvery(), callers, texters);
                resources.add(traffic);
            }
            LOG.info("Switchboard server listening on {}", baseUrl);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Soft phones that register and answer for the simulated colleagues, the demo's agents and the
     * benchmark's accounts (they
     * also answer calls to outside numbers, as the trunk when none is set), and a carrier that
     * places the simulator's calls over SIP. Returns the carrier.
     */
    private SimulatedCallers simulatePhones(ServerOptions o, AgentStore agents) {
        String loopback = "127.0.0.1";
        String sipHost = o.sip().host().equals("0.0.0.0") ? loopback : o.sip().host();
        SimulatedPhones phones = new SimulatedPhones(sipHost, sipHost, voice.sipPort(), new SimulatedPhones.Listener() {
        });
        phones.answerNumbers(true);
        resources.add(phones);
        if (!voice.canCallOut()) {
            voice.useTrunk(sipHost + ":" + phones.port());
        }
        for (DemoAccounts.Account a : DemoAccounts.PEOPLE) {
            if (a.role().takesContacts()) {
                phones.register(a.username(), a.password());
            }
        }
        agents.all().stream().filter(Agent::simulated).limit(o.simulatedAgents())
                .forEach(a -> phones.register(a.username(), a.username()));
        // the benchmark's agents sign in from headless desktops; their phones are simulated too
        agents.all().stream().filter(a -> DemoAccounts.isBenchAccount(a.username()))
                .forEach(a -> phones.register(a.username(), a.username()));
        SimulatedCallers callers = new SimulatedCallers(sipHost, sipHost, voice.sipPort(), o.clock());
        resources.add(callers);
        return callers;
    }

    /**
     * Starts a server over plain http without rate limits; blocks until it listens (demo data is
     * generated first when the database is empty).
     */
    public static SwitchboardServer start(ServerOptions options) {
        return start(options, (phase, done, total) -> { });
    }

    /** As {@link #start(ServerOptions)}: plain http, no rate limits ({@link SecurityOptions#UNLIMITED}). */
    public static SwitchboardServer start(ServerOptions options, StartupProgress progress) {
        return start(options, progress, SecurityOptions.UNLIMITED);
    }

    /**
     * A server with its own TLS, rate and session settings. The other overloads, for tests and tools
     * inside one process, use plain http without rate limits; the commands pass theirs.
     */
    public static SwitchboardServer start(ServerOptions options, SecurityOptions security) {
        return start(options, (phase, done, total) -> { }, security);
    }

    public static SwitchboardServer start(ServerOptions options, StartupProgress progress, SecurityOptions security) {
        return new SwitchboardServer(options, progress, security, null);
    }

    /**
     * A server that is one node of several on one PostgreSQL database ({@code clusterNodeId}: its
     * name among them). It joins before it recovers what the database holds.
     */
    public static SwitchboardServer start(ServerOptions options, StartupProgress progress, SecurityOptions security,
                                          String clusterNodeId) {
        return new SwitchboardServer(options, progress, security,
                clusterNodeId == null ? null : ClusterSettings.of(clusterNodeId));
    }

    /** As {@link #start(ServerOptions, StartupProgress, SecurityOptions, String)}, with the node's liveness settings. */
    public static SwitchboardServer start(ServerOptions options, StartupProgress progress, SecurityOptions security,
                                          ClusterSettings cluster) {
        return new SwitchboardServer(options, progress, security, cluster);
    }

    /** This server's node in a cluster, if it is one. */
    public java.util.Optional<ClusterNode> cluster() {
        return java.util.Optional.ofNullable(cluster);
    }

    /** e.g. {@code http://127.0.0.1:41234}, or {@code https://...} with TLS */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return javalin.port();
    }

    public ContactService contacts() {
        return contacts;
    }

    public EventHub events() {
        return hub;
    }

    public ConversationService conversations() {
        return conversations;
    }

    public EmailInbox emailInbox() {
        return emailInbox;
    }

    public TextChannels text() {
        return text;
    }

    public LiveConversations live() {
        return live;
    }

    public VoiceService voice() {
        return voice;
    }

    /** The SIP port the gateway listens on (UDP). */
    public int sipPort() {
        return voice.sipPort();
    }

    public TicketService tickets() {
        return ticketService;
    }

    public CaseService cases() {
        return caseService;
    }

    public WorkDistributor work() {
        return work;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        // the reverse of the order they were started in: traffic stops first, the database closes last
        for (int i = resources.size() - 1; i >= 0; i--) {
            AutoCloseable r = resources.get(i);
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", r, e);
            }
        }
        resources.clear();
    }

    /**
     * A list read again only when the last read is older than {@code maxAge}: the supervisor's
     * dashboard, twice a second, need not read every agent from the database each time.
     */
    private static <T> java.util.function.Supplier<T> readAtMostEvery(java.time.Duration maxAge, java.util.function.Supplier<T> read) {
        var last = new java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<Long, T>>();
        return () -> {
            long now = System.nanoTime();
            java.util.Map.Entry<Long, T> held = last.get();
            if (held != null && now - held.getKey() < maxAge.toNanos()) {
                return held.getValue();
            }
            T fresh = read.get();
            last.set(java.util.Map.entry(now, fresh));
            return fresh;
        };
    }
}
