package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AuditEntryView;
import dev.switchboard.api.CodeRequest;
import dev.switchboard.api.CustomerUnitRequest;
import dev.switchboard.api.NameRequest;
import dev.switchboard.api.NewUserRequest;
import dev.switchboard.api.QueueRequest;
import dev.switchboard.api.RestrictedFieldsRequest;
import dev.switchboard.api.RestrictedFieldsView;
import dev.switchboard.api.UserUpdateRequest;
import dev.switchboard.domain.Role;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.AuditStore;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.OrganisationStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The administrators' routes under {@code /api/v1/admin} (403 for everyone else), and the customers'
 * restricted fields, which only supervisors and administrators read and set. Campaigns are managed
 * through the outbound routes, which administrators may use as supervisors do.
 */
final class AdminRoutes {
    private final AdminService admin;
    private final AgentStore agents;
    private final AuditStore auditStore;
    private final AuditTrail audit;
    private final OrganisationStore organisation;
    private final CustomerStore customers;
    private final Scopes scopes;
    private final Requests requests;

    AdminRoutes(AdminService admin, AgentStore agents, AuditStore auditStore, AuditTrail audit,
                OrganisationStore organisation, CustomerStore customers, Scopes scopes, ObjectMapper strict) {
        this.admin = admin;
        this.agents = agents;
        this.auditStore = auditStore;
        this.audit = audit;
        this.organisation = organisation;
        this.customers = customers;
        this.scopes = scopes;
        this.requests = new Requests(strict);
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.before("/api/v1/admin/*", ctx -> {
            Session s = Routes.session(ctx);
            if (s != null && s.agent().role() != Role.ADMINISTRATOR) {
                throw new ApiProblem(403, "forbidden", "only administrators may manage people, teams and codes", null);
            }
        });
        r.get("/api/v1/admin/users", ctx -> ctx.json(admin.users()));
        r.post("/api/v1/admin/users", ctx -> ctx.status(201).json(admin.createUser(Routes.session(ctx),
                requests.body(ctx, NewUserRequest.class))));
        r.patch("/api/v1/admin/users/{id}", ctx -> ctx.json(admin.updateUser(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, UserUpdateRequest.class))));
        r.get("/api/v1/admin/units", ctx -> ctx.json(admin.units()));
        r.post("/api/v1/admin/units", ctx -> ctx.status(201).json(admin.addUnit(Routes.session(ctx),
                requests.body(ctx, NameRequest.class).name())));
        r.get("/api/v1/admin/teams", ctx -> ctx.json(admin.teams()));
        r.post("/api/v1/admin/teams", ctx -> {
            NameRequest body = requests.body(ctx, NameRequest.class);
            ctx.status(201).json(admin.addTeam(Routes.session(ctx), body.name(), body.unitId()));
        });
        r.post("/api/v1/admin/queues", ctx -> ctx.status(201).json(admin.createQueue(Routes.session(ctx),
                requests.body(ctx, QueueRequest.class))));
        r.patch("/api/v1/admin/queues/{id}", ctx -> ctx.json(admin.updateQueue(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, QueueRequest.class))));
        r.put("/api/v1/admin/reason-codes/{code}", ctx -> putCode(ctx, OrganisationStore.CodeList.REASON));
        r.put("/api/v1/admin/dispositions/{code}", ctx -> putCode(ctx, OrganisationStore.CodeList.DISPOSITION));
        r.put("/api/v1/admin/customers/{id}/unit", ctx -> {
            long id = Requests.pathId(ctx, "id");
            admin.placeCustomer(Routes.session(ctx), id, requests.body(ctx, CustomerUnitRequest.class).unitId(),
                    customers.find(id).isPresent());
            ctx.status(204);
        });
        r.get("/api/v1/admin/audit", this::auditLog);

        r.get("/api/v1/customers/{id}/restricted", ctx -> ctx.json(restricted(ctx)));
        r.put("/api/v1/customers/{id}/restricted", ctx -> {
            Session s = overseer(ctx);
            long id = customerInScope(ctx, s);
            RestrictedFieldsRequest body = requests.body(ctx, RestrictedFieldsRequest.class);
            Requests.maxLength("billingNote", body.billingNote(), 2000);
            String before = organisation.billingNote(id).orElse(null);
            organisation.setBillingNote(id, body.billingNote());
            // the note itself is not copied into the log: it is restricted there too
            audit.record(s.agentId(), "customer.restricted", "customer " + id,
                    before == null ? "no billing note" : "billing note (" + before.length() + " characters)",
                    body.billingNote() == null || body.billingNote().isBlank() ? "no billing note"
                            : "billing note (" + body.billingNote().length() + " characters)");
            ctx.json(new RestrictedFieldsView(id, organisation.billingNote(id).orElse(null)));
        });
    }

    private void putCode(Context ctx, OrganisationStore.CodeList list) {
        admin.putCode(Routes.session(ctx), list, ctx.pathParam("code"), requests.body(ctx, CodeRequest.class).label());
        ctx.status(204);
    }

    private RestrictedFieldsView restricted(Context ctx) {
        Session s = overseer(ctx);
        long id = customerInScope(ctx, s);
        return new RestrictedFieldsView(id, organisation.billingNote(id).orElse(null));
    }

    private static Session overseer(Context ctx) {
        Session s = Routes.session(ctx);
        if (!s.agent().role().oversees()) {
            throw new ApiProblem(403, "forbidden", "restricted fields are shown only to supervisors and administrators",
                    null);
        }
        return s;
    }

    private long customerInScope(Context ctx, Session s) {
        long id = Requests.pathId(ctx, "id");
        scopes.checkCustomer(s, id);
        if (customers.find(id).isEmpty()) {
            throw ApiProblem.notFound("customer", id);
        }
        return id;
    }

    /** {@code GET /admin/audit?actor=&action=&subject=&from=&to=&limit=}: newest first. */
    private void auditLog(Context ctx) {
        Long actor = null;
        String actorName = ctx.queryParam("actor");
        if (actorName != null && !actorName.isBlank()) {
            actor = agents.findByUsername(actorName.trim().toLowerCase(java.util.Locale.ROOT)).map(a -> a.id())
                    .orElseThrow(() -> ApiProblem.badRequest("actor", "there is no user named " + actorName.trim()));
        }
        String action = blankToNull(ctx.queryParam("action"));
        String subject = blankToNull(ctx.queryParam("subject"));
        Requests.maxLength("action", action, 60);
        Requests.maxLength("subject", subject, 200);
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("to", "to must be after from");
        }
        int limit = Requests.queryInt(ctx, "limit", 100, 1, 1000);
        audit.flush(); // what was just done is in the answer
        Map<Long, String> names = new HashMap<>();
        agents.all().forEach(a -> names.put(a.id(), a.displayName()));
        ctx.json(auditStore.query(new AuditStore.Filter(actor, action, subject, from, to, limit)).stream()
                .map(e -> new AuditEntryView(e.id(), e.actorId(), names.get(e.actorId()), e.action(), e.subject(),
                        e.before(), e.after(), e.at())).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant instant(Context ctx, String name) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, name + " must be an instant such as 2026-11-26T09:00:00Z, not " + raw);
        }
    }
}
