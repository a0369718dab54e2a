package dev.switchboard.desktop.knowledge;

import dev.switchboard.api.CallScriptView;
import dev.switchboard.api.HelpedArticleView;
import dev.switchboard.api.KnowledgeItemView;
import dev.switchboard.api.KnowledgeView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.Channel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The knowledge panel beside the card: for the contact in hand, the articles and canned responses its
 * subject and queue suggest (or those the agent searches for), the call script of its queue or
 * campaign, and "this helped", recorded on the contact's ticket. Answers for a contact the agent has
 * left are dropped.
 */
public final class KnowledgeViewModel {
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final ObservableList<KnowledgeItemView> items = FXCollections.observableArrayList();
    private final ObjectProperty<KnowledgeItemView> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<CallScriptView> script = new ReadOnlyObjectWrapper<>(this, "script");
    private final ReadOnlyObjectWrapper<Long> ticketId = new ReadOnlyObjectWrapper<>(this, "ticketId");
    private final ReadOnlyBooleanWrapper text = new ReadOnlyBooleanWrapper(this, "text");
    private final ReadOnlyBooleanWrapper hasContact = new ReadOnlyBooleanWrapper(this, "hasContact");
    private final ReadOnlyStringWrapper helpedText = new ReadOnlyStringWrapper(this, "helpedText", "");
    private final Set<Long> helped = new HashSet<>();
    private Long interactionId;
    private String query = "";
    private int generation;

    public KnowledgeViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
    }

    /** The contact now in hand (null: none): its suggestions and script are asked for. */
    public void show(Long interactionId, Channel channel) {
        if (java.util.Objects.equals(this.interactionId, interactionId)) {
            return;
        }
        this.interactionId = interactionId;
        query = "";
        helped.clear();
        script.set(null);
        ticketId.set(null);
        text.set(channel != null && channel != Channel.PHONE);
        hasContact.set(interactionId != null);
        ask();
    }

    /** Searches for the words typed; blank goes back to the contact's suggestions. */
    public void search(String words) {
        String q = words == null ? "" : words.strip();
        if (q.equals(query)) {
            return;
        }
        query = q;
        ask();
    }

    /** Asks again for what is on screen (after a failure, or a ticket linked since). */
    public void refresh() {
        ask();
    }

    private void ask() {
        int asked = ++generation;
        problem.set("");
        if (interactionId == null && query.isEmpty()) {
            loading.set(false);
            items.clear();
            status.set(messages.get("knowledge.status.noContact"));
            return;
        }
        loading.set(true);
        Long contact = interactionId;
        String words = query;
        tasks.run(() -> api.knowledge(contact, words.isEmpty() ? null : words), v -> {
            if (asked == generation) {
                loading.set(false);
                shown(v);
            }
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                items.clear();
                problem.set(messages.format("knowledge.failed", errors.of(e)));
            }
        });
    }

    private void shown(KnowledgeView v) {
        KnowledgeItemView before = selected.get();
        items.setAll(v.items());
        v.items().stream().filter(KnowledgeItemView::helped).forEach(i -> helped.add(i.id()));
        if (interactionId != null && query.isEmpty()) {
            script.set(v.script());
        }
        if (interactionId != null) {
            ticketId.set(v.ticketId());
        }
        String searched = String.join(", ", v.searchedFor());
        if (v.items().isEmpty()) {
            status.set(v.suggested() ? messages.get("knowledge.status.noSuggestions")
                    : messages.format("knowledge.status.nothingFound", query));
        } else if (v.suggested()) {
            status.set(searched.isEmpty() ? messages.get("knowledge.status.forQueue")
                    : messages.format("knowledge.status.suggested", searched));
        } else {
            status.set(messages.format("knowledge.status.found", v.items().size(), query));
        }
        KnowledgeItemView keep = before == null ? null : v.items().stream()
                .filter(i -> i.kind().equals(before.kind()) && i.id() == before.id()).findFirst().orElse(null);
        selected.set(keep != null ? keep : v.items().isEmpty() ? null : v.items().get(0));
        updateHelpedText();
    }

    /** Says something under the search until the next answer replaces it. */
    public void say(String text) {
        status.set(text);
    }

    /** Records that the selected article helped with the contact's ticket. */
    public void markHelped() {
        KnowledgeItemView item = selected.get();
        Long ticket = ticketId.get();
        if (item == null || !item.isArticle() || ticket == null || helped.contains(item.id())) {
            return;
        }
        int asked = generation;
        problem.set("");
        tasks.run(() -> api.articleHelped(ticket, item.id()), (List<HelpedArticleView> list) -> {
            if (asked == generation) {
                list.forEach(h -> helped.add(h.articleId()));
                updateHelpedText();
            }
        }, e -> {
            if (asked == generation) {
                problem.set(messages.format("knowledge.helped.failed", errors.of(e)));
            }
        });
    }

    /** Says for the selected entry whether "helped" can be, or has been, recorded. */
    public void updateHelpedText() {
        KnowledgeItemView item = selected.get();
        if (item == null || !item.isArticle()) {
            helpedText.set("");
        } else if (ticketId.get() == null) {
            helpedText.set(messages.get("knowledge.helped.noTicket"));
        } else if (helped.contains(item.id())) {
            helpedText.set(messages.format("knowledge.helped.done", messages.format("ticket.number", ticketId.get())));
        } else {
            helpedText.set("");
        }
    }

    /** Whether "helped" can be recorded for the selected entry now. */
    public boolean canMarkHelped() {
        KnowledgeItemView item = selected.get();
        return item != null && item.isArticle() && ticketId.get() != null && !helped.contains(item.id());
    }

    public boolean isHelped(KnowledgeItemView item) {
        return item != null && item.isArticle() && helped.contains(item.id());
    }

    public ObservableList<KnowledgeItemView> items() {
        return items;
    }

    public ObjectProperty<KnowledgeItemView> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CallScriptView> scriptProperty() {
        return script.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> ticketIdProperty() {
        return ticketId.getReadOnlyProperty();
    }

    /** Whether the contact in hand is written (chat, e-mail, social): an entry can go into the reply. */
    public ReadOnlyBooleanProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasContactProperty() {
        return hasContact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty helpedTextProperty() {
        return helpedText.getReadOnlyProperty();
    }
}
