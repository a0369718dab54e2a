package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.CampaignActiveRequest;
import dev.switchboard.api.CampaignRequest;
import dev.switchboard.api.OutboundDncRequest;
import dev.switchboard.api.OutboundResultRequest;
import dev.switchboard.api.OutboundSkipRequest;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.outbound.DncScope;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * The outbound routes under {@code /api/v1/outbound}. Agents dial PREVIEW campaigns themselves; the
 * server's dialler dials PROGRESSIVE and PREDICTIVE ones for the agents seated on them.
 * <ul>
 *   <li>{@code POST /campaigns} (supervisors; {@link CampaignRequest}): 201 with the campaign;</li>
 *   <li>{@code GET /campaigns}: supervisors see every campaign, outbound agents the active ones, each
 *       with its progress; {@code GET /campaigns/{id}} one of them;</li>
 *   <li>{@code PUT /campaigns/{id}/active} (supervisors; {@code {"active": false}} pauses, {@code true}
 *       resumes): the campaign;</li>
 *   <li>{@code POST /campaigns/{id}/join} and {@code /leave} (outbound agents, PROGRESSIVE and
 *       PREDICTIVE campaigns): a seat the dialler gives answered calls to, renewed by joining again at
 *       least once a minute; answered calls come as {@code outbound.call} events;</li>
 *   <li>{@code POST /campaigns/{id}/records} (supervisors): a call list, {@code Content-Type: text/csv}
 *       (UTF-8), the columns named by query parameters {@code nameColumn} (default {@code name}),
 *       {@code numberColumn} (default {@code number}) and, optional, {@code zoneColumn},
 *       {@code regionColumn}, {@code customerRefColumn}, {@code emailColumn} (finds the customer by
 *       e-mail when the number finds none), {@code consentColumn} (yes/no per row for the
 *       campaign's purpose), {@code consentForAll=true} (the list's owner vouches for that consent on
 *       every row) and {@code delimiter} ({@code ,} {@code ;} or {@code tab}). A refused file is a 400
 *       naming the problem and saves nothing; otherwise 200 with the rows saved and the rows rejected;</li>
 *   <li>{@code GET /campaigns/{id}/log?recordId=&limit=100} (supervisors): the dial log, newest first;</li>
 *   <li>{@code POST /campaigns/{id}/next} (outbound agents): the next record that may be dialled now,
 *       held for the agent, with the customer's card; or {@code {"none": why, "nextDueAt"}};</li>
 *   <li>{@code GET /records/{id}} and {@code GET /records/{id}/attempts} (its dial log, newest first)
 *       (supervisors, or the agent holding it);</li>
 *   <li>{@code POST /records/{id}/dial}, {@code /skip} ({@code {"reason"}}, optional) and {@code /result}
 *       ({@link OutboundResultRequest}) by the agent holding the record;</li>
 *   <li>{@code POST /dnc} (supervisors and outbound agents; {@link OutboundDncRequest}) and
 *       {@code GET /dnc?scope=&campaignId=&limit=} (supervisors).</li>
 * </ul>
 * The wrong role is a 403; every other refusal is a 4xx naming the field, before anything is written.
 */
final class OutboundRoutes {
    /** A call list larger than this is refused before it is read. */
    static final int MAX_LIST_BYTES = 10_000_000;

    private final OutboundService service;
    private final Requests requests;

