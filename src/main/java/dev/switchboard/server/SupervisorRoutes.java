package dev.switchboard.server;

import dev.switchboard.metrics.AbandonTreatment;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Locale;

/**
 * The supervisor's routes under {@code /api/v1/supervisor}: only supervisors may read them (403 for
 * anyone else). {@code GET /dashboard?treatment=AGAINST&shortAbandon=5}: queues, agents and alerts,
 * computed for that treatment of abandons and short-abandon cut-off (seconds).
 */
final class SupervisorRoutes {
    private final SupervisorService service;

    SupervisorRoutes(SupervisorService service) {
        this.service = service;
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/supervisor/dashboard", ctx -> {
            requireSupervisor(ctx);
            ctx.json(service.dashboard(treatment(ctx), Duration.ofSeconds(Requests.queryInt(ctx, "shortAbandon",
                    (int) SupervisorService.DEFAULT_SHORT_ABANDON.toSeconds(), 0, 3600))));
        });
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
