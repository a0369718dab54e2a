package dev.switchboard.desktop.conversation;

import dev.switchboard.api.MessageView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.ServerUnreachableException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Gets one answer to the server once. The answer's key is made when it is first sent and used on
 * every retry, so the server sends it once however often it is asked; only the server's own answer
 * (the message, or a refusal) ends the key. While the server cannot be reached it tries again a few
 * times, waiting longer each time, then waits for the agent's Retry.
 */
public final class AnswerSender {
    /** Where the answer stands. */
    public enum State {
        /** Nothing on its way. */
        IDLE,
        SENDING,
        /** The server did not answer; trying again by itself. */
        RETRYING,
        /** The server never answered: the draft stays and Retry sends it with the same key. */
        NOT_SENT,
        /** The server refused it (bad input, or the channel would not take it): edit and send anew. */
        REFUSED
    }

    /** The waits before the automatic retries. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

    private final ConversationTools t;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String key;
    private boolean closed;

    public AnswerSender(ConversationTools t) {
        this.t = t;
    }

    /**
     * Sends the answer {@code request} makes for a key, unless one is already on its way; false then.
     * {@code sent} gets the server's message.
     */
    public boolean send(Function<String, Callable<MessageView>> request, Consumer<MessageView> sent) {
        if (busy() || closed) {
            return false;
        }
        if (key == null) {
            key = UUID.randomUUID().toString();
        }
        problem.set("");
        attempt(request, sent, 0);
        return true;
    }

    /** A request is on its way (Send does nothing more). */
    public boolean busy() {
        return state.get() == State.SENDING || state.get() == State.RETRYING;
    }

    /** The key of the answer being sent, or null when the next Send starts a new one. */
    public String key() {
        return key;
    }

    /**
     * The agent edits after a refusal: its stale reason goes. An answer the server never got stays
     * "Not sent" with its Retry until it is sent.
     */
    public void clearProblem() {
        if (state.get() == State.REFUSED) {
            problem.set("");
            state.set(State.IDLE);
        }
    }

    /** The pane closed: late answers are dropped. */
    public void close() {
        closed = true;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the last attempt did not go through; "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void attempt(Function<String, Callable<MessageView>> request, Consumer<MessageView> sent, int retries) {
        state.set(retries == 0 ? State.SENDING : State.RETRYING);
        Duration wait = retries == 0 ? Duration.ZERO : BACKOFF.get(retries - 1);
        Callable<MessageView> call = request.apply(key);
        t.tasks().run(() -> {
            if (!wait.isZero()) {
                t.pause().pause(wait);
            }
            return call.call();
        }, view -> {
            if (closed) {
                return;
            }
            key = null;
            state.set(State.IDLE);
            sent.accept(view);
        }, e -> {
            if (closed) {
                return;
            }
            if (e instanceof ServerUnreachableException && retries < BACKOFF.size()) {
                attempt(request, sent, retries + 1);
                return;
            }
            if (answered(e)) {
                key = null; // the server has settled this key: an edited answer is a new one
                problem.set(t.messages().format("conversation.send.refused", t.errors().of(e)));
                state.set(State.REFUSED);
            } else {
                problem.set(e instanceof ServerUnreachableException ? t.messages().get("conversation.send.unreachable")
                        : t.messages().format("conversation.send.refused", t.errors().of(e)));
                state.set(State.NOT_SENT);
            }
        });
    }

    /**
     * The server said what became of the key: it refused the input (4xx), or the channel refused the
     * message and the server stored it as failed (502). Anything else may or may not have been sent.
     */
    private static boolean answered(Exception e) {
        return e instanceof ApiException api && (api.status() < 500 || api.status() == 502);
    }
}
