package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.TicketLinkRequest;
import dev.switchboard.api.TicketMergeRequest;
import dev.switchboard.api.TicketSplitRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.LinkCustomerRequest;
import dev.switchboard.api.LoginRequest;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.api.SkillView;
import dev.switchboard.api.StateRequest;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.api.CallControlRequest;
import dev.switchboard.api.ConsultRequest;
import dev.switchboard.api.DialRequest;
import dev.switchboard.api.PhonePasswordRequest;
import dev.switchboard.api.DigitsRequest;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Role;
import dev.switchboard.store.RoutingStore;
import dev.switchboard.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Every route of the server, in one place. Everything under {@code /api/v1} except login needs
 * {@code Authorization: Bearer <token>}. Errors are {@code {"error", "message", "field"}} with a 4xx
 * status; an unexpected failure is a 500 with no detail beyond a reference in the log.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final String SESSION = "session";

    private final AuthService auth;
    private final CustomerService customers;
    private final ContactService contacts;
    private final TicketService tickets;
    private final WorkDistributor work;
    private final EventStreamResource events;
    private final EventHub hub;
    private final RoutingService routing;
    private final RoutingStore routingStore;
    private final VoiceService voice;
    private final Requests requests;
    private final Idempotency idempotency;
    private final BatchWrites writes;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final java.util.function.Consumer<Runnable> together;

    public Routes(AuthService auth, CustomerService customers, ContactService contacts, TicketService tickets,
                  WorkDistributor work, EventStreamResource events, EventHub hub, RoutingService routing,
                  RoutingStore routingStore, VoiceService voice, Idempotency idempotency, ObjectMapper strict,
                  java.util.function.Consumer<Runnable> together, Scopes scopes, AuditTrail audit) {
        this.scopes = scopes;
        this.audit = audit;
        this.idempotency = idempotency;
        this.auth = auth;
        this.customers = customers;
        this.contacts = contacts;
        this.tickets = tickets;
        this.work = work;
        this.events = events;
        this.hub = hub;
        this.routing = routing;
        this.routingStore = routingStore;
        this.voice = voice;
        this.requests = new Requests(strict);
        this.writes = new BatchWrites(idempotency, strict, together, audit);
        this.together = together;
        audit.before("PATCH", "/api/v1/tickets/{id}", p -> ticketLine(tickets.head(id(p))));
        audit.before("PUT", "/api/v1/interactions/{id}/customer", p -> "customer " + contacts.find(id(p)).customerId());
    }

    /** To a queue or an agent (routing), or for a call to an outside number (the phone channel). */
    private InteractionView transfer(Context ctx) {
        Session s = session(ctx);
        long id = Requests.pathId(ctx, "id");
        TransferRequest r = requests.body(ctx, TransferRequest.class);
        if (r.number() == null) {
            voice.checkTransferable(id);
            return routing.transfer(s.agent(), id, r);
        }
        if (r.queueId() != null || r.agentId() != null) {
            throw ApiProblem.badRequest("number", "give one of a queue, an agent or a number to transfer to");
        }
        Requests.maxLength("note", r.note(), 2000);
        return voice.transferToNumber(s, id, r.number(), r.note());
    }

    public void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        r.before(this::authenticate);
        r.before(idempotency::before);
        r.after(idempotency::after);
        r.after(audit::after);

        r.post("/api/v1/login", this::login);
        r.post("/api/v1/logout", this::logout);
        r.get("/api/v1/me", ctx -> ctx.json(me(session(ctx))));
        r.put("/api/v1/me/state", writes.add("PUT", "/api/v1/me/state", (s, p, body) -> BatchWrites.Answer.ok(setState(s, body))));
        r.get("/api/v1/me/work", ctx -> ctx.json(contacts.activeWork(session(ctx).agentId())));
        r.get("/api/v1/config", ctx -> ctx.json(routing.config()));
        r.get("/api/v1/queue", ctx -> ctx.json(work.waitingFor(session(ctx).agentId(), session(ctx).isSupervisor())));

        r.get("/api/v1/customers", this::findCustomers);
        r.post("/api/v1/customers", writes.add("POST", "/api/v1/customers", (s, p, body) -> BatchWrites.Answer.created(
                createCustomer(s, requests.body(body, NewCustomerRequest.class)))));
        r.get("/api/v1/customers/{id}", ctx -> ctx.json(customers.get(openable(ctx))));
        r.get("/api/v1/customers/{id}/timeline", ctx -> ctx.json(customers.timeline(openable(ctx),
                ctx.queryParam("cursor"), Requests.queryInt(ctx, "limit", 25, 1, 100))));
        r.post("/api/v1/sync", ctx -> ctx.json(scopes.scoped(session(ctx),
                customers.sync(requests.body(ctx, SyncRequest.class)))));
        r.get("/api/v1/customers/{id}/tickets", ctx -> ctx.json(customers.openTickets(openable(ctx))));

        // not store-only: a complaint also books its callback in routing and sends its acknowledgement
        r.post("/api/v1/tickets", writes.add("POST", "/api/v1/tickets", false, (s, p, body) -> {
            NewTicketRequest request = requests.body(body, NewTicketRequest.class);
            scopes.checkCustomer(s, request.customerId());
            return BatchWrites.Answer.created(newTicket(s, request));
        }));
        r.get("/api/v1/tickets/{id}", ctx -> ctx.json(ticketInScope(session(ctx), Requests.pathId(ctx, "id"))));
        r.patch("/api/v1/tickets/{id}", writes.add("PATCH", "/api/v1/tickets/{id}", true, (s, p, body) -> {
            TicketUpdateRequest request = requests.body(body, TicketUpdateRequest.class);
            checkTicket(s, id(p));
            return BatchWrites.Answer.ok(tickets.update(id(p), request, s));
        }));
        r.post("/api/v1/tickets/{id}/notes", writes.add("POST", "/api/v1/tickets/{id}/notes", true, (s, p, body) -> {
            NoteRequest note = requests.body(body, NoteRequest.class);
            checkTicket(s, id(p));
            return BatchWrites.Answer.created(tickets.addNote(id(p), note.body(), note.visibility(), s));
        }, (s, p, body) -> {
            String note = requests.body(body, NoteRequest.class).body();
            checkTicket(s, id(p));
            return BatchWrites.Answer.created(new BatchWrites.Quiet(id(p), tickets.addNoteQuietly(id(p), note, s)));
        }, tickets::announce));

        r.post("/api/v1/tickets/{id}/merge", writes.add("POST", "/api/v1/tickets/{id}/merge", true, (s, p, body) -> {
            TicketMergeRequest request = requests.body(body, TicketMergeRequest.class);
            checkTicket(s, id(p));
            if (request.duplicateId() != null && request.duplicateId() != id(p)) {
                checkTicket(s, request.duplicateId());
            }
            return BatchWrites.Answer.ok(tickets.merge(id(p), request.duplicateId(), s));
        }));
        r.post("/api/v1/tickets/{id}/split", writes.add("POST", "/api/v1/tickets/{id}/split", true, (s, p, body) -> {
            TicketSplitRequest request = requests.body(body, TicketSplitRequest.class);
            checkTicket(s, id(p));
            return BatchWrites.Answer.created(tickets.split(id(p), request, s));
        }));
        r.post("/api/v1/tickets/{id}/links", writes.add("POST", "/api/v1/tickets/{id}/links", true, (s, p, body) -> {
            TicketLinkRequest request = requests.body(body, TicketLinkRequest.class);
            checkTicket(s, id(p));
            if (request.ticketId() != null && request.ticketId() != id(p)) {
                checkTicket(s, request.ticketId());
            }
            return BatchWrites.Answer.ok(tickets.link(id(p), request.ticketId(), true, s));
        }));
        r.delete("/api/v1/tickets/{id}/links/{other}", ctx -> {
            Session s = session(ctx);
            long id = Requests.pathId(ctx, "id");
            checkTicket(s, id);
            ctx.json(tickets.link(id, Requests.pathId(ctx, "other"), false, s));
        });
        r.post("/api/v1/tickets/{id}/watchers", writes.add("POST", "/api/v1/tickets/{id}/watchers", true, (s, p, body) -> {
            checkTicket(s, id(p));
            return BatchWrites.Answer.ok(tickets.watch(id(p), null, true, s));
        }));
        r.delete("/api/v1/tickets/{id}/watchers", ctx -> {
            Session s = session(ctx);
            long id = Requests.pathId(ctx, "id");
            checkTicket(s, id);
            ctx.json(tickets.watch(id, null, false, s));
        });

        r.post("/api/v1/interactions", ctx -> ctx.status(201).json(
                contacts.ingest(requests.body(ctx, IngestRequest.class))));
        r.get("/api/v1/interactions/{id}", ctx -> {
            InteractionView found = contacts.find(Requests.pathId(ctx, "id"));
            scopes.checkInteraction(session(ctx), found);
            ctx.json(found);
        });
        r.post("/api/v1/interactions/{id}/accept", ctx -> ctx.json(
                work.accept(session(ctx).agent(), Requests.pathId(ctx, "id"))));
        r.post("/api/v1/interactions/{id}/reject", ctx -> ctx.json(
                work.reject(session(ctx).agent(), Requests.pathId(ctx, "id"))));
        r.post("/api/v1/interactions/{id}/end", writes.add("POST", "/api/v1/interactions/{id}/end", (s, p, body) ->
                BatchWrites.Answer.ok(work.end(s.agent(), id(p)))));
        r.post("/api/v1/interactions/{id}/wrap-up", writes.add("POST", "/api/v1/interactions/{id}/wrap-up", (s, p, body) ->
                BatchWrites.Answer.ok(routing.wrapUp(s.agent(), id(p), requests.body(body, WrapUpRequest.class)))));
        r.post("/api/v1/interactions/{id}/transfer", ctx -> ctx.json(transfer(ctx)));
        r.post("/api/v1/interactions/{id}/callback", ctx -> ctx.json(routing.callback(session(ctx).agent(),
                Requests.pathId(ctx, "id"), requests.body(ctx, CallbackRequest.class))));
        r.post("/api/v1/callbacks", writes.add("POST", "/api/v1/callbacks", (s, p, body) -> BatchWrites.Answer.created(
                routing.scheduleCallback(s.agent(), requests.body(body, NewCallbackRequest.class)))));
        r.put("/api/v1/interactions/{id}/customer", writes.add("PUT", "/api/v1/interactions/{id}/customer", (s, p, body) ->
                BatchWrites.Answer.ok(contacts.linkCustomer(s, id(p), requests.body(body, LinkCustomerRequest.class).customerId()))));
        r.post(BatchWrites.PATH, writes::handle);

        r.get("/api/v1/me/phone", ctx -> ctx.json(voice.phone(session(ctx))));
        r.put("/api/v1/me/phone", ctx -> ctx.json(voice.setPhonePassword(session(ctx),
                requests.body(ctx, PhonePasswordRequest.class).password())));
        r.get("/api/v1/interactions/{id}/call", ctx -> ctx.json(voice.call(session(ctx), Requests.pathId(ctx, "id"))));
        r.post("/api/v1/interactions/{id}/call/hold", ctx -> ctx.json(voice.hold(session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, CallControlRequest.class).on())));
        r.post("/api/v1/interactions/{id}/call/mute", ctx -> ctx.json(voice.mute(session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, CallControlRequest.class).on())));
        r.post("/api/v1/interactions/{id}/call/digits", ctx -> ctx.json(voice.digits(session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, DigitsRequest.class).digits())));
        r.post("/api/v1/interactions/{id}/call/consult", ctx -> ctx.json(voice.consult(session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, ConsultRequest.class))));
        r.post("/api/v1/interactions/{id}/call/consult/complete", ctx -> ctx.json(voice.completeConsult(session(ctx),
                Requests.pathId(ctx, "id"))));
        r.post("/api/v1/interactions/{id}/call/conference", ctx -> ctx.json(voice.conference(session(ctx),
                Requests.pathId(ctx, "id"))));
        r.post("/api/v1/interactions/{id}/call/consult/cancel", ctx -> ctx.json(voice.cancelConsult(session(ctx),
                Requests.pathId(ctx, "id"))));
        r.post("/api/v1/calls", ctx -> {
            if (session(ctx).agent().role() == dev.switchboard.domain.Role.OUTBOUND_AGENT) {
                // their calls go through a campaign, where the dialling rules and the dial log are
                throw new ApiProblem(403, "forbidden", "outbound agents dial the records of their campaign "
                        + "(POST /api/v1/outbound/records/{id}/dial), where do-not-call and calling hours are checked", null);
            }
            ctx.status(201).json(voice.dial(session(ctx), requests.body(ctx, DialRequest.class)));
        });

        r.sse("/api/v1/events", client -> events.handle(client, client.ctx().attribute(SESSION)));

        r.exception(ApiProblem.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.field()));
        r.exception(StoreException.class, (e, ctx) -> {
            Failure f = failure(e);
            error(ctx, f.status(), f.code(), f.message(), null);
        });
        r.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage(), null));
        r.exception(Exception.class, (e, ctx) -> {
            Failure f = failure(e);
            try {
                error(ctx, f.status(), f.code(), f.message(), null);
            } catch (RuntimeException closed) {
                LOG.debug("could not answer a request: it is closed ({})", f.message());
            }
        });
        r.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                error(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        r.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/v1/") || path.equals("/api/v1/login")) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Session session = auth.resolve(token).orElseThrow(() -> new ApiProblem(401, "unauthorized",
                token == null ? "sign in first: this needs an Authorization: Bearer token"
                        : "your session has ended; sign in again", null));
        ctx.attribute(SESSION, session);
    }

    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private void login(Context ctx) {
        LoginRequest r = requests.body(ctx, LoginRequest.class);
        String username = Requests.required("username", r.username(), 64);
        String password = Requests.required("password", r.password(), 200);
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw ApiProblem.badRequest("password", "a password can be at most 72 bytes long");
        }
        Session s = auth.login(username, password)
                .orElseThrow(() -> new ApiProblem(401, "bad_credentials", "wrong username or password", null));
        long eventSeq = hub.latestSeq();
        if (s.agent().role().takesContacts()) {
            // an outbound agent's desktop shows the call list, not offers: no queue reaches them, so
            // being Ready (which supervisors see) never brings an inbound offer they cannot answer
            boolean outbound = s.agent().role() == Role.OUTBOUND_AGENT;
            work.signIn(s.agent(), outbound ? Map.of() : routingStore.skills(s.agentId()),
                    routingStore.capacity(s.agentId()), s.agent().role() == Role.AGENT);
        }
        ctx.json(new LoginResponse(s.token(), me(s), eventSeq));
    }

    private void logout(Context ctx) {
        Session s = session(ctx);
        auth.logout(s.token());
        if (!auth.hasSession(s.agentId()) && s.agent().role().takesContacts()) {
            work.signOut(s.agent());
        }
        ctx.status(204);
    }

    private static long id(java.util.function.Function<String, String> pathParam) {
        return Requests.pathId("id", pathParam.apply("id"));
    }

    private Object setState(Session s, String body) {
        StateRequest r = requests.body(body, StateRequest.class);
        if (r.state() != AgentState.READY && r.state() != AgentState.NOT_READY) {
            throw ApiProblem.badRequest("state", "state must be READY or NOT_READY");
        }
        if (!s.agent().role().takesContacts()) {
            throw new ApiProblem(403, "forbidden", "supervisors and administrators do not take contacts", "state");
        }
        work.setState(s.agent(), r.state(), routing.reasonFor(r.state(), r.reasonCode()));
        return me(s);
    }

    private void findCustomers(Context ctx) {
        int limit = Requests.queryInt(ctx, "limit", 20, 1, 100);
        for (ContactKind kind : ContactKind.values()) {
            String param = switch (kind) {
                case PHONE -> "phone";
                case EMAIL -> "email";
                case SOCIAL -> "handle";
            };
            String value = ctx.queryParam(param);
            if (value != null) {
                ctx.json(customers.summaries(scopes.openable(session(ctx), contacts.match(kind, value).customerIds())));
                return;
            }
        }
        ctx.json(scopes.openableSummaries(session(ctx), customers.search(ctx.queryParam("q"), limit)));
    }

    /** The customer id of the path, when the person may open that customer (else not found). */
    private long openable(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        scopes.checkCustomer(session(ctx), id);
        return id;
    }

    /**
     * A new ticket. For a complaint, the promised callback is booked first (everything checked before
     * anything is written), the ticket is linked to it, and the acknowledgement goes out at once.
     */
    private TicketView newTicket(Session s, NewTicketRequest request) {
        tickets.check(request);
        List<Long> callback = List.of();
        if (request.callbackAt() != null) {
            if (request.kind() != dev.switchboard.domain.TicketKind.COMPLAINT) {
                throw ApiProblem.badRequest("callbackAt", "a callback is promised with a complaint; schedule others "
                        + "with POST /api/v1/callbacks");
            }
            String subject = request.subject().strip();
            InteractionView booked = routing.scheduleCallback(s.agent(), new NewCallbackRequest(request.customerId(),
                    tickets.callbackNumber(request), request.callbackAt(), null,
                    s.agent().role().takesContacts() ? s.agentId() : null,
                    "Callback promised with the complaint \"" + subject + "\""));
            callback = List.of(booked.id());
        }
        return tickets.acknowledge(tickets.create(request, s, callback), request, s);
    }

    private TicketView ticketInScope(Session s, long ticketId) {
        TicketView t = tickets.get(ticketId);
        if (!scopes.mayOpen(s, t.customerId())) {
            throw ApiProblem.notFound("ticket", ticketId);
        }
        return t;
    }

    private void checkTicket(Session s, long ticketId) {
        if (scopes.mayOpenEvery(s)) {
            return; // one unit, or an administrator: no need to read the ticket first
        }
        if (!scopes.mayOpen(s, tickets.head(ticketId).customerId())) {
            throw ApiProblem.notFound("ticket", ticketId);
        }
    }

    private static String ticketLine(dev.switchboard.domain.Ticket t) {
        return "status " + t.status() + ", priority " + t.priority() + ", version " + t.version()
                + ", subject \"" + t.subject() + "\"";
    }

    /** A new customer, in the business unit of the person who creates them, in one transaction. */
    private CustomerSummary createCustomer(Session s, NewCustomerRequest request) {
        CustomerSummary[] created = new CustomerSummary[1];
        together.accept(() -> {
            created[0] = customers.create(request, s, contacts);
            scopes.placeNew(s, created[0].id());
        });
        return created[0];
    }

    private AgentView me(Session s) {
        var a = s.agent();
        AgentPresence.Entry e = work.stateOf(a.id());
        List<SkillView> skills = routingStore.skills(a.id()).entrySet().stream()
                .map(x -> new SkillView(x.getKey(), x.getValue())).toList();
        return new AgentView(a.id(), a.username(), a.displayName(), a.role(), e.state(), e.reason(), e.since(),
                skills, routingStore.capacity(a.id()).max());
    }

    /** What a client is told of an unexpected failure: a reference to the log, never its detail. */
    record Failure(int status, String code, String message) {
    }

    static Failure failure(Exception e) {
        String ref = Long.toHexString(System.nanoTime());
        if (e instanceof StoreException) {
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                // data exceptions: a value too long or malformed for its column; nothing was written
                return new Failure(400, "invalid", "a value is too long or not allowed here");
            }
            LOG.error("database failure (ref {})", ref, e);
            return new Failure(503, "unavailable", "the database could not be reached (ref " + ref + ")");
        }
        LOG.error("request failed (ref {})", ref, e);
        return new Failure(500, "internal", "the server could not complete the request (ref " + ref + ")");
    }

    private static void error(Context ctx, int status, String code, String message, String field) {
        ctx.status(status).json(new ApiError(code, message, field));
    }
}
