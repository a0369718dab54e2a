package dev.switchboard.desktop.knowledge;

import dev.switchboard.api.ArticleRequest;
import dev.switchboard.api.ArticleView;
import dev.switchboard.api.CallScriptView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.ScriptRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The supervisors' knowledge editor: the articles (pick one to change it, or start a new one) and the
 * call script of each queue and campaign (pick what it is for to read or rewrite it). A save goes to
 * the server in the background; what it refuses is said with the field it names, and the form keeps
 * what was typed.
 */
public final class KnowledgeEditorViewModel {
    /** What an article or script is for: a queue, a campaign, or (articles only) any queue. */
    public record Target(Long queueId, Long campaignId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Supplier<List<QueueView>> queueList;
    private final Target anyQueue;
    private final ObservableList<ArticleView> articles = FXCollections.observableArrayList();
    private final ObservableList<Target> queues = FXCollections.observableArrayList();
    private final ObservableList<Target> scriptTargets = FXCollections.observableArrayList();
    private final ObjectProperty<ArticleView> article = new SimpleObjectProperty<>(this, "article");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty keywords = new SimpleStringProperty(this, "keywords", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObjectProperty<Target> queue = new SimpleObjectProperty<>(this, "queue");
    private final ObjectProperty<Target> scriptTarget = new SimpleObjectProperty<>(this, "scriptTarget");
    private final StringProperty scriptTitle = new SimpleStringProperty(this, "scriptTitle", "");
    private final StringProperty scriptBody = new SimpleStringProperty(this, "scriptBody", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper(this, "errorField", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final List<CallScriptView> scripts = new ArrayList<>();

    public KnowledgeEditorViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors,
                                    Supplier<List<QueueView>> queues) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.queueList = queues;
        this.anyQueue = new Target(null, null, messages.get("knowledge.editor.anyQueue"));
        article.addListener((obs, old, now) -> fill(now));
        scriptTarget.addListener((obs, old, now) -> fillScript(now));
    }

    /** Reads the articles, the scripts, the queues and the campaigns afresh; starts on a new article. */
    public void open() {
        List<QueueView> known = queueList.get() == null ? List.of() : queueList.get();
        List<Target> byQueue = known.stream().map(q -> new Target(q.id(), null, q.name())).toList();
        queues.setAll(byQueue);
        queues.add(0, anyQueue);
        scriptTargets.setAll(byQueue);
        article.set(null);
        fill(null);
        clearMessages();
        busy.set(true);
        tasks.run(() -> new Loaded(api.knowledgeArticles(), api.callScripts(), campaigns()), loaded -> {
            busy.set(false);
            articles.setAll(loaded.articles());
            scripts.clear();
            scripts.addAll(loaded.scripts());
            loaded.campaigns().forEach(c -> scriptTargets.add(new Target(null, c.id(),
                    messages.format("knowledge.editor.campaign", c.name()))));
            if (!scriptTargets.isEmpty() && scriptTarget.get() == null) {
                scriptTarget.set(scriptTargets.get(0));
            } else {
                fillScript(scriptTarget.get());
            }
            status.set(messages.format("knowledge.editor.count", loaded.articles().size()));
        }, e -> {
            busy.set(false);
            error.set(errors.of(e));
        });
    }

    private record Loaded(List<ArticleView> articles, List<CallScriptView> scripts, List<CampaignView> campaigns) {
    }

    /** Supervisors see every campaign; a centre without outbound has none. */
    private List<CampaignView> campaigns() {
        try {
            return api.outboundCampaigns();
        } catch (UnsupportedOperationException e) {
            return List.of();
        }
    }

    /** An empty form for a new article. */
    public void newArticle() {
        article.set(null);
        fill(null);
        clearMessages();
    }

    public void saveArticle() {
        clearMessages();
        if (title.get() == null || title.get().isBlank()) {
            refuse("title", messages.get("knowledge.editor.needsTitle"));
            return;
        }
        if (body.get() == null || body.get().isBlank()) {
            refuse("body", messages.get("knowledge.editor.needsBody"));
            return;
        }
        ArticleView editing = article.get();
        Target q = queue.get();
        ArticleRequest request = new ArticleRequest(title.get().strip(), body.get().strip(), words(keywords.get()),
                q == null ? null : q.queueId());
        busy.set(true);
        tasks.run(() -> api.saveArticle(editing == null ? null : editing.id(), request), saved -> {
            busy.set(false);
            articles.removeIf(a -> a.id() == saved.id());
            articles.add(saved);
            articles.sort((a, b) -> a.title().compareToIgnoreCase(b.title()));
            article.set(saved);
            status.set(messages.format("knowledge.editor.saved", saved.title()));
        }, e -> {
            busy.set(false);
            refuse(ErrorText.field(e), errors.of(e));
        });
    }

    public void saveScript() {
        clearMessages();
        Target target = scriptTarget.get();
        if (target == null) {
            refuse("scriptFor", messages.get("knowledge.editor.needsTarget"));
            return;
        }
        if (scriptTitle.get() == null || scriptTitle.get().isBlank()) {
            refuse("scriptTitle", messages.get("knowledge.editor.needsTitle"));
            return;
        }
        if (scriptBody.get() == null || scriptBody.get().isBlank()) {
            refuse("scriptBody", messages.get("knowledge.editor.needsBody"));
            return;
        }
        ScriptRequest request = new ScriptRequest(scriptTitle.get().strip(), scriptBody.get().strip(),
                target.queueId(), target.campaignId());
        busy.set(true);
        tasks.run(() -> api.saveScript(request), saved -> {
            busy.set(false);
            scripts.removeIf(s -> sameTarget(s, target));
            scripts.add(saved);
            status.set(messages.format("knowledge.editor.scriptSaved", target.name()));
        }, e -> {
            busy.set(false);
            String field = ErrorText.field(e);
            refuse(field == null ? null : switch (field) {
                case "title" -> "scriptTitle";
                case "body" -> "scriptBody";
                default -> "scriptFor";
            }, errors.of(e));
        });
    }

    private void fill(ArticleView a) {
        title.set(a == null ? "" : a.title());
        body.set(a == null ? "" : a.body());
        keywords.set(a == null ? "" : String.join(", ", a.keywords()));
        queue.set(a == null || a.queueId() == null ? anyQueue : queues.stream()
                .filter(t -> a.queueId().equals(t.queueId())).findFirst().orElse(anyQueue));
    }

    private void fillScript(Target target) {
        CallScriptView found = target == null ? null
                : scripts.stream().filter(s -> sameTarget(s, target)).findFirst().orElse(null);
        scriptTitle.set(found == null ? "" : found.title());
        scriptBody.set(found == null ? "" : found.body());
    }

    private static boolean sameTarget(CallScriptView s, Target t) {
        return Objects.equals(s.queueId(), t.queueId()) && Objects.equals(s.campaignId(), t.campaignId());
    }

    private static List<String> words(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
                .distinct().toList();
    }

    private void refuse(String field, String text) {
        errorField.set(field == null ? "" : field);
        error.set(text);
    }

    private void clearMessages() {
        error.set("");
        errorField.set("");
        status.set("");
    }

    public ObservableList<ArticleView> articles() {
        return articles;
    }

    public ObservableList<Target> queues() {
        return queues;
    }

    public ObservableList<Target> scriptTargets() {
        return scriptTargets;
    }

    public ObjectProperty<ArticleView> articleProperty() {
        return article;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty keywordsProperty() {
        return keywords;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<Target> queueProperty() {
        return queue;
    }

    public ObjectProperty<Target> scriptTargetProperty() {
        return scriptTarget;
    }

    public StringProperty scriptTitleProperty() {
        return scriptTitle;
    }

    public StringProperty scriptBodyProperty() {
        return scriptBody;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The field the last refusal named: an article's "title", "body", "keywords" or "queueId"; a script's
     * "scriptFor", "scriptTitle" or "scriptBody"; or "".
     */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
