package dev.switchboard.server;

import dev.switchboard.api.ConversationView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.channels.chat.Browser;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MessageDirection;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Web chat end to end: the real widget in headless Chromium against the server, an agent answering
 * through the client library, the transcript on the timeline and mailed to the visitor.
 */
class ChatChannelTest {
    private SwitchboardServer server;
    private Browser browser;
    private AgentDesk desk;
    private HttpSwitchboardApi agent;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("chat-" + System.nanoTime(), 0)
                .withChannels(ChannelSettings.none().withEmbeddedMail(true)));
        desk = new AgentDesk(server, "agent");
        agent = desk.api;
        browser = Browser.headless();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        desk.close();
        server.close();
    }

    @Test
    void aVisitorChatsInTheWidgetAnAgentAnswersAndTheTranscriptIsKeptAndMailed() throws Exception {
        long customer = agent.createCustomer(new NewCustomerRequest("Ada", "Lovelace", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, "ada@example.com", null)), null)).id();
        WebDriver page = browser.driver();
        page.get(server.baseUrl() + "/chat/");
        var wait = browser.waitUpTo(Duration.ofSeconds(20));
        wait.until(visibilityOfElementLocated(By.id("sbw-launcher"))).click();
        page.findElement(By.id("sbw-name")).sendKeys("Ada Lovelace");
        page.findElement(By.id("sbw-email")).sendKeys("ada@example.com");
        page.findElement(By.id("sbw-start")).click();

        OfferEvent offer = desk.nextOffer();
        assertThat(offer.pop().interaction().channel()).isEqualTo(Channel.CHAT);
        assertThat(offer.pop().customer().id()).isEqualTo(customer);
        long id = offer.interactionId();
        agent.accept(id);
        wait.until(textToBe(By.id("sbw-agent"), "You are chatting with Alex Morgan"));

        var input = wait.until(visibilityOfElementLocated(By.id("sbw-input")));
        input.sendKeys("My order has not arr");
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.payloads(EventTypes.TYPING, TypingEvent.class).stream()
                .anyMatch(t -> t.interactionId() == id && t.visitor() && t.typing()));
        input.sendKeys("ived." + Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.conversation(id).messages().stream()
                .anyMatch(m -> m.text().equals("My order has not arrived.")));

        agent.typing(id, true);
        wait.until(visibilityOfElementLocated(By.id("sbw-typing")));
        agent.sendMessage(id, new SendMessageRequest("chat-answer-1", "Let me look: it left our warehouse today."));
        wait.until(textToBePresentInElementLocated(By.cssSelector(".sbw-msg-agent"), "it left our warehouse today"));

        ConversationView conv = agent.conversation(id);
        assertThat(conv.visitorName()).isEqualTo("Ada Lovelace");
        assertThat(conv.page()).endsWith("/chat/");
        assertThat(conv.connected()).isTrue();
        assertThat(conv.messages()).filteredOn(m -> m.direction() != MessageDirection.SYSTEM)
                .extracting(MessageView::text)
                .containsExactly("My order has not arrived.", "Let me look: it left our warehouse today.");

        agent.end(id);
        wait.until(visibilityOfElementLocated(By.id("sbw-ended")));
        MessageView mailed = agent.emailTranscript(id, new TranscriptRequest("transcript-ada-1", null));
        assertThat(mailed.to()).containsExactly("ada@example.com");
        List<MimeMessage> inbox = server.text().embeddedMail().messagesFor("ada@example.com");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).getSubject()).isEqualTo("Your chat transcript");
        assertThat((String) inbox.get(0).getContent()).contains("Ada Lovelace: My order has not arrived.")
                .contains("Alex Morgan: Let me look: it left our warehouse today.");

        // the transcript is on the customer's timeline with the chat
        assertThat(agent.timeline(customer, null, 10).items()).anyMatch(i -> i.id() == id);
        assertThat(agent.interaction(id).state()).isIn(InteractionState.WRAP_UP, InteractionState.ENDED);
    }
}
