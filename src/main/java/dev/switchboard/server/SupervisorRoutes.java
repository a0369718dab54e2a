package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.AuditEntryView;
import dev.switchboard.api.StateRequest;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.AuditStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisor's routes under {@code /api/v1/supervisor}: only supervisors may use them (403 for
 * anyone else).
 * <ul>
 *   <li>{@code GET /dashboard?treatment=AGAINST&shortAbandon=5}: queues, agents and alerts, computed
 *       for that treatment of abandons and short-abandon cut-off (seconds);</li>
 *   <li>{@code PUT /agents/{id}/state} ({@code {"state", "reasonCode"}}): sets a signed-in agent READY
 *       or NOT_READY with a reason, with an audit entry;</li>
 *   <li>{@code GET /audit?limit=50}: the newest audit entries.</li>
 * </ul>
 */
final class SupervisorRoutes {
    private final SupervisorService service;
    private final WorkDistributor work;
    private final AgentStore agents;
    private final RoutingService routing;
    private final AuditStore audit;
    private final Requests requests;
    private final Clock clock;

    SupervisorRoutes(SupervisorService service, WorkDistributor work, AgentStore agents, RoutingService routing,
                     AuditStore audit, ObjectMapper strict, Clock clock) {
        this.service = service;
        this.work = work;
        this.agents = agents;
        this.routing = routing;
        this.audit = audit;
        this.requests = new Requests(strict);
        this.clock = clock;
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/supervisor/dashboard", ctx -> {
            requireSupervisor(ctx);
            ctx.json(service.dashboard(treatment(ctx), Duration.ofSeconds(Requests.queryInt(ctx, "shortAbandon",
                    (int) SupervisorService.DEFAULT_SHORT_ABANDON.toSeconds(), 0, 3600))));
        });
        r.put("/api/v1/supervisor/agents/{id}/state", ctx -> {
            requireSupervisor(ctx);
            ctx.json(setState(Routes.session(ctx), Requests.pathId(ctx, "id"), requests.body(ctx, StateRequest.class)));
        });
        r.get("/api/v1/supervisor/audit", ctx -> {
            requireSupervisor(ctx);
            Map<Long, String> names = new HashMap<>();
            agents.all().forEach(a -> names.put(a.id(), a.displayName()));
            ctx.json(audit.latest(Requests.queryInt(ctx, "limit", 50, 1, 500)).stream()
                    .map(e -> new AuditEntryView(e.id(), e.actorId(), names.get(e.actorId()), e.action(), e.subject(),
                            e.before(), e.after(), e.at())).toList());
        });
    }

    /** A supervisor sets an agent's state: the agent must be signed in and take contacts. */
    private AgentSummary setState(Session supervisor, long agentId, StateRequest r) {
        if (r.state() != AgentState.READY && r.state() != AgentState.NOT_READY) {
            throw ApiProblem.badRequest("state", "state must be READY or NOT_READY");
        }
        Agent target = agents.find(agentId).orElseThrow(() -> ApiProblem.notFound("agent", agentId));
        if (target.role() == Role.SUPERVISOR) {
            throw ApiProblem.conflict("not_an_agent", target.displayName() + " is a supervisor and takes no contacts");
        }
        String reason = routing.reasonFor(r.state(), r.reasonCode());
        AgentPresence.Entry before = work.stateOf(agentId);
        if (before.state() == AgentState.LOGGED_OUT) {
            throw ApiProblem.conflict("not_signed_in", target.displayName() + " is not signed in");
        }
        work.setState(target, r.state(), reason);
        AgentPresence.Entry after = work.stateOf(agentId);
        audit.add(supervisor.agentId(), "agent.state", "agent " + target.username() + " (" + target.displayName() + ")",
                describe(before), describe(after), clock.instant());
        return new AgentSummary(target.id(), target.displayName(), after.state());
    }

    private static String describe(AgentPresence.Entry e) {
        return e.reason() == null ? e.state().name() : e.state().name() + " (" + e.reason() + ")";
    }

    private static void requireSupervisor(Context ctx) {
        if (!Routes.session(ctx).isSupervisor()) {
            throw new ApiProblem(403, "forbidden", "only supervisors see the supervisor's dashboard", null);
        }
    }

    private static AbandonTreatment treatment(Context ctx) {
        String raw = ctx.queryParam("treatment");
        if (raw == null || raw.isBlank()) {
            return AbandonTreatment.AGAINST;
        }
        try {
            return AbandonTreatment.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("treatment", "treatment must be IGNORE, AGAINST or IN_FAVOUR, not " + raw);
        }
    }
}
