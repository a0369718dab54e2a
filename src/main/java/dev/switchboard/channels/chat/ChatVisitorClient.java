package dev.switchboard.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;

/**
 * A chat visitor in Java, speaking the widget's protocol: the traffic simulator's customers, and
 * tests. It does not come back after a lost connection. Callbacks run on the HTTP client's thread.
 */
public final class ChatVisitorClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatVisitorClient.class);

    /** What the visitor sees. Every method has an empty default. */
    public interface Listener {
        default void welcomed(long conversation) {
        }

        default void agentJoined(String name) {
        }

        default void agentMessage(String name, String text) {
        }

        default void agentTyping(String name, boolean typing) {
        }

        /** The gateway refused a request; {@code code} is the error frame's code, e.g. "refused" or "invalid". */
        default void error(String code, String message) {
        }

        default void ended() {
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Listener listener;
    private volatile WebSocket socket;
    private volatile long conversation;

    private ChatVisitorClient(Listener listener) {
        this.listener = listener;
    }

    /**
     * Opens the chat socket on a server ({@code http://host:port}) and says hello; returns at once.
     * {@link Listener#welcomed} follows when the chat has started, {@link Listener#error} if it was refused.
     */
    public static ChatVisitorClient connect(OkHttpClient http, String baseUrl, String name, String email, String page,
                                            Listener listener) {
        ChatVisitorClient client = new ChatVisitorClient(listener);
        String url = baseUrl.replaceFirst("/+$", "") + "/chat/ws";
        ObjectNode hello = client.json.createObjectNode().put("type", "hello").put("name", name);
        if (email != null) {
            hello.put("email", email);
        }
        if (page != null) {
            hello.put("page", page);
        }
        client.socket = http.newWebSocket(new Request.Builder().url(url).build(), client.new Frames());
        client.socket.send(hello.toString());
        return client;
    }

    /** Writes a line. */
    public void say(String text) {
        send(frame("message").put("id", UUID.randomUUID().toString()).put("text", text));
    }

    public void typing(boolean typing) {
        send(frame("typing").put("typing", typing));
    }

    /** Ends the chat as the visitor; the gateway answers with the end and closes the socket. */
    public void end() {
        send(frame("end"));
    }

    /** The conversation id, or 0 until welcomed. */
    public long conversation() {
        return conversation;
    }

    /** Drops the connection without ending the chat, like a closed browser tab. */
    @Override
    public void close() {
        socket.close(1000, "bye");
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }

    private void send(ObjectNode frame) {
        socket.send(frame.toString());
    }

    private final class Frames extends WebSocketListener {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = json.readTree(text);
            } catch (IOException e) {
                LOG.warn("unreadable chat frame: {}", text);
                return;
            }
            switch (frame.path("type").asText()) {
                case "welcome" -> {
                    conversation = frame.path("conversation").asLong();
                    listener.welcomed(conversation);
                    if (frame.hasNonNull("agent")) {
                        listener.agentJoined(frame.get("agent").asText());
                    }
                }
                case "agent" -> listener.agentJoined(frame.path("name").asText());
                case "message" -> {
                    if ("agent".equals(frame.path("from").asText())) {
                        listener.agentMessage(frame.path("name").asText(), frame.path("text").asText());
                    }
                }
                case "typing" -> listener.agentTyping(frame.path("name").asText(), frame.path("typing").asBoolean());
                case "error" -> listener.error(frame.path("code").asText(), frame.path("message").asText());
                case "ended" -> listener.ended();
                default -> LOG.debug("chat frame ignored: {}", text);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            LOG.debug("chat socket failed: {}", t.toString());
        }
    }
}
