package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.api.TranscriptRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * E-mailing a chat's transcript to the visitor: the address asked for (the one they gave, to begin
 * with), sent once with its own key like any answer.
 */
public final class TranscriptModel {
    private final long interactionId;
    private final ConversationTools t;
    private final AnswerSender sender;
    private final Consumer<MessageView> delivered;
    private final Consumer<String> done;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    TranscriptModel(long interactionId, ConversationTools t, Consumer<MessageView> delivered, Consumer<String> done) {
        this.interactionId = interactionId;
        this.t = t;
        this.sender = new AnswerSender(t);
        this.delivered = delivered;
        this.done = done;
        busy.bind(sender.stateProperty().isEqualTo(AnswerSender.State.SENDING)
                .or(sender.stateProperty().isEqualTo(AnswerSender.State.RETRYING)));
        problem.bind(sender.problemProperty());
    }

    /** Asks for the address, filled in with the one the visitor gave. */
    public void start(String visitorEmail) {
        if (address.get().isBlank() && visitorEmail != null) {
            address.set(visitorEmail.strip());
        }
        open.set(true);
    }

    public void cancel() {
        if (!sender.busy()) {
            open.set(false);
        }
    }

    public void send() {
        String to = address.get() == null ? "" : address.get().strip();
        long id = interactionId;
        sender.send(key -> () -> t.api().emailTranscript(id, new TranscriptRequest(key, to.isEmpty() ? null : to)),
                view -> {
                    delivered.accept(view);
                    open.set(false);
                    done.accept(t.messages().format("conversation.transcript.sent",
                            to.isEmpty() ? t.messages().get("conversation.transcript.visitor") : to));
                });
    }

    void dispose() {
        sender.close();
        busy.unbind();
        problem.unbind();
    }

    /** The address field is shown. */
    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why it was not sent; "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
