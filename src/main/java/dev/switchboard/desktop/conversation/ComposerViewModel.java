package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewAttachment;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.desktop.Subscriptions;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The answer being written at the foot of a conversation. Send gets it to the server once (see
 * {@link AnswerSender}); the draft is cleared only when the server returned the message. A chat tells
 * the visitor the agent is typing. An e-mail answer is a reply, a reply to all or a forward, with a
 * subject, the customer's mail quoted under the cursor, and files.
 */
public final class ComposerViewModel {
    /** Typing stops counting this long after the last key. */
    static final Duration TYPING_IDLE = Duration.ofSeconds(3);
    /** While typing goes on, the visitor is told again this often (their page forgets after 30 s). */
    static final Duration TYPING_REPEAT = Duration.ofSeconds(20);

    private final long interactionId;
    private final Medium medium;
    private final ConversationTools t;
    private final ReplyDrafts drafts;
    private final Consumer<MessageView> delivered;
    private final AnswerSender sender;
    private final DraftFiles files;
    private final Subscriptions subscriptions = new Subscriptions();
    private final InvalidationListener refresh = o -> refresh();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ReplyMode> mode = new SimpleObjectProperty<>(this, "mode", ReplyMode.REPLY);
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty cc = new SimpleStringProperty(this, "cc", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyStringWrapper replyTo = new ReadOnlyStringWrapper(this, "replyTo", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper retryShown = new ReadOnlyBooleanWrapper(this, "retryShown");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
    private final ReadOnlyIntegerWrapper prefills = new ReadOnlyIntegerWrapper(this, "prefills");
    private String localProblem = "";
    private boolean programmatic;
    // the thread an e-mail answer starts from
    private MessageView last;
    private String customer = "";
    private String customerAddress = "";
    private String ours = "";
    private String originalSubject = "";
    private String prefill = "";
    /** The draft starts with the customer's mail quoted: until it is answered. */
    private boolean quoting;
    private String suggestedSubject = "";
    private String suggestedCc = "";
    // telling a chat visitor
    private boolean typing;
    private Instant lastKey = Instant.MIN;
    private Instant typingSaid = Instant.MIN;

    ComposerViewModel(long interactionId, Medium medium, ConversationTools t, MessageTexts texts,
                      Consumer<MessageView> delivered) {
        this.interactionId = interactionId;
        this.medium = medium;
        this.t = t;
        this.drafts = new ReplyDrafts(t.messages(), t.formats());
        this.delivered = delivered;
        this.sender = new AnswerSender(t);
        this.files = new DraftFiles(t, texts);
        subscriptions.listen(text, (obs, old, now) -> {
            if (!programmatic) {
                edited();
            }
        });
        subscriptions.listen(mode, (obs, old, now) -> modeChanged(now));
        subscriptions.listen(to, (obs, old, now) -> clearLocalProblem());
        for (Observable o : List.<Observable>of(text, active, files.files(), sender.stateProperty(),
                sender.problemProperty(), mode)) {
            o.addListener(refresh);
            subscriptions.onClose(() -> o.removeListener(refresh));
        }
        refresh();
    }

    /** Sends the answer; does nothing while one is on its way or there is nothing to send. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        if (mail() && mode.get() == ReplyMode.FORWARD && ReplyDrafts.addresses(to.get()).isEmpty()) {
            localProblem = t.messages().get("conversation.forward.needsTo");
            refresh();
            return;
        }
        localProblem = "";
        stopTyping();
        sender.send(request(), this::sent);
    }

    /** Not sent — Retry: the same answer with the same key. */
    public void retry() {
        if (sender.stateProperty().get() == AnswerSender.State.NOT_SENT) {
            sender.send(request(), this::sent);
        }
    }

    /** "Edit and send again" on a line the channel refused: its text comes back into the draft. */
    public void useAgain(String failedText) {
        if (failedText == null || failedText.isBlank() || busy.get()) {
            return;
        }
        String draft = text.get();
        setDraft(draft.isBlank() || draft.equals(prefill) ? failedText + prefill : draft + "\n" + failedText);
        prefills.set(prefills.get() + 1);
    }

    /** Called every second: typing stops counting after a few quiet seconds. */
    void tick(Instant now) {
        if (typing && !now.isBefore(lastKey.plus(TYPING_IDLE))) {
            stopTyping();
        }
    }

    /**
     * The e-mail thread changed (opened, or a new mail from the customer): the subject, the reply-all
     * copy list and the quote follow it, unless the agent already changed them.
     */
    void prepare(MessageView lastFromCustomer, String customerName, String address, String ourAddress,
                 String threadSubject) {
        if (!mail()) {
            return;
        }
        if (lastFromCustomer != null && (last == null || last.id() != lastFromCustomer.id())) {
            quoting = true;
        }
        last = lastFromCustomer;
        customer = customerName == null ? "" : customerName;
        customerAddress = address == null ? "" : address;
        ours = ourAddress == null ? "" : ourAddress;
        originalSubject = threadSubject == null ? "" : threadSubject;
        replyTo.set(t.messages().format("conversation.replyTo", customerAddress));
        suggest(mode.get());
    }

    void dispose() {
        stopTyping();
        sender.close();
        subscriptions.close();
    }

    private void sent(MessageView view) {
        delivered.accept(view);
        String draft = text.get() == null ? "" : text.get().strip();
        if (!draft.isEmpty() && !draft.equals(view.text())) {
            // the agent changed the draft after "Not sent", but the first version had reached the server
            // (it is what the customer got): the changes stay here, to be sent as a new answer
            localProblem = t.messages().get("conversation.sentEarlierVersion");
            refresh();
            return;
        }
        // answered: the next answer starts empty, until the customer writes again
        quoting = false;
        prefill = "";
        setDraft("");
        files.clear();
        to.set("");
        cc.set("");
        subject.set("");
        suggestedSubject = "";
        suggestedCc = "";
        localProblem = "";
        if (mode.get() == ReplyMode.REPLY) {
            suggest(ReplyMode.REPLY);
        } else {
            mode.set(ReplyMode.REPLY);
        }
    }

    private Function<String, Callable<MessageView>> request() {
        String body = text.get().strip();
        long id = interactionId;
        if (!mail()) {
            return key -> () -> t.api().sendMessage(id, new SendMessageRequest(key, body));
        }
        ReplyMode m = mode.get();
        List<String> toList = m == ReplyMode.FORWARD ? ReplyDrafts.addresses(to.get()) : null;
        List<String> ccList = m == ReplyMode.REPLY ? null : ReplyDrafts.addresses(cc.get());
        String subj = subject.get() == null || subject.get().isBlank() ? null : subject.get().strip();
        List<DraftAttachment> attached = List.copyOf(files.files());
        return key -> () -> t.api().sendMessage(id, new SendMessageRequest(key, body, m, toList, ccList, subj,
                encode(attached)));
    }

    /** Runs in the background with the request. */
    private static List<NewAttachment> encode(List<DraftAttachment> attached) {
        return attached.stream().map(a -> new NewAttachment(a.name(), a.contentType(),
                Base64.getEncoder().encodeToString(a.data()))).toList();
    }

    private void modeChanged(ReplyMode now) {
        if (now == null) {
            mode.set(ReplyMode.REPLY);
            return;
        }
        suggest(now);
    }

    /** Subject, copies and quote for the mode, where the agent has not written their own. */
    private void suggest(ReplyMode m) {
        String base = last != null && last.subject() != null && !last.subject().isBlank() ? last.subject()
                : originalSubject;
        String subjectNow = drafts.subject(m, base);
        if (subject.get().isBlank() || subject.get().equals(suggestedSubject)) {
            subject.set(subjectNow);
        }
        suggestedSubject = subjectNow;
        String ccNow = String.join(", ", ReplyDrafts.replyAllCc(last, customerAddress, ours));
        if (m == ReplyMode.REPLY_ALL && (cc.get().isBlank() || cc.get().equals(suggestedCc))) {
            cc.set(ccNow);
        } else if (m != ReplyMode.REPLY_ALL && cc.get().equals(suggestedCc)) {
            cc.set("");
        }
        suggestedCc = ccNow;
        boolean untouched = text.get().isBlank() || text.get().equals(prefill);
        if (untouched && quoting && last != null && !sender.busy()) {
            prefill = drafts.body(m, last, customer);
            setDraft(prefill);
            prefills.set(prefills.get() + 1);
        }
        refresh();
    }

    private void edited() {
        clearLocalProblem();
        if (medium != Medium.CHAT || !active.get()) {
            return;
        }
        Instant now = t.clock().instant();
        lastKey = now;
        if (!typing || !now.isBefore(typingSaid.plus(TYPING_REPEAT))) {
            typing = true;
            typingSaid = now;
            tellTyping(true);
        }
    }

    private void stopTyping() {
        if (typing) {
            typing = false;
            tellTyping(false);
        }
    }

    private void tellTyping(boolean on) {
        long id = interactionId;
        // a lost typing notice is harmless: nobody is told of a failure
        t.tasks().run(() -> {
            t.api().typing(id, on);
            return null;
        }, ok -> { }, e -> { });
    }

    private void clearLocalProblem() {
        if (!localProblem.isEmpty()) {
            localProblem = "";
            refresh();
        }
        sender.clearProblem();
    }

    private void setDraft(String value) {
        programmatic = true;
        try {
            text.set(value);
        } finally {
            programmatic = false;
        }
    }

    private void refresh() {
        AnswerSender.State s = sender.stateProperty().get();
        busy.set(sender.busy());
        retryShown.set(s == AnswerSender.State.NOT_SENT);
        String draft = text.get() == null ? "" : text.get();
        boolean something = !files.files().isEmpty()
                || (!draft.isBlank() && (mode.get() == ReplyMode.FORWARD || !draft.equals(prefill)));
        canSend.set(active.get() && !sender.busy() && something);
        if (!localProblem.isEmpty()) {
            status.set(localProblem);
            problem.set(true);
        } else if (s == AnswerSender.State.SENDING) {
            status.set(t.messages().get("conversation.send.sending"));
            problem.set(false);
        } else if (s == AnswerSender.State.RETRYING) {
            status.set(t.messages().get("conversation.send.retrying"));
            problem.set(false);
        } else {
            status.set(sender.problemProperty().get());
            problem.set(!status.get().isEmpty());
        }
    }

    private boolean mail() {
        return medium == Medium.EMAIL;
    }

    // ---- what the composer binds ----

    public Medium medium() {
        return medium;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ReplyMode> modeProperty() {
        return mode;
    }

    /** Forward: who it goes to. */
    public StringProperty toProperty() {
        return to;
    }

    /** Reply to all and forward: who is copied. */
    public StringProperty ccProperty() {
        return cc;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    /** "To ada@engines.example" for a reply: the customer, who need not be typed. */
    public ReadOnlyStringProperty replyToProperty() {
        return replyTo.getReadOnlyProperty();
    }

    /** The contact is active with this agent: only then can an answer be sent. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public DraftFiles files() {
        return files;
    }

    /** "Sending…", "Sending… (retrying)", "Not sent — …", or why Send did nothing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status is a problem (shown as one). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The server never answered: Retry sends the same answer again. */
    public ReadOnlyBooleanProperty retryShownProperty() {
        return retryShown.getReadOnlyProperty();
    }

    /** An answer is on its way: the draft is not edited meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /** Counts the times the draft was filled in for the agent: the cursor goes back to its start. */
    public ReadOnlyIntegerProperty prefillsProperty() {
        return prefills.getReadOnlyProperty();
    }

    /** The key of the answer on its way or not yet sent; null when the next Send starts a new answer. */
    public String pendingKey() {
        return sender.key();
    }
}
