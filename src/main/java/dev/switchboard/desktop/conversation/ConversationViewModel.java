package dev.switchboard.desktop.conversation;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MessageDirection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One text contact's conversation, in its tab: its lines (loaded when the tab opens, then kept up to
 * date from the event stream: a line that comes again replaces itself), the header, whether the
 * visitor is typing, and the answer being written.
 */
public final class ConversationViewModel {
    /** The newest e-mails shown formatted; older ones show their text until asked, to bound the web views. */
    static final int FORMATTED_MAILS = 3;
    /** A visitor's "typing" is forgotten this long after they last said so (their page repeats it every 3 s). */
    static final Duration TYPING_SHOWN = Duration.ofSeconds(6);

    private final ContactItem contact;
    private final ConversationTools t;
    private final MessageTexts texts;
    private final CannedResponses canned;
    private final FilteredList<CannedResponseView> suitable;
    private final HeaderModel header;
    private final ComposerViewModel composer;
    private final TranscriptModel transcript;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<MessageItem> lines = FXCollections.observableArrayList();
    private final ObservableList<MessageItem> linesView = FXCollections.unmodifiableObservableList(lines);
    private final Map<Long, MessageItem> byId = new HashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final ReadOnlyStringWrapper typing = new ReadOnlyStringWrapper(this, "typing", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper noticeProblem = new ReadOnlyBooleanWrapper(this, "noticeProblem");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final BooleanProperty customerShown = new SimpleBooleanProperty(this, "customerShown");
    private ConversationView view;
    private Instant typingUntil = Instant.MAX;
    private boolean disposed;

    public ConversationViewModel(ContactItem contact, ConversationTools t, CannedResponses canned) {
        this.contact = contact;
        this.t = t;
        this.texts = new MessageTexts(t.messages(), t.formats());
        this.canned = canned;
        this.suitable = new FilteredList<>(canned.all(), c -> c.suits(contact.channel()));
        Medium medium = Medium.of(null, contact.channel());
        this.header = new HeaderModel(t.messages(), t.formats(), medium, contact.address());
        this.composer = new ComposerViewModel(contact.interactionId(), medium, t, texts, this::delivered);
        this.transcript = new TranscriptModel(contact.interactionId(), t, this::delivered, m -> say(m, false));
        subscriptions.listen(contact.stateProperty(), (obs, old, now) -> showState(now));
        showState(contact.state());
    }

    /** Asks the server for the whole conversation (the tab opened, or the stream had to start over). */
    public void load() {
        loading.set(true);
        loadProblem.set("");
        long id = contact.interactionId();
        t.tasks().run(() -> t.api().conversation(id), v -> {
            if (disposed) {
                return;
            }
            loading.set(false);
            show(v);
        }, e -> {
            if (disposed) {
                return;
            }
            loading.set(false);
            loadProblem.set(t.messages().format("conversation.load.failed", t.errors().of(e)));
        });
    }

    /** A line was added or its status changed; true if it is a new line from the customer. */
    boolean onMessage(MessageView m) {
        boolean added = upsert(m);
        if (added && m.direction() == MessageDirection.INBOUND) {
            typing.set("");
            typingUntil = Instant.MAX;
            if (view != null) {
                prepareAnswer();
            }
        }
        return added && m.direction() == MessageDirection.INBOUND;
    }

    void onTyping(TypingEvent e) {
        if (!e.visitor()) {
            return;
        }
        if (e.typing()) {
            String who = e.who() != null && !e.who().isBlank() ? e.who().strip()
                    : t.messages().get("conversation.typing.visitor");
            typing.set(t.messages().format("conversation.typing", who));
            typingUntil = t.clock().instant().plus(TYPING_SHOWN);
        } else {
            typing.set("");
            typingUntil = Instant.MAX;
        }
    }

    void onConversation(ConversationEvent e) {
        header.onConversation(e);
    }

    void onTicket(TicketView ticket) {
        if (view != null && view.ticketId() != null && view.ticketId() == ticket.id()) {
            header.showTicket(ticket, t.clock().instant());
        }
    }

    /** Called every second: the typing notice fades, the SLA turns overdue, typing stops counting. */
    void tick(Instant now) {
        if (now.isAfter(typingUntil)) {
            typing.set("");
            typingUntil = Instant.MAX;
        }
        header.tick(now);
        composer.tick(now);
    }

    /** Saves an attachment to the file the agent chose, in the background. */
    public void download(AttachmentView file, Path target) {
        say(t.messages().format("conversation.download.busy", file.filename()), false);
        t.tasks().run(() -> {
            Files.write(target, t.api().attachment(file.id()));
            return target;
        }, path -> say(t.messages().format("conversation.download.done", file.filename(), path.toString()), false),
                e -> say(t.messages().format("conversation.download.failed", file.filename(), t.errors().of(e)), true));
    }

    /** A link in an e-mail was clicked: nothing is opened from a customer's mail. */
    public void linkRefused(String url) {
        say(t.messages().format("conversation.link.refused", url), false);
    }

    /** "Show formatted" / "Show plain text" on an e-mail. */
    public void toggleFormatted(MessageItem item) {
        item.chooseFormatted(!item.formattedProperty().get());
    }

    /** "Edit and send again" on a line the channel refused. */
    public void useAgain(MessageItem item) {
        composer.useAgain(item.text());
    }

    public void loadCanned() {
        canned.load();
    }

    /** A canned response with this conversation's customer, ticket and agent filled in. */
    public String fill(CannedResponseView response) {
        Map<String, String> values = new HashMap<>();
        for (String placeholder : CannedResponseView.KNOWN) {
            values.put(placeholder, value(placeholder.substring(0, placeholder.indexOf('.'))));
        }
        return response.fill(values);
    }

    /** What a placeholder stands for, by what it is about: the customer's name, the ticket, the agent. */
    private String value(String about) {
        String agent = t.agentName().get();
        return switch (about) {
            case "customer" -> customerName();
            case "ticket" -> view != null && view.ticketId() != null
                    ? t.messages().format("ticket.number", view.ticketId()) : "";
            case "agent" -> agent == null ? "" : agent;
            default -> "";
        };
    }

    public void dismissNotice() {
        notice.set("");
    }

    void dispose() {
        disposed = true;
        composer.dispose();
        transcript.dispose();
        subscriptions.close();
    }

    private void show(ConversationView v) {
        view = v;
        header.show(v, Medium.of(v.platform(), contact.channel()));
        for (MessageView m : v.messages()) {
            upsert(m);
        }
        prepareAnswer();
        if (v.ticketId() != null) {
            loadTicket(v.ticketId());
        }
    }

    private void prepareAnswer() {
        List<MessageView> thread = new ArrayList<>();
        lines.forEach(line -> thread.add(line.view()));
        // the subject of the thread: its newest mail that has one, else the contact's
        String subject = contact.interaction().subject();
        for (MessageView m : thread) {
            if (m.subject() != null && !m.subject().isBlank()) {
                subject = m.subject();
            }
        }
        composer.prepare(ReplyDrafts.lastFromCustomer(thread), customerName(), view.remote(), view.ourAddress(),
                subject);
    }

    private void loadTicket(long ticketId) {
        t.tasks().run(() -> t.api().ticket(ticketId), ticket -> {
            if (!disposed && ticket != null) {
                header.showTicket(ticket, t.clock().instant());
            }
        }, e -> { }); // the header only leaves out the SLA; the conversation itself is there
    }

    /** The server's answer to the agent's own message (or transcript): in the list at once. */
    private void delivered(MessageView m) {
        upsert(m);
        if (contact.channel() == Channel.EMAIL && view != null && view.ticketId() != null) {
            loadTicket(view.ticketId()); // answered: the SLA says so
        }
    }

    private MessageItem placeholderFor(MessageView m) {
        for (MessageItem line : lines) {
            MessageView v = line.view();
            if (v.id() < 0 && v.direction() == MessageDirection.OUTBOUND && java.util.Objects.equals(v.text(), m.text())) {
                return line;
            }
        }
        return null;
    }

    /** Adds a line in time order, or replaces the one with its id; a late, older status is ignored. */
    private boolean upsert(MessageView m) {
        MessageItem known = byId.get(m.id());
        if (known == null && m.id() > 0 && m.direction() == MessageDirection.OUTBOUND) {
            // an answer written offline was shown under a placeholder (negative id) until the server took it
            known = placeholderFor(m);
            if (known != null) {
                byId.remove(known.view().id());
                byId.put(m.id(), known);
                known.take(m, texts);
                return false;
            }
        }
        if (known != null) {
            MessageView had = known.view();
            if (had.status() != null && m.status() != null && had.status().isAfter(m.status())) {
                return false;
            }
            known.take(m, texts);
            return false;
        }
        MessageItem item = new MessageItem(m, contact.channel() == Channel.EMAIL, texts);
        byId.put(m.id(), item);
        int at = lines.size();
        while (at > 0 && later(lines.get(at - 1).view(), m)) {
            at--;
        }
        lines.add(at, item);
        if (item.mail()) {
            suggestFormatting();
        }
        return true;
    }

    private static boolean later(MessageView a, MessageView b) {
        if (a.createdAt() == null || b.createdAt() == null) {
            return false;
        }
        return a.createdAt().isAfter(b.createdAt());
    }

    private void suggestFormatting() {
        int formatted = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            MessageItem item = lines.get(i);
            if (item.hasHtml() && !item.chosen()) {
                item.suggestFormatted(formatted < FORMATTED_MAILS);
                formatted++;
            } else if (item.hasHtml()) {
                formatted++;
            }
        }
    }

