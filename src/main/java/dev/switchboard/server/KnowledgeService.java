package dev.switchboard.server;

import dev.switchboard.api.ArticleRequest;
import dev.switchboard.api.ArticleView;
import dev.switchboard.api.CallScriptView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.HelpedArticleView;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.KnowledgeItemView;
import dev.switchboard.api.KnowledgeView;
import dev.switchboard.api.ScriptRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.knowledge.KnowledgeMatcher;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.KnowledgeStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Knowledge for the contact in hand: articles and canned responses found by the contact's subject
 * (or the words the agent types) and its queue, with the contact's placeholders filled in; the call
 * script of its queue or campaign; and which articles helped with its ticket. Supervisors and
 * administrators write the articles and scripts.
 */
final class KnowledgeService {
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 8000;
    static final int MAX_KEYWORDS = 20;
    static final int MAX_KEYWORD = 40;

    private final KnowledgeStore store;
    private final ContactService contacts;
    private final TicketStore tickets;
    private final CustomerStore customers;
    private final Scopes scopes;
    private final Clock clock;

    KnowledgeService(KnowledgeStore store, ContactService contacts, TicketStore tickets, CustomerStore customers,
                     Scopes scopes, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.tickets = tickets;
        this.customers = customers;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** What one contact's placeholders stand for, its queue and its ticket. */
    private record Context(InteractionView contact, Map<String, String> values, Long ticketId) {
        static final Context NONE = new Context(null, null, null);

        Long queueId() {
            return contact == null || contact.routing() == null ? null : contact.routing().queueId();
        }

        Channel channel() {
            return contact == null ? null : contact.channel();
        }

        String fill(String text) {
            if (values == null) {
                return text;
            }
            return new CannedResponseView(0, "", text, List.of()).fill(values);
        }
    }

    /**
     * Articles and canned responses for a contact (when {@code interactionId} is given) and/or for the
     * words typed ({@code query}); with nothing typed, the contact's subject is searched, and a contact
     * whose subject says nothing gets its queue's articles.
     */
    KnowledgeView find(Session s, Long interactionId, String query, int limit) {
        if (query != null && query.length() > 200) {
            throw ApiProblem.badRequest("q", "search for at most 200 characters");
        }
        Context ctx = interactionId == null ? Context.NONE : context(s, interactionId);
        boolean typed = query != null && !query.isBlank();
        if (!typed && ctx.contact() == null) {
            throw ApiProblem.badRequest("q", "give words to search for, or the contact (interactionId) to suggest for");
        }
        String text = typed ? query : withoutNames(about(ctx.contact()), ctx);
        List<String> words = KnowledgeMatcher.words(text);
        Map<Long, Integer> counts = store.helpedCounts();
        Set<Long> helped = new HashSet<>();
        if (ctx.ticketId() != null) {
            store.helpedOn(ctx.ticketId()).forEach(h -> helped.add(h.articleId()));
        }
        Map<String, KnowledgeStore.Article> articles = new HashMap<>();
        Map<String, KnowledgeStore.Canned> canned = new HashMap<>();
        List<KnowledgeMatcher.Entry> entries = new ArrayList<>();
        for (KnowledgeStore.Article a : store.articles()) {
            String key = "A" + a.id();
            articles.put(key, a);
            entries.add(new KnowledgeMatcher.Entry(key, a.title(), a.body(), a.keywords(), a.queueId()));
        }
        if (ctx.channel() != Channel.PHONE) {
            for (KnowledgeStore.Canned c : store.cannedResponses()) {
                if (suits(c, ctx.channel())) {
                    String key = "C" + c.id();
                    canned.put(key, c);
                    entries.add(new KnowledgeMatcher.Entry(key, c.title(), c.body(), c.keywords(), c.queueId()));
                }
            }
        }
        List<KnowledgeMatcher.Match> found = KnowledgeMatcher.match(text, ctx.queueId(), entries, limit, typed ? 1 : 2);
        if (found.isEmpty() && !typed && ctx.queueId() != null) {
            found = ofQueue(entries, ctx.queueId(), counts, limit);
        }
        List<KnowledgeItemView> items = new ArrayList<>();
        for (KnowledgeMatcher.Match m : found) {
            String key = m.entry().key();
            KnowledgeStore.Article a = articles.get(key);
            if (a != null) {
                items.add(new KnowledgeItemView(KnowledgeItemView.ARTICLE, a.id(), a.title(), ctx.fill(a.body()),
                        a.queueName(), m.matchedWords(), counts.getOrDefault(a.id(), 0), helped.contains(a.id())));
            } else {
                KnowledgeStore.Canned c = canned.get(key);
                items.add(new KnowledgeItemView(KnowledgeItemView.CANNED, c.id(), c.title(), ctx.fill(c.body()),
                        c.queueName(), m.matchedWords(), 0, false));
            }
        }
        return new KnowledgeView(words, !typed, items, script(ctx), ctx.ticketId());
    }

    /**
     * What a contact is about: its subject; for a chat or a social message, whose subject only says
     * where it came from, the start of what the customer wrote too.
     */
    private static String about(InteractionView contact) {
        if (contact.channel() == Channel.CHAT || contact.channel() == Channel.SOCIAL) {
            String body = contact.body() == null ? "" : contact.body();
            return contact.subject() + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
        return contact.subject();
    }

    /**
     * A subject without the customer's name and address in it ("Chat with Ann Rivers on /checkout"):
     * those say who writes, not what about.
     */
    private static String withoutNames(String subject, Context ctx) {
        java.util.Set<String> names = new java.util.HashSet<>(KnowledgeMatcher.words(ctx.values().get("customer.name")));
        names.addAll(KnowledgeMatcher.words(ctx.contact().address()));
        StringBuilder kept = new StringBuilder();
        for (String w : KnowledgeMatcher.words(subject)) {
            if (!names.contains(w)) {
                kept.append(w).append(' ');
            }
        }
        return kept.toString();
    }

    /** A queue's own entries, those that helped most first: what a call without a subject is offered. */
    private static List<KnowledgeMatcher.Match> ofQueue(List<KnowledgeMatcher.Entry> entries, long queueId,
                                                        Map<Long, Integer> counts, int limit) {
        return entries.stream().filter(e -> Long.valueOf(queueId).equals(e.queueId()))
                .sorted(Comparator.comparingInt((KnowledgeMatcher.Entry e) -> e.key().startsWith("A")
                                ? -counts.getOrDefault(Long.parseLong(e.key().substring(1)), 0) : 0)
                        .thenComparing(KnowledgeMatcher.Entry::title, String.CASE_INSENSITIVE_ORDER))
                .limit(limit)
                .map(e -> new KnowledgeMatcher.Match(e, 0, List.of(), true))
                .toList();
    }

    private static boolean suits(KnowledgeStore.Canned c, Channel channel) {
        if (channel == null || c.channels() == null || c.channels().isBlank()) {
            return true;
        }
        return Arrays.stream(c.channels().split(",")).map(String::trim).anyMatch(channel.name()::equals);
    }

    /** A phone contact's script: its campaign's when a dialler placed it, else its queue's. */
    private CallScriptView script(Context ctx) {
        if (ctx.contact() == null || ctx.channel() != Channel.PHONE) {
            return null;
        }
        java.util.Optional<KnowledgeStore.Script> found = store.campaignOf(ctx.contact().id())
                .flatMap(store::scriptForCampaign);
        if (found.isEmpty() && ctx.queueId() != null) {
            found = store.scriptForQueue(ctx.queueId());
        }
        return found.map(sc -> new CallScriptView(sc.id(), sc.title(), ctx.fill(sc.body()), sc.queueId(),
                sc.campaignId(), sc.forName())).orElse(null);
    }

    private Context context(Session s, long interactionId) {
        InteractionView contact = contacts.find(interactionId);
        scopes.checkInteraction(s, contact);
        List<Long> linked = tickets.ticketsOf(interactionId);
        Long ticketId = linked.isEmpty() ? null : linked.get(linked.size() - 1);
        Map<String, String> values = new HashMap<>();
        values.put("agent.name", s.agent().displayName());
        values.put("customer.name", contact.customerId() == null ? ""
                : customers.find(contact.customerId()).map(dev.switchboard.domain.Customer::displayName).orElse(""));
        values.put("ticket.number", ticketId == null ? "" : "T-" + ticketId);
        return new Context(contact, values, ticketId);
    }

    List<ArticleView> articles() {
        Map<Long, Integer> counts = store.helpedCounts();
        return store.articles().stream().map(a -> view(a, counts)).toList();
    }

    ArticleView article(long id) {
        return store.article(id).map(a -> view(a, store.helpedCounts()))
                .orElseThrow(() -> ApiProblem.notFound("article", id));
    }

    ArticleView create(Session s, ArticleRequest request) {
        requireEditor(s);
        KnowledgeStore.ArticleText text = checked(request);
        long id = store.insertArticle(text, s.agentId(), clock.instant());
        return article(id);
    }

    ArticleView update(Session s, long id, ArticleRequest request) {
        requireEditor(s);
        KnowledgeStore.ArticleText text = checked(request);
        if (!store.updateArticle(id, text, s.agentId(), clock.instant())) {
            throw ApiProblem.notFound("article", id);
        }
        return article(id);
    }

    List<CallScriptView> scripts() {
        return store.scripts().stream().map(sc -> new CallScriptView(sc.id(), sc.title(), sc.body(), sc.queueId(),
                sc.campaignId(), sc.forName())).toList();
    }

    CallScriptView saveScript(Session s, ScriptRequest request) {
        requireEditor(s);
        if (request == null || (request.queueId() == null) == (request.campaignId() == null)) {
            throw ApiProblem.badRequest("queueId", "a script is for one queue (queueId) or one campaign (campaignId)");
        }
        String title = text("title", request.title(), MAX_TITLE);
        String body = text("body", request.body(), MAX_BODY);
        if (request.queueId() != null && !store.queueExists(request.queueId())) {
            throw ApiProblem.badRequest("queueId", "there is no queue " + request.queueId());
        }
        if (request.campaignId() != null && !store.campaignExists(request.campaignId())) {
            throw ApiProblem.badRequest("campaignId", "there is no campaign " + request.campaignId());
        }
        store.saveScript(request.queueId(), request.campaignId(), title, body, s.agentId(), clock.instant());
        return (request.queueId() != null ? store.scriptForQueue(request.queueId())
                : store.scriptForCampaign(request.campaignId()))
                .map(sc -> new CallScriptView(sc.id(), sc.title(), sc.body(), sc.queueId(), sc.campaignId(), sc.forName()))
                .orElseThrow();
    }

    /** Records that an article helped with a ticket (once; again changes nothing); the articles that helped it. */
    List<HelpedArticleView> helped(Session s, long ticketId, Long articleId) {
        checkTicket(s, ticketId);
        if (articleId == null) {
            throw ApiProblem.badRequest("articleId", "articleId is required");
        }
        KnowledgeStore.Article a = store.article(articleId)
                .orElseThrow(() -> ApiProblem.badRequest("articleId", "there is no article " + articleId));
        store.recordHelped(ticketId, a.id(), a.title(), s.agentId(), s.agent().displayName(), clock.instant());
        return helpedOn(s, ticketId);
    }

    List<HelpedArticleView> helpedOn(Session s, long ticketId) {
        checkTicket(s, ticketId);
        return store.helpedOn(ticketId).stream()
                .map(h -> new HelpedArticleView(h.articleId(), h.title(), h.agentName(), h.at())).toList();
    }

    private void checkTicket(Session s, long ticketId) {
        long customerId = tickets.find(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", ticketId)).customerId();
        if (!scopes.mayOpen(s, customerId)) {
            throw ApiProblem.notFound("ticket", ticketId);
        }
    }

    private ArticleView view(KnowledgeStore.Article a, Map<Long, Integer> counts) {
        return new ArticleView(a.id(), a.title(), a.body(), a.keywords(), a.queueId(), a.queueName(), a.updatedAt(),
                counts.getOrDefault(a.id(), 0));
    }

    private KnowledgeStore.ArticleText checked(ArticleRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("title", "an article needs a title and a body");
        }
        String title = text("title", request.title(), MAX_TITLE);
        String body = text("body", request.body(), MAX_BODY);
        List<String> keywords = new ArrayList<>();
        for (String k : request.keywords() == null ? List.<String>of() : request.keywords()) {
            String w = k == null ? "" : k.trim().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.contains(",") || w.length() > MAX_KEYWORD) {
                throw ApiProblem.badRequest("keywords", "each keyword is 1 to " + MAX_KEYWORD
                        + " characters without commas: \"" + (k == null ? "" : k) + "\"");
            }
            if (!keywords.contains(w)) {
                keywords.add(w);
            }
        }
        if (keywords.size() > MAX_KEYWORDS) {
            throw ApiProblem.badRequest("keywords", "at most " + MAX_KEYWORDS + " keywords");
        }
        if (request.queueId() != null && !store.queueExists(request.queueId())) {
            throw ApiProblem.badRequest("queueId", "there is no queue " + request.queueId());
        }
        return new KnowledgeStore.ArticleText(title, body, List.copyOf(keywords), request.queueId());
    }

    private static String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        if (v.length() > max) {
            throw ApiProblem.badRequest(field, field + " is at most " + max + " characters");
        }
        return v;
    }

    private static void requireEditor(Session s) {
        if (!s.isSupervisor()) {
            throw new ApiProblem(403, "forbidden", "only supervisors and administrators write articles and scripts", null);
        }
    }
}