    OutboundRoutes(OutboundService service, ObjectMapper strict) {
        this.service = service;
        this.requests = new Requests(strict);
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        String base = "/api/v1/outbound";
        r.post(base + "/campaigns", ctx -> {
            Session s = supervisor(ctx);
            ctx.status(201).json(service.create(s, requests.body(ctx, CampaignRequest.class)));
        });
        r.get(base + "/campaigns", ctx -> {
            Session s = supervisorOrOutbound(ctx);
            ctx.json(service.campaigns(!s.isSupervisor()));
        });
        r.get(base + "/campaigns/{id}", ctx -> {
            supervisorOrOutbound(ctx);
            ctx.json(service.campaign(Requests.pathId(ctx, "id")));
        });
        r.put(base + "/campaigns/{id}/active", ctx -> {
            Session s = supervisor(ctx);
            long id = Requests.pathId(ctx, "id");
            ctx.json(service.setActive(s, id, requests.body(ctx, CampaignActiveRequest.class).active()));
        });
        r.post(base + "/campaigns/{id}/join", ctx -> ctx.json(service.join(outboundAgent(ctx), Requests.pathId(ctx, "id"))));
        r.post(base + "/campaigns/{id}/leave", ctx -> ctx.json(service.leave(outboundAgent(ctx), Requests.pathId(ctx, "id"))));
        r.post(base + "/campaigns/{id}/records", ctx -> {
            supervisor(ctx);
            long id = Requests.pathId(ctx, "id");
            OutboundImport.Options options = importOptions(ctx);
            ctx.json(service.importList(id, listBody(ctx), options));
        });
        r.get(base + "/campaigns/{id}/log", ctx -> {
            supervisor(ctx);
            String recordId = ctx.queryParam("recordId");
            ctx.json(service.log(Requests.pathId(ctx, "id"), recordId == null ? null : longParam("recordId", recordId),
                    Requests.queryInt(ctx, "limit", 100, 1, 1000)));
        });
        r.post(base + "/campaigns/{id}/next", ctx -> ctx.json(service.next(outboundAgent(ctx), Requests.pathId(ctx, "id"))));
        r.get(base + "/records/{id}", ctx -> ctx.json(service.record(supervisorOrOutbound(ctx), Requests.pathId(ctx, "id"))));
        r.get(base + "/records/{id}/attempts", ctx -> ctx.json(service.attempts(supervisorOrOutbound(ctx),
                Requests.pathId(ctx, "id"))));
        r.post(base + "/records/{id}/dial", ctx -> ctx.json(service.dial(outboundAgent(ctx), Requests.pathId(ctx, "id"))));
        r.post(base + "/records/{id}/skip", ctx -> {
            Session s = outboundAgent(ctx);
            long id = Requests.pathId(ctx, "id");
            String reason = ctx.body().isBlank() ? null : requests.body(ctx, OutboundSkipRequest.class).reason();
            ctx.json(service.skip(s, id, reason));
        });
        r.post(base + "/records/{id}/result", ctx -> {
            Session s = outboundAgent(ctx);
            long id = Requests.pathId(ctx, "id");
            ctx.json(service.result(s, id, requests.body(ctx, OutboundResultRequest.class)));
        });
        r.post(base + "/dnc", ctx -> ctx.json(service.addDoNotCall(supervisorOrOutbound(ctx),
                requests.body(ctx, OutboundDncRequest.class))));
        r.get(base + "/dnc", ctx -> {
            supervisor(ctx);
            String scope = ctx.queryParam("scope");
            String campaign = ctx.queryParam("campaignId");
            ctx.json(service.doNotCall(scope == null ? null : scope(scope),
                    campaign == null ? null : longParam("campaignId", campaign), Requests.queryInt(ctx, "limit", 100, 1, 1000)));
        });
    }

    private static OutboundImport.Options importOptions(Context ctx) {
        return new OutboundImport.Options(column(ctx, "nameColumn", "name"), column(ctx, "numberColumn", "number"),
                column(ctx, "zoneColumn", null), column(ctx, "regionColumn", null), column(ctx, "customerRefColumn", null),
                column(ctx, "consentColumn", null), yesNo(ctx, "consentForAll"), delimiter(ctx),
                column(ctx, "emailColumn", null));
    }

    private static byte[] listBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ApiProblem(415, "unsupported_media_type", "send the call list as Content-Type: text/csv (UTF-8)",
                    "Content-Type");
        }
        if (ctx.contentLength() > MAX_LIST_BYTES) {
            throw new ApiProblem(413, "too_large", "a call list may be at most " + MAX_LIST_BYTES / 1_000_000 + " MB",
                    "file");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_LIST_BYTES) {
            throw new ApiProblem(413, "too_large", "a call list may be at most " + MAX_LIST_BYTES / 1_000_000 + " MB",
                    "file");
        }
        return body;
    }

    private static String column(Context ctx, String name, String fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        if (raw.isBlank()) {
            throw ApiProblem.badRequest(name, name + " must name a column of the file's header row");
        }
        Requests.maxLength(name, raw, 100);
        return raw.strip();
    }

    private static boolean yesNo(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badRequest(name, name + " must be true or false");
        };
    }

    private static char delimiter(Context ctx) {
        String raw = ctx.queryParam("delimiter");
        if (raw == null || raw.isEmpty() || raw.equals(",")) {
            return ',';
        }
        return switch (raw) {
            case ";" -> ';';
            case "tab", "\t" -> '\t';
            default -> throw ApiProblem.badRequest("delimiter", "delimiter must be , ; or tab");
        };
    }

    private static DncScope scope(String raw) {
        try {
            return DncScope.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("scope", "scope must be GLOBAL or CAMPAIGN");
        }
    }

    private static long longParam(String name, String raw) {
        try {
            long v = Long.parseLong(raw.trim());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, name + " must be a positive whole number");
        }
    }

    private static Session supervisor(Context ctx) {
        Session s = Routes.session(ctx);
        if (!s.isSupervisor()) {
            throw new ApiProblem(403, "forbidden", "only supervisors may set up campaigns, lists and read the dial log",
                    null);
        }
        return s;
    }

    private static Session outboundAgent(Context ctx) {
        Session s = Routes.session(ctx);
        if (s.agent().role() != Role.OUTBOUND_AGENT) {
            throw new ApiProblem(403, "forbidden", "only outbound agents work call lists", null);
        }
        return s;
    }

    private static Session supervisorOrOutbound(Context ctx) {
        Session s = Routes.session(ctx);
        if (!s.isSupervisor() && s.agent().role() != Role.OUTBOUND_AGENT) {
            throw new ApiProblem(403, "forbidden", "only supervisors and outbound agents may use outbound campaigns", null);
        }
        return s;
    }
}