    private void showState(InteractionState state) {
        active.set(state == InteractionState.ACTIVE);
        composer.activeProperty().set(state == InteractionState.ACTIVE);
    }

    private String customerName() {
        if (contact.customer() != null) {
            return contact.customer().displayName();
        }
        if (view != null && view.visitorName() != null && !view.visitorName().isBlank()) {
            return view.visitorName().strip();
        }
        return "";
    }

    private void say(String text, boolean problem) {
        notice.set(text);
        noticeProblem.set(problem);
    }

    // ---- what the pane binds ----

    public long interactionId() {
        return contact.interactionId();
    }

    public ContactItem contact() {
        return contact;
    }

    public Channel channel() {
        return contact.channel();
    }

    MessageTexts texts() {
        return texts;
    }

    public ObservableList<MessageItem> lines() {
        return linesView;
    }

    public HeaderModel header() {
        return header;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public TranscriptModel transcript() {
        return transcript;
    }

    /** The canned responses meant for this channel (all of them once loaded). */
    public ObservableList<CannedResponseView> canned() {
        return suitable;
    }

    public CannedResponses cannedSource() {
        return canned;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the conversation could not be loaded; "" otherwise. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    /** "Grace is typing…", or "". */
    public ReadOnlyStringProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }

    /** A word about something the agent did here (a download, a refused link), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noticeProblemProperty() {
        return noticeProblem.getReadOnlyProperty();
    }

    /** The contact is active with this agent: answers can be sent. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The agent switched this tab to the customer card; false shows the conversation. */
    public BooleanProperty customerShownProperty() {
        return customerShown;
    }

    /** The visitor's e-mail address, for the transcript; null if they gave none. */
    public String visitorEmail() {
        return view == null ? null : view.visitorEmail();
    }
}
