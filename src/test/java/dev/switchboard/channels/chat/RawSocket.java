package dev.switchboard.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A bare chat socket for protocol tests: sends any text and hands over the frames that come back. */
final class RawSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final WebSocket socket;

    RawSocket(OkHttpClient http, String baseUrl) {
        socket = http.newWebSocket(new Request.Builder().url(baseUrl + "/chat/ws").build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    frames.add(JSON.readTree(text));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                closed.countDown();
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                closed.countDown();
            }
        });
    }

    RawSocket send(String text) {
        assertThat(socket.send(text)).as("socket open").isTrue();
        return this;
    }

    /** The next frame from the gateway; fails after five seconds without one. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame from the chat gateway").isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a frame and returns the answer. */
    JsonNode ask(String text) {
        return send(text).next();
    }

    /** The gateway answers a start with a welcome; returns it. */
    JsonNode hello(String name) {
        JsonNode welcome = ask("{\"type\":\"hello\",\"name\":\"" + name + "\",\"page\":\"https://shop.example/help\"}");
        assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
        return welcome;
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(5, TimeUnit.SECONDS);
    }

    boolean nothingMore() {
        return frames.isEmpty();
    }

    @Override
    public void close() {
        socket.close(1000, "test over");
    }
}
