package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.AuditEntryView;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.MoveRequest;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.QueueView;
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
 *   <li>{@code GET /intervals?treatment=AGAINST&shortAbandon=5}: today's 15-minute intervals of every
 *       queue so far, counted as the dashboard counts them;</li>
 *   <li>{@code GET /waiting}: every contact not answered yet, in every queue, most urgent first;</li>
 *   <li>{@code PUT /queues/{id}/priority} ({@code {"priority"}}, 0 to 100): kept, in routing at once,
 *       audited; answers the queue as it is now;</li>
 *   <li>{@code PUT /agents/{id}/state} ({@code {"state", "reasonCode"}}): sets a signed-in agent READY
 *       or NOT_READY with a reason, with an audit entry;</li>
 *   <li>{@code POST /interactions/{id}/move} ({@code {"queueId"}} or {@code {"agentId"}}): moves a
 *       waiting contact to another queue or a named agent, keeping its place in time; audited;</li>
 *   <li>{@code GET /reports/intervals.csv?from=&to=&treatment=&shortAbandon=} and
 *       {@code GET /reports/agents.csv?from=&to=}: the interval and agent reports of a range of days
 *       (at most 31), recomputed from the stored passes;</li>
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
            ctx.json(service.dashboard(Routes.session(ctx).agent(), treatment(ctx), shortAbandon(ctx)));
        });
        r.get("/api/v1/supervisor/intervals", ctx -> {
            requireSupervisor(ctx);
            ctx.json(service.intervals(treatment(ctx), shortAbandon(ctx)));
        });
        r.get("/api/v1/supervisor/waiting", ctx -> {
            requireSupervisor(ctx);
            ctx.json(work.waitingFor(0, true));
        });
        r.put("/api/v1/supervisor/queues/{id}/priority", ctx -> {
            requireSupervisor(ctx);
            ctx.json(setPriority(Routes.session(ctx), Requests.pathId(ctx, "id"),
                    requests.body(ctx, QueuePriorityRequest.class)));
        });
        r.put("/api/v1/supervisor/agents/{id}/state", ctx -> {
            requireSupervisor(ctx);
            ctx.json(setState(Routes.session(ctx), Requests.pathId(ctx, "id"), requests.body(ctx, StateRequest.class)));
        });
        r.post("/api/v1/supervisor/interactions/{id}/move", ctx -> {
            requireSupervisor(ctx);
            ctx.json(move(Routes.session(ctx), Requests.pathId(ctx, "id"), requests.body(ctx, MoveRequest.class)));
        });
        r.get("/api/v1/supervisor/reports/intervals.csv", ctx -> {
            requireSupervisor(ctx);
            java.time.LocalDate[] days = days(ctx);
            csv(ctx, "intervals-" + days[0] + "-" + days[1] + ".csv", service.intervalReport(days[0], days[1],
                    treatment(ctx), shortAbandon(ctx)));
        });
        r.get("/api/v1/supervisor/reports/agents.csv", ctx -> {
            requireSupervisor(ctx);
            java.time.LocalDate[] days = days(ctx);
            csv(ctx, "agents-" + days[0] + "-" + days[1] + ".csv", service.agentReport(Routes.session(ctx).agent(), days[0],
                    days[1]));
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

    /** A supervisor changes a queue's priority; a change (not a repeat of the same value) is audited. */
    private QueueView setPriority(Session supervisor, long queueId, QueuePriorityRequest r) {
        RoutingService.PriorityChange change = routing.setQueuePriority(queueId, r.priority());
        if (change.changed()) {
            audit.add(supervisor.agentId(), "queue.priority", "queue " + change.queue().name(),
                    Integer.toString(change.before()), Integer.toString(change.queue().priority()), clock.instant());
            service.changed();
        }
        return change.queue();
    }

    /** A supervisor sets an agent's state: the agent must be signed in and take contacts. */
    private AgentSummary setState(Session supervisor, long agentId, StateRequest r) {
        if (r.state() != AgentState.READY && r.state() != AgentState.NOT_READY) {
            throw ApiProblem.badRequest("state", "state must be READY or NOT_READY");
        }
        Agent target = agents.find(agentId).filter(a -> service.oversees(supervisor.agent(), a.id()))
                .orElseThrow(() -> ApiProblem.notFound("agent", agentId)); // another team's: not theirs to steer
        if (!target.role().takesContacts()) {
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

    /** A supervisor moves a waiting contact to another queue or to a named agent who can take it. */
    private InteractionView move(Session supervisor, long interactionId, MoveRequest r) {
        if ((r.queueId() == null) == (r.agentId() == null)) {
            throw ApiProblem.badRequest(r.queueId() == null ? "queueId" : "agentId",
                    "give either queueId (another queue) or agentId (a named agent), not both or neither");
        }
        Long agentId = r.agentId();
        if (agentId != null) {
            Agent target = agents.find(agentId).filter(a -> service.oversees(supervisor.agent(), a.id()))
                    .orElseThrow(() -> new ApiProblem(404, "not_found", "agent " + agentId + " does not exist",
                            "agentId"));
            if (!target.role().takesContacts()) {
                throw ApiProblem.badRequest("agentId", target.displayName() + " is a supervisor and takes no contacts");
            }
            if (target.role() == Role.OUTBOUND_AGENT) {
                // their desktop is the call list: an inbound offer would ring where nobody can answer it
                throw ApiProblem.badRequest("agentId", target.displayName() + " works call lists and takes no inbound "
                        + "contacts");
            }
        }
        if (r.queueId() != null && work.queues().stream().noneMatch(q -> q.id() == r.queueId())) {
            throw new ApiProblem(404, "not_found", "queue " + r.queueId() + " does not exist", "queueId");
        }
        String before = work.waitingFor(0, true).stream().filter(w -> w.interactionId() == interactionId)
                .findFirst().map(w -> "queue " + w.queueName() + (w.targetAgentId() == null ? "" : ", agent " + w.targetAgentId()))
                .orElse(null);
        InteractionView moved = work.move(interactionId, r.queueId(), agentId);
        audit.add(supervisor.agentId(), "interaction.move", "interaction " + interactionId, before,
                "queue " + moved.routing().queueName() + (agentId == null ? "" : ", agent " + agentId), clock.instant());
        return moved;
    }

    private static String describe(AgentPresence.Entry e) {
        return e.reason() == null ? e.state().name() : e.state().name() + " (" + e.reason() + ")";
    }

    /** {@code from} and {@code to} (ISO days, both included; default today), at most 31 days apart. */
    private java.time.LocalDate[] days(Context ctx) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.systemDefault()));
        java.time.LocalDate from = day(ctx, "from", today);
        java.time.LocalDate to = day(ctx, "to", from);
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > 30) {
            throw ApiProblem.badRequest("to", "a report covers at most 31 days");
        }
        return new java.time.LocalDate[] {from, to};
    }

    private static java.time.LocalDate day(Context ctx, String name, java.time.LocalDate fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return java.time.LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest(name, name + " must be a day like 2026-11-26, not " + raw);
        }
    }

    private static void csv(Context ctx, String filename, String body) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.result(body);
    }

    private static void requireSupervisor(Context ctx) {
        if (!Routes.session(ctx).isSupervisor()) {
            throw new ApiProblem(403, "forbidden", "only supervisors may use the supervisor's dashboard and its actions",
                    null);
        }
    }

    /** The short-abandon cut-off asked for, in seconds (0 to 3600; 5 when not given). */
    private static Duration shortAbandon(Context ctx) {
        return Duration.ofSeconds(Requests.queryInt(ctx, "shortAbandon",
                (int) SupervisorService.DEFAULT_SHORT_ABANDON.toSeconds(), 0, 3600));
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
