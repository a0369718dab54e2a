package dev.switchboard.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A visitor who loses the connection continues the same chat within the grace period, and not after it. */
class ChatResumeTest {
    private static final OkHttpClient HTTP = new OkHttpClient();

    @AfterAll
    static void releaseClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    @Test
    void comingBackWithinTheGracePeriodContinuesTheSameChat() throws InterruptedException {
        try (ChatServer server = new ChatServer(Duration.ofMinutes(1))) {
            RawSocket first = new RawSocket(HTTP, server.baseUrl());
            JsonNode welcome = first.hello("Ada");
            long conversation = welcome.path("conversation").asLong();
            String token = welcome.path("token").asText();
            first.ask("{\"type\":\"message\",\"id\":\"v1\",\"text\":\"Where is my parcel?\"}");
            server.gateway.agentJoined(conversation, "Anna");
            first.next();
            first.close();
            await().until(() -> server.listener.calls.contains("connection " + conversation + " false"));
            assertThat(server.gateway.connected(conversation)).isFalse();
            server.listener.agentSays(server.gateway, conversation, "a1", "Anna", "Let me look.");

            try (RawSocket second = new RawSocket(HTTP, server.baseUrl())) {
                JsonNode again = second.ask("{\"type\":\"hello\",\"resume\":\"" + token + "\",\"page\":\"https://shop.example/returns\"}");

                assertThat(again.path("type").asText()).isEqualTo("welcome");
                assertThat(again.path("conversation").asLong()).isEqualTo(conversation);
                assertThat(again.path("agent").asText()).isEqualTo("Anna");
                assertThat(again.path("history").findValuesAsText("text")).containsExactly("Where is my parcel?", "Let me look.");
                assertThat(again.path("history").findValuesAsText("from")).containsExactly("visitor", "agent");
                assertThat(server.listener.calls).containsSubsequence("connection " + conversation + " false",
                        "connection " + conversation + " true", "page " + conversation + " https://shop.example/returns");
                assertThat(server.listener.count("started")).isEqualTo(1);
                assertThat(server.gateway.connected(conversation)).isTrue();
                // a resent line keeps its id, so the server can tell it is the same one
                second.ask("{\"type\":\"message\",\"id\":\"v1\",\"text\":\"Where is my parcel?\"}");
                assertThat(server.listener.history(conversation)).hasSize(2);
            }
        }
    }

    @Test
    void theSameChatOpenedInASecondWindowMovesThere() throws InterruptedException {
        try (ChatServer server = new ChatServer(Duration.ofMinutes(1));
             RawSocket first = new RawSocket(HTTP, server.baseUrl());
             RawSocket second = new RawSocket(HTTP, server.baseUrl())) {
            JsonNode welcome = first.hello("Ada");
            long conversation = welcome.path("conversation").asLong();

            JsonNode again = second.ask("{\"type\":\"hello\",\"resume\":\"" + welcome.path("token").asText() + "\"}");

            assertThat(again.path("conversation").asLong()).isEqualTo(conversation);
            assertThat(first.next().path("message").asText()).isEqualTo("This chat continues in another window.");
            assertThat(first.awaitClosed()).isTrue();
            assertThat(server.listener.calls).containsExactly("started " + conversation, "connection " + conversation + " true",
                    "connection " + conversation + " false", "connection " + conversation + " true");
            assertThat(server.gateway.connected(conversation)).isTrue();
        }
    }

