package dev.switchboard.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The chat socket against a real server: whatever a visitor sends, the gateway answers and stays standing. */
class ChatProtocolTest {
    private static final OkHttpClient HTTP = new OkHttpClient();

    private ChatServer server;
    private RawSocket socket;

    @BeforeEach
    void start() {
        server = new ChatServer(Duration.ofMinutes(1));
        socket = new RawSocket(HTTP, server.baseUrl());
    }

    @AfterEach
    void stop() {
        socket.close();
        server.close();
    }

    @AfterAll
    static void releaseClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                                              | bad_frame",
            "[1,2,3]                                                      | bad_frame",
            "{\"type\":42}                                                | bad_frame",
            "{\"kind\":\"hello\"}                                         | bad_frame",
            "{\"type\":\"shout\",\"text\":\"hi\"}                         | unknown_type",
            "{\"type\":\"message\",\"id\":\"m1\",\"text\":\"before hello\"} | not_started",
            "{\"type\":\"typing\",\"typing\":true}                        | not_started",
            "{\"type\":\"end\"}                                           | not_started",
            "{\"type\":\"hello\"}                                         | invalid",
            "{\"type\":\"hello\",\"name\":\"   \"}                        | invalid",
            "{\"type\":\"hello\",\"name\":7}                              | invalid",
            "{\"type\":\"hello\",\"name\":\"Ada\",\"email\":\"ada-at-example\"} | invalid",
            "{\"type\":\"hello\",\"name\":\"Ada\",\"email\":\"a b@example.com\"} | invalid",
    })
    void aBadFrameBeforeTheChatGetsAnErrorAndChangesNothing(String frame, String code) {
        JsonNode answer = socket.ask(frame);

        assertThat(answer.path("type").asText()).isEqualTo("error");
        assertThat(answer.path("code").asText()).isEqualTo(code);
        assertThat(answer.path("message").asText()).isNotBlank();
        assertThat(server.listener.calls).isEmpty();
        // the socket still works
        socket.hello("Ada");
        assertThat(server.listener.calls).containsExactly("started 101", "connection 101 true");
    }

    @Test
    void theErrorNamesTheFieldAtFault() {
        JsonNode answer = socket.ask("{\"type\":\"hello\",\"name\":\"Ada\",\"email\":\"nope\"}");

        assertThat(answer.path("field").asText()).isEqualTo("email");
        assertThat(answer.path("message").asText()).contains("e-mail");
    }

    @Test
    void aNameOfMoreThanAHundredCharactersIsRefused() {
        JsonNode answer = socket.ask("{\"type\":\"hello\",\"name\":\"" + "n".repeat(101) + "\"}");

        assertThat(answer.path("field").asText()).isEqualTo("name");
        assertThat(server.listener.calls).isEmpty();
    }

    @Test
    void badFramesDuringTheChatGetErrorsAndTheListenerHearsNothingOfThem() {
        long conversation = socket.hello("Ada").path("conversation").asLong();
        int before = server.listener.calls.size();

        List<String> codes = new ArrayList<>();
        for (String frame : List.of(
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":\"" + "x".repeat(4001) + "\"}",
                "{\"type\":\"message\",\"id\":\"m1\",\"text\":\"   \"}",
                "{\"type\":\"message\",\"text\":\"no id\"}",
                "{\"type\":\"typing\",\"typing\":\"yes\"}",
                "{\"type\":\"page\",\"page\":\"https://shop.example/" + "p".repeat(2000) + "\"}",
                "{\"type\":\"hello\",\"name\":\"Ada again\"}",
                "{\"type\":\"dance\"}",
                "{{{")) {
            JsonNode answer = socket.ask(frame);
            assertThat(answer.path("type").asText()).as(frame).isEqualTo("error");
            codes.add(answer.path("code").asText());
        }

        assertThat(codes).containsExactly("invalid", "invalid", "invalid", "invalid", "invalid", "already_started",
                "unknown_type", "bad_frame");
        assertThat(server.listener.calls).hasSize(before);
        assertThat(server.gateway.connected(conversation)).isTrue();
    }

    @Test
    void aLineOfExactlyFourThousandCharactersIsTakenAndEchoed() {
        long conversation = socket.hello("Ada").path("conversation").asLong();
        String text = "y".repeat(4000);

        JsonNode echo = socket.ask("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"" + text + "\"}");

        assertThat(echo.path("type").asText()).isEqualTo("message");
        assertThat(echo.path("from").asText()).isEqualTo("visitor");
        assertThat(echo.path("id").asText()).isEqualTo("m1");
        assertThat(echo.path("name").asText()).isEqualTo("Ada");
        assertThat(server.listener.calls).contains("message " + conversation + " " + text);
    }

    @Test
    void aFloodOfLinesIsCutOffAfterTwentyInTenSeconds() {
        long conversation = socket.hello("Ada").path("conversation").asLong();

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(socket.ask("{\"type\":\"message\",\"id\":\"m" + i + "\",\"text\":\"line " + i + "\"}")
                    .path("code").asText("line"));
        }

        assertThat(server.listener.count("message " + conversation)).isEqualTo(20);
        assertThat(answers.subList(0, 20)).containsOnly("line");
        assertThat(answers.subList(20, 25)).containsOnly("flood");
    }

    @Test
    void aRefusedChatShowsTheServersReasonAndTheVisitorMayTryAgain() {
        server.listener.refuseWith = "Chat is closed right now";

        JsonNode answer = socket.ask("{\"type\":\"hello\",\"name\":\"Ada\"}");

        assertThat(answer.path("code").asText()).isEqualTo("refused");
        assertThat(answer.path("message").asText()).isEqualTo("Chat is closed right now");
        server.listener.refuseWith = null;
        socket.hello("Ada");
    }

    @Test
    void theVisitorIsTheOneTheyClaimToBe() {
        socket.ask("{\"type\":\"hello\",\"name\":\"  Ada Lovelace \",\"email\":\"ada@example.com\","
                + "\"page\":\"https://shop.example/help\",\"extra\":\"ignored\"}");

        ChatVisitor visitor = server.listener.visitors.get(0);
        assertThat(visitor.name()).isEqualTo("Ada Lovelace");
        assertThat(visitor.email()).isEqualTo("ada@example.com");
        assertThat(visitor.page()).isEqualTo("https://shop.example/help");
        assertThat(visitor.userAgent()).startsWith("okhttp");
    }

    @Test
    void theWidgetAndTheDemoPageAreServed() throws IOException {
        assertServed("/chat/widget.js", "text/javascript", "sbw-launcher");
        assertServed("/chat/widget.css", "text/css", ".sbw-root");
        assertServed("/chat/", "text/html", "<script src=\"/chat/widget.js\" async></script>");
    }

    private void assertServed(String path, String type, String content) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith(type);
            assertThat(response.body().string()).as(path).contains(content);
        }
    }

    @Test
    void theAgentsSideReachesTheVisitor() {
        long conversation = socket.hello("Ada").path("conversation").asLong();

        assertThat(server.gateway.agentJoined(conversation, "Anna")).isTrue();
        assertThat(socket.next().toString()).isEqualTo("{\"type\":\"agent\",\"name\":\"Anna\"}");
        server.gateway.agentTyping(conversation, "Anna", true);
        assertThat(socket.next().toString()).isEqualTo("{\"type\":\"typing\",\"name\":\"Anna\",\"typing\":true}");
        assertThat(server.listener.agentSays(server.gateway, conversation, "a1", "Anna", "Hello Ada")).isTrue();
        JsonNode line = socket.next();
        assertThat(line.path("from").asText()).isEqualTo("agent");
        assertThat(line.path("text").asText()).isEqualTo("Hello Ada");
        assertThat(line.path("at").asText()).isNotBlank();

        server.gateway.end(conversation, null);

        assertThat(socket.next().toString()).isEqualTo("{\"type\":\"ended\",\"message\":\"The chat has ended.\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.gateway.connected(conversation));
        assertThat(server.gateway.agentMessage(conversation, "a2", "Anna", "anyone?", java.time.Instant.now())).isFalse();
        assertThat(server.listener.calls).noneMatch(c -> c.startsWith("left"));
    }
}
