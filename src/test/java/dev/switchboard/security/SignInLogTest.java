package dev.switchboard.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server writes to its log around sign-ins, through the pattern the logback configuration
 * gives every appender: the failure is logged with the name masked, never the password or a token.
 */
class SignInLogTest {
    private static final String PASSWORD = "Wr0ng-but-Secret!";
    private static final String EMAIL = "jane.doe@example.com";

    @Test
    void aFailedSignInLeavesNeitherPasswordNorTokenNorAddressInClear() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // the conversion words of logback(-test).xml: %msg is the masking converter there
        encoder.setPattern("%level %logger - %msg%n%maskedEx");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger ours = context.getLogger("dev.switchboard");
        Level before = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        root.addAppender(appender);
        String token;
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("sign-in-log", 0))) {
            Http http = new Http(server.baseUrl());
            assertThat(http.login(EMAIL, PASSWORD).status()).isEqualTo(401);
            assertThat(http.login("agent", PASSWORD).status()).isEqualTo(401);
            token = http.token("agent", "agent");
            assertThat(http.call("GET", "/api/v1/me", (String) null, token).status()).isEqualTo(200);
            assertThat(http.call("GET", "/api/v1/me", (String) null, PASSWORD).status()).isEqualTo(401);
        } finally {
            root.detachAppender(appender);
            ours.setLevel(before);
            appender.stop();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("failed sign-in for user name 'j***@e***.com'")
                .contains("failed sign-in for user name 'agent'")
                .doesNotContain(PASSWORD)
                .doesNotContain(token)
                .doesNotContain(EMAIL)
                .doesNotContain("jane.doe");
    }
}