    @Test
    void afterTheGracePeriodTheVisitorHasLeftAndTheTokenIsDead() {
        try (ChatServer server = new ChatServer(Duration.ofMillis(300))) {
            RawSocket first = new RawSocket(HTTP, server.baseUrl());
            JsonNode welcome = first.hello("Ada");
            long conversation = welcome.path("conversation").asLong();
            first.close();

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.listener.calls.contains("left " + conversation + " false"));

            assertThat(server.listener.calls).containsSubsequence("connection " + conversation + " false",
                    "left " + conversation + " false");
            try (RawSocket second = new RawSocket(HTTP, server.baseUrl())) {
                JsonNode answer = second.ask("{\"type\":\"hello\",\"resume\":\"" + welcome.path("token").asText() + "\"}");
                assertThat(answer.path("type").asText()).isEqualTo("ended");
                assertThat(answer.path("message").asText()).isEqualTo("Your previous chat has ended.");
                // the same socket may start afresh
                assertThat(second.hello("Ada").path("conversation").asLong()).isNotEqualTo(conversation);
            }
            assertThat(server.listener.count("left")).isEqualTo(1);
        }
    }

    @Test
    void theGracePeriodIsMeasuredOnTheInjectedClock() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T09:00:00Z"));
        try (ChatServer server = new ChatServer(Duration.ofMinutes(2), clock)) {
            RawSocket first = new RawSocket(HTTP, server.baseUrl());
            JsonNode welcome = first.hello("Ada");
            long conversation = welcome.path("conversation").asLong();
            first.close();
            await().until(() -> server.listener.calls.contains("connection " + conversation + " false"));

            clock.move(Duration.ofSeconds(119));
            server.gateway.expireIdle();
            assertThat(server.listener.count("left")).isZero();

            clock.move(Duration.ofSeconds(1));
            server.gateway.expireIdle();
            assertThat(server.listener.calls).contains("left " + conversation + " false");

            try (RawSocket second = new RawSocket(HTTP, server.baseUrl())) {
                JsonNode answer = second.ask("{\"type\":\"hello\",\"resume\":\"" + welcome.path("token").asText() + "\"}");
                assertThat(answer.path("type").asText()).isEqualTo("ended");
            }
            assertThat(server.listener.count("started")).isEqualTo(1);
        }
    }

    @Test
    void anAgentWhoTakesTheChatBeforeItsIdIsBackIsNamedInTheWelcome() throws InterruptedException {
        try (ChatServer server = new ChatServer(Duration.ofMinutes(1));
             RawSocket socket = new RawSocket(HTTP, server.baseUrl())) {
            server.listener.whileStarting = id -> server.gateway.agentJoined(id, "Anna");
            JsonNode welcome = socket.hello("Ada");
            assertThat(welcome.path("agent").asText()).isEqualTo("Anna");
        }
    }

    @Test
    void aVisitorWhoEndsTheChatHasLeftAtOnce() throws InterruptedException {
        try (ChatServer server = new ChatServer(Duration.ofMinutes(1));
             RawSocket socket = new RawSocket(HTTP, server.baseUrl())) {
            JsonNode welcome = socket.hello("Ada");
            long conversation = welcome.path("conversation").asLong();

            JsonNode answer = socket.ask("{\"type\":\"end\"}");

            assertThat(answer.path("type").asText()).isEqualTo("ended");
            assertThat(answer.path("message").asText()).isEqualTo("You ended the chat.");
            assertThat(socket.awaitClosed()).isTrue();
            assertThat(server.listener.calls).endsWith("left " + conversation + " true");
            assertThat(server.listener.count("connection " + conversation + " false")).isZero();
            assertThat(server.gateway.connected(conversation)).isFalse();
        }
    }

    @Test
    void theJavaVisitorChatsLikeTheWidget() {
        try (ChatServer server = new ChatServer(Duration.ofMinutes(1))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            ChatVisitorClient visitor = ChatVisitorClient.connect(HTTP, server.baseUrl(), "Grace Hopper",
                    "grace@example.com", "https://shop.example/orders", new ChatVisitorClient.Listener() {
                        @Override
                        public void welcomed(long conversation) {
                            seen.add("welcomed " + conversation);
                        }

                        @Override
                        public void agentJoined(String name) {
                            seen.add("agent " + name);
                        }

                        @Override
                        public void agentMessage(String name, String text) {
                            seen.add(name + ": " + text);
                        }

                        @Override
                        public void ended() {
                            seen.add("ended");
                        }
                    });
            await().until(() -> visitor.conversation() != 0);
            long conversation = visitor.conversation();

            visitor.typing(true);
            visitor.say("Hello, I have a question");
            await().until(() -> server.listener.calls.contains("message " + conversation + " Hello, I have a question"));
            server.gateway.agentJoined(conversation, "Anna");
            server.listener.agentSays(server.gateway, conversation, "a1", "Anna", "Ask away");
            visitor.end();

            await().until(() -> seen.contains("ended"));
            assertThat(seen).containsExactly("welcomed " + conversation, "agent Anna", "Anna: Ask away", "ended");
            assertThat(server.listener.visitors.get(0)).isEqualTo(new ChatVisitor("Grace Hopper", "grace@example.com",
                    "https://shop.example/orders", server.listener.visitors.get(0).userAgent()));
            assertThat(server.listener.calls).containsSubsequence("typing " + conversation + " true",
                    "message " + conversation + " Hello, I have a question", "left " + conversation + " true");
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
