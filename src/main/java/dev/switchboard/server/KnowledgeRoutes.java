package dev.switchboard.server;

import dev.switchboard.api.ArticleRequest;
import dev.switchboard.api.HelpedRequest;
import dev.switchboard.api.ScriptRequest;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Knowledge and scripts over HTTP:
 * <ul>
 *   <li>{@code GET /api/v1/knowledge?interactionId=&q=&limit=}: articles and canned responses for the
 *       contact (suggested by its subject and queue) or for the words typed, with the contact's call
 *       script and ticket;</li>
 *   <li>{@code GET /api/v1/knowledge/articles}, {@code GET /{id}}; {@code POST} and {@code PUT /{id}}
 *       (supervisors and administrators) write one;</li>
 *   <li>{@code GET /api/v1/knowledge/scripts}; {@code PUT} (supervisors and administrators) writes the
 *       script of a queue or a campaign;</li>
 *   <li>{@code GET /api/v1/tickets/{id}/articles} and {@code POST} ({@code {"articleId": N}}): which
 *       articles helped with the ticket.</li>
 * </ul>
 */
final class KnowledgeRoutes {
    private final KnowledgeService knowledge;
    private final Requests requests;

    KnowledgeRoutes(KnowledgeService knowledge, com.fasterxml.jackson.databind.ObjectMapper strict) {
        this.knowledge = knowledge;
        this.requests = new Requests(strict);
    }

    void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/knowledge", ctx -> ctx.json(knowledge.find(Routes.session(ctx), interactionId(ctx),
                ctx.queryParam("q"), Requests.queryInt(ctx, "limit", 12, 1, 50))));
        r.get("/api/v1/knowledge/articles", ctx -> ctx.json(knowledge.articles()));
        r.get("/api/v1/knowledge/articles/{id}", ctx -> ctx.json(knowledge.article(Requests.pathId(ctx, "id"))));
        r.post("/api/v1/knowledge/articles", ctx -> ctx.status(201).json(
                knowledge.create(Routes.session(ctx), requests.body(ctx, ArticleRequest.class))));
        r.put("/api/v1/knowledge/articles/{id}", ctx -> ctx.json(knowledge.update(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, ArticleRequest.class))));
        r.get("/api/v1/knowledge/scripts", ctx -> ctx.json(knowledge.scripts()));
        r.put("/api/v1/knowledge/scripts", ctx -> ctx.json(knowledge.saveScript(Routes.session(ctx),
                requests.body(ctx, ScriptRequest.class))));
        r.get("/api/v1/tickets/{id}/articles", ctx -> ctx.json(knowledge.helpedOn(Routes.session(ctx),
                Requests.pathId(ctx, "id"))));
        r.post("/api/v1/tickets/{id}/articles", ctx -> ctx.json(knowledge.helped(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, HelpedRequest.class).articleId())));
    }

    private static Long interactionId(Context ctx) {
        String raw = ctx.queryParam("interactionId");
        return raw == null || raw.isBlank() ? null : Requests.pathId("interactionId", raw);
    }
}
