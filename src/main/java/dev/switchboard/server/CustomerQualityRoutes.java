package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.CustomerMergeRequest;
import dev.switchboard.api.CustomerMergeView;
import dev.switchboard.api.DuplicateProbe;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Duplicate customers, under {@code /api/v1/customers}:
 * <ul>
 *   <li>{@code GET /duplicates?firstName=&lastName=&phone=&email=&postcode=&country=}: customers that
 *       may be the person about to be created (a phone number, an e-mail address, or a name with a
 *       postcode is needed), as {@link dev.switchboard.api.DuplicateView}s, strongest first, at most 10;</li>
 *   <li>{@code GET /{id}/duplicates}: the same for a customer on file;</li>
 *   <li>{@code POST /{id}/merge} ({@code {"duplicateId": N}}; supervisors and administrators): merges
 *       customer N into {id} in one transaction and answers a {@link CustomerMergeView}: the
 *       customer as it is now and what was carried over. 400 for a merge into itself, 404 for a customer
 *       that does not exist or is out of the person's scope, 409 for one merged already; nothing is
 *       changed then.</li>
 * </ul>
 * Suggestions hold only customers the person may open. These routes must be installed before
 * {@code GET /customers/{id}}, which would otherwise take {@code /customers/duplicates} for an id.
 */
final class CustomerQualityRoutes {
    private final CustomerQuality quality;
    private final AuditTrail audit;
    private final Requests requests;

    CustomerQualityRoutes(CustomerQuality quality, AuditTrail audit, ObjectMapper strict) {
        this.quality = quality;
        this.audit = audit;
        this.requests = new Requests(strict);
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/customers/duplicates", ctx -> ctx.json(quality.duplicatesFor(Routes.session(ctx), probe(ctx))));
        r.get("/api/v1/customers/{id}/duplicates", ctx -> ctx.json(quality.duplicatesOf(Routes.session(ctx),
                Requests.pathId(ctx, "id"))));
        r.post("/api/v1/customers/{id}/merge", this::merge);
    }

    private void merge(Context ctx) {
        Session s = Routes.session(ctx);
        CustomerQuality.requireMerger(s);
        long id = Requests.pathId(ctx, "id");
        Long duplicateId = requests.body(ctx, CustomerMergeRequest.class).duplicateId();
        CustomerMergeView result = quality.merge(s, id, duplicateId);
        var moved = result.moved();
        audit.record(s.agentId(), "customer.merge", "customer " + id, "customer " + duplicateId + " on its own",
                "customer " + duplicateId + " merged into customer " + id + ": " + moved.contactPoints()
                        + " contact points (" + moved.contactPointsAlreadyHeld() + " held already), "
                        + moved.interactions() + " interactions, " + moved.tickets() + " tickets, "
                        + moved.purchases() + " purchases, " + moved.permissions() + " permissions ("
                        + moved.permissionsCombined() + " combined), " + moved.callRecords() + " call records"
                        + (moved.fieldsFilled().isEmpty() ? "" : "; filled " + String.join(", ", moved.fieldsFilled())));
        ctx.attribute(AuditTrail.AUDITED, true);
        ctx.json(result);
    }

    private static DuplicateProbe probe(Context ctx) {
        return new DuplicateProbe(ctx.queryParam("firstName"), ctx.queryParam("lastName"),
                ctx.queryParam("phone"), ctx.queryParam("email"), ctx.queryParam("postcode"), ctx.queryParam("country"));
    }
}
