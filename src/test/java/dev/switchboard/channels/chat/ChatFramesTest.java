package dev.switchboard.channels.chat;

import dev.switchboard.channels.chat.ChatFrames.Hello;
import dev.switchboard.channels.chat.ChatFrames.Page;
import dev.switchboard.channels.chat.ChatFrames.Rejected;
import dev.switchboard.channels.chat.ChatFrames.Say;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatFramesTest {
    private final ChatFrames frames = new ChatFrames();

    @Test
    void aHelloIsTrimmedAndAnEmptyEmailIsNone() throws Rejected {
        assertThat(frames.read("{\"type\":\"hello\",\"name\":\" Ada \",\"email\":\" \",\"page\":\"\"}"))
                .isEqualTo(new Hello("Ada", null, null, null));
    }

    @Test
    void aResumingHelloNeedsNoName() throws Rejected {
        assertThat(frames.read("{\"type\":\"hello\",\"resume\":\"tok\",\"page\":\"https://shop.example/\"}"))
                .isEqualTo(new Hello(null, null, "https://shop.example/", "tok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "a.b+chat@mail.example.co.uk", "x@y.zz"})
    void anEmailThatLooksLikeOneIsTaken(String email) throws Rejected {
        assertThat(((Hello) frames.read(hello("Ada", email))).email()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "a da@example.com", "ada@@example.com"})
    void anEmailThatDoesNotLookLikeOneIsRefused(String email) {
        assertRejected(hello("Ada", email), "invalid", "email");
    }

    @Test
    void namesHaveOneToAHundredCharacters() throws Rejected {
        assertThat(((Hello) frames.read(hello("n".repeat(100), null))).name()).hasSize(100);
        assertRejected(hello("n".repeat(101), null), "invalid", "name");
        assertRejected(hello("", null), "invalid", "name");
        assertRejected("{\"type\":\"hello\",\"name\":\"Ada\\u0000\"}", "invalid", "name");
    }

    @Test
    void linesHaveOneToFourThousandCharacters() throws Rejected {
        assertThat(frames.read(say("t".repeat(4000)))).isEqualTo(new Say("c1", "t".repeat(4000)));
        assertRejected(say("t".repeat(4001)), "invalid", "text");
        assertRejected(say(" \\n "), "invalid", "text");
    }

    @Test
    void pagesHaveAtMostTwoThousandCharacters() throws Rejected {
        String page = "https://shop.example/" + "p".repeat(2000 - 21);
        assertThat(frames.read("{\"type\":\"page\",\"page\":\"" + page + "\"}")).isEqualTo(new Page(page));
        assertRejected("{\"type\":\"page\",\"page\":\"" + page + "p\"}", "invalid", "page");
        assertRejected("{\"type\":\"page\"}", "invalid", "page");
    }

    @Test
    void anOversizedFrameIsNotEvenParsed() {
        assertRejected(say("t".repeat(ChatFrames.MAX_FRAME)), "bad_frame", null);
    }

    @Test
    void historyLinesCarryWhoWroteThem() {
        String welcome = frames.welcome("tok", 7, List.of(
                new ChatLine("v1", true, "Ada", "Hi", Instant.parse("2026-11-22T09:00:00Z")),
                new ChatLine("a1", false, "Anna", "Hello", Instant.parse("2026-11-22T09:00:05Z"))), null);

        assertThat(welcome).isEqualTo("{\"type\":\"welcome\",\"token\":\"tok\",\"conversation\":7,\"history\":["
                + "{\"id\":\"v1\",\"from\":\"visitor\",\"name\":\"Ada\",\"text\":\"Hi\",\"at\":\"2026-11-22T09:00:00Z\"},"
                + "{\"id\":\"a1\",\"from\":\"agent\",\"name\":\"Anna\",\"text\":\"Hello\",\"at\":\"2026-11-22T09:00:05Z\"}]}");
    }

    private static String hello(String name, String email) {
        return "{\"type\":\"hello\",\"name\":\"" + name + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
    }

    private static String say(String text) {
        return "{\"type\":\"message\",\"id\":\"c1\",\"text\":\"" + text + "\"}";
    }

    private void assertRejected(String frame, String code, String field) {
        assertThatThrownBy(() -> frames.read(frame)).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code).isEqualTo(code);
            assertThat(r.field).isEqualTo(field);
            assertThat(r.text.text()).isNotBlank();
        });
    }
}
