package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.TypingRequest;
import dev.switchboard.store.MessageStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The REST side of the text channels: a contact's conversation, answers (sent once per client key),
 * typing, chat transcripts, attachments and canned responses. Authenticated like the rest of
 * {@code /api/v1}.
 */
public final class ConversationRoutes {
    private final ConversationService conversations;
    private final Replies replies;
    private final Requests requests;
    private final ContactService contacts;
    private final Scopes scopes;

    public ConversationRoutes(ConversationService conversations, Replies replies, ObjectMapper strict,
                              ContactService contacts, Scopes scopes) {
        this.conversations = conversations;
        this.replies = replies;
        this.requests = new Requests(strict);
        this.contacts = contacts;
        this.scopes = scopes;
    }

    public void install(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/v1/interactions/{id}/conversation", ctx -> {
            long id = Requests.pathId(ctx, "id");
            // the whole conversation: only for whoever it was offered to or handled it (or their supervisor)
            scopes.checkWorkedOn(Routes.session(ctx), contacts.find(id));
            ctx.json(conversations.conversation(id));
        });
        r.post("/api/v1/interactions/{id}/messages", ctx -> ctx.json(replies.send(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, SendMessageRequest.class))));
        r.post("/api/v1/interactions/{id}/typing", ctx -> {
            replies.typing(Routes.session(ctx), Requests.pathId(ctx, "id"),
                    requests.body(ctx, TypingRequest.class).typing());
            ctx.status(204);
        });
        r.post("/api/v1/interactions/{id}/transcript", ctx -> ctx.json(replies.transcript(Routes.session(ctx),
                Requests.pathId(ctx, "id"), requests.body(ctx, TranscriptRequest.class))));
        r.get("/api/v1/attachments/{id}", this::attachment);
        r.get("/api/v1/canned-responses", ctx -> ctx.json(conversations.cannedResponses()));
    }

    private void attachment(Context ctx) {
        long attachmentId = Requests.pathId(ctx, "id");
        MessageStore.StoredAttachment stored = conversations.attachment(attachmentId);
        try {
            scopes.checkWorkedOn(Routes.session(ctx), contacts.find(stored.interactionId()));
        } catch (ApiProblem outOfScope) {
            throw ApiProblem.notFound("attachment", attachmentId);
        }
        var a = stored.attachment();
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(a.contentType()).result(a.data());
    }
}
