package dev.switchboard.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** The supervisor's case reports, and the customer's value, churn signals and contact permissions for the card. */
final class CaseRoutes {
    private final CaseReports reports;
    private final CustomerInsight insight;
    private final Scopes scopes;
    private final Requests requests;
    /** The customers who may be the same person, as "name: why", strongest first. */
    private volatile java.util.function.BiFunction<Session, Long, java.util.List<String>> duplicates =
            (s, id) -> java.util.List.of();

    CaseRoutes(CaseReports reports, CustomerInsight insight, Scopes scopes, com.fasterxml.jackson.databind.ObjectMapper strict) {
        this.reports = reports;
        this.insight = insight;
        this.scopes = scopes;
        this.requests = new Requests(strict);
    }

    /** Where the card's possible duplicates come from (the duplicate finder is made after these routes). */
    void duplicatesFrom(java.util.function.BiFunction<Session, Long, java.util.List<String>> finder) {
        this.duplicates = finder;
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/customers/{id}/insight", ctx -> {
            long id = openable(ctx);
            ctx.json(insight.of(id).withDuplicates(duplicates.apply(Routes.session(ctx), id)));
        });
        r.put("/api/v1/customers/{id}/permissions", ctx -> {
            long id = openable(ctx);
            ctx.json(insight.setPermission(id, requests.body(ctx, dev.switchboard.api.PermissionRequest.class)));
        });
        r.get("/api/v1/supervisor/reports/first-response", ctx -> {
            requireSupervisor(ctx);
            ctx.json(reports.firstResponses(Requests.queryInt(ctx, "days", 30, 1, 366)));
        });
        r.get("/api/v1/supervisor/reports/complaints", ctx -> {
            requireSupervisor(ctx);
            ctx.json(reports.complaints(Requests.queryInt(ctx, "days", 90, 1, 366)));
        });
    }

    private long openable(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        scopes.checkCustomer(Routes.session(ctx), id);
        return id;
    }

    private static void requireSupervisor(Context ctx) {
        if (!Routes.session(ctx).isSupervisor()) {
            throw new ApiProblem(403, "forbidden", "only supervisors and administrators may read the case reports", null);
        }
    }
}
