package dev.switchboard.channels.chat;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/** The widget in a real headless Chromium against a real server, used as a visitor would. */
class ChatWidgetTest {
    private static Browser browser;
    private static WebDriver page;

    private ChatServer server;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.headless();
        page = browser.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startServer() {
        // a new port is a new origin, so no test sees another's saved chat
        server = new ChatServer(Duration.ofMinutes(1));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aVisitorChatsWithAnAgentKeepsTheChatOverAReloadAndSeesItEnd() {
        RecordingListener listener = server.listener;
        page.get(server.baseUrl() + "/chat/");
        waitFor(visibilityOfElementLocated(By.id("sbw-launcher"))).click();
        find("#sbw-name").sendKeys("Ada Lovelace");
        find("#sbw-email").sendKeys("ada@example.com");
        find("#sbw-start").click();

        await().until(() -> listener.count("started") == 1);
        long conversation = listener.lastConversation();
        ChatVisitor visitor = listener.visitors.get(0);
        assertThat(visitor.name()).isEqualTo("Ada Lovelace");
        assertThat(visitor.email()).isEqualTo("ada@example.com");
        assertThat(visitor.page()).isEqualTo(server.baseUrl() + "/chat/");
        assertThat(visitor.userAgent()).contains("Chrome");

        WebElement input = waitFor(visibilityOfElementLocated(By.id("sbw-input")));
        input.sendKeys("Hel");
        await().until(() -> listener.calls.contains("typing " + conversation + " true"));
        input.sendKeys("lo, where is my order?" + Keys.ENTER);
        await().until(() -> listener.calls.contains("message " + conversation + " Hello, where is my order?"));
        waitFor(textToBePresentInElementLocated(By.cssSelector(".sbw-msg-visitor:not(.sbw-msg-pending)"),
                "Hello, where is my order?"));
        assertThat(input.getAttribute("value")).isEmpty();

        assertThat(server.gateway.agentJoined(conversation, "Anna")).isTrue();
        waitFor(textToBe(By.id("sbw-agent"), "You are chatting with Anna"));
        server.gateway.agentTyping(conversation, "Anna", true);
        waitFor(visibilityOfElementLocated(By.id("sbw-typing")));
        assertThat(find("#sbw-typing").getText()).isEqualTo("Anna is typing…");
        assertThat(listener.agentSays(server.gateway, conversation, "a1", "Anna", "It left our warehouse today.")).isTrue();
        waitFor(textToBePresentInElementLocated(By.cssSelector(".sbw-msg-agent"), "It left our warehouse today."));
        waitFor(invisibilityOfElementLocated(By.id("sbw-typing")));

        find("a[href='#returns']").click();
        await().until(() -> listener.calls.contains("page " + conversation + " " + server.baseUrl() + "/chat/#returns"));

        page.navigate().refresh();
        await().until(() -> listener.count("connection " + conversation + " true") == 2);
        assertThat(listener.calls).containsSubsequence("connection " + conversation + " true",
                "connection " + conversation + " false", "connection " + conversation + " true");
        waitFor(textToBePresentInElementLocated(By.cssSelector(".sbw-msg-agent"), "It left our warehouse today."));
        assertThat(find(".sbw-msg-visitor").getText()).contains("Hello, where is my order?");
        assertThat(page.findElements(By.cssSelector(".sbw-msg"))).hasSize(2);
        waitFor(textToBe(By.id("sbw-agent"), "You are chatting with Anna"));
        waitFor(invisibilityOfElementLocated(By.id("sbw-status")));
        assertThat(listener.count("started")).isEqualTo(1);
        assertThat(server.gateway.connected(conversation)).isTrue();

        server.gateway.end(conversation, null);
        waitFor(visibilityOfElementLocated(By.id("sbw-ended")));
        assertThat(find("#sbw-ended").getText()).contains("Chat ended", "The chat has ended.");
        assertThat(find("#sbw-input").isDisplayed()).isFalse();
        find("#sbw-restart").click();
        waitFor(visibilityOfElementLocated(By.id("sbw-name")));

        // the ended chat is not taken up again after a reload
        page.navigate().refresh();
        waitFor(visibilityOfElementLocated(By.id("sbw-start")));
        assertThat(find("#sbw-name").getAttribute("value")).isEqualTo("Ada Lovelace");
        assertThat(listener.count("connection " + conversation + " true")).isEqualTo(2);
        assertThat(listener.calls).noneMatch(c -> c.startsWith("left"));
    }

    @Test
    void aLostConnectionShowsReconnectingAndALineWrittenMeanwhileArrivesOnce() {
        RecordingListener listener = server.listener;
        page.get(server.baseUrl() + "/chat/");
        waitFor(visibilityOfElementLocated(By.id("sbw-launcher"))).click();
        find("#sbw-name").sendKeys("Ada" + Keys.ENTER);
        WebElement input = waitFor(visibilityOfElementLocated(By.id("sbw-input")));
        long conversation = listener.lastConversation();

        server.restart();
        waitFor(textToBe(By.id("sbw-status"), "Reconnecting…"));
        input.sendKeys("Are you still there?" + Keys.ENTER);
        waitFor(presenceOfElementLocated(By.cssSelector(".sbw-msg-visitor.sbw-msg-pending")));

        waitFor(invisibilityOfElementLocated(By.id("sbw-status")));
        await().until(() -> listener.calls.contains("message " + conversation + " Are you still there?"));
        waitFor(invisibilityOfElementLocated(By.cssSelector(".sbw-msg-pending")));
        assertThat(listener.calls).containsSubsequence("connection " + conversation + " false",
                "connection " + conversation + " true", "message " + conversation + " Are you still there?");
        assertThat(listener.count("message")).isEqualTo(1);
        assertThat(page.findElements(By.cssSelector(".sbw-msg-visitor"))).hasSize(1);
    }

    @Test
    void onAnotherSitesPageTheWidgetFindsItsServerAndShowsARefusal() {
        Javalin shop = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/help", ctx -> ctx.html("<!doctype html><html lang=\"en\"><head><title>Shop</title>"
                    + "</head><body><h1>Help</h1><script src=\"" + server.baseUrl() + "/chat/widget.js\" async>"
                    + "</script></body></html>"));
        }).start();
        try {
            String help = "http://localhost:" + shop.port() + "/help";
            page.get(help);
            waitFor(visibilityOfElementLocated(By.id("sbw-launcher"))).click();

            find("#sbw-start").click();
            waitFor(textToBe(By.id("sbw-form-error"), "Please enter your name."));
            find("#sbw-name").sendKeys("Grace");
            find("#sbw-email").sendKeys("not-an-address");
            find("#sbw-start").click();
            waitFor(textToBe(By.id("sbw-form-error"), "Please enter a valid e-mail address, or leave it empty."));
            assertThat(server.listener.calls).isEmpty();

            server.listener.refuseWith = "Chat is closed right now";
            find("#sbw-email").clear();
            find("#sbw-start").click();
            waitFor(textToBe(By.id("sbw-form-error"), "Chat is closed right now"));

            server.listener.refuseWith = null;
            find("#sbw-start").click();
            waitFor(visibilityOfElementLocated(By.id("sbw-input")));
            assertThat(server.listener.visitors).singleElement()
                    .isEqualTo(new ChatVisitor("Grace", null, help, server.listener.visitors.get(0).userAgent()));
            waitFor(attributeContains(By.id("sbw-launcher"), "aria-expanded", "true"));
            assertThat(page.findElement(By.id("sbw-log")).getAttribute("aria-live")).isEqualTo("polite");
        } finally {
            shop.stop();
        }
    }

    private static WebElement find(String css) {
        return page.findElement(By.cssSelector(css));
    }

    private static <T> T waitFor(ExpectedCondition<T> condition) {
        return browser.waitUpTo(Duration.ofSeconds(10)).until(condition);
    }
}
