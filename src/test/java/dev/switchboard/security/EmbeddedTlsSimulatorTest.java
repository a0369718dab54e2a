package dev.switchboard.security;

import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.server.security.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default's traffic over its own https: the simulator's chat visitors (wss) and the
 * stand-in social platform's signed webhooks (https) reach a server whose certificate only they trust.
 */
class EmbeddedTlsSimulatorTest {
    @Test
    void simulatedChatsAndSocialMessagesArriveOverTls(@TempDir Path dir) {
        SecurityOptions security = SecurityOptions.DEFAULT.withTls(SelfSignedCertificate.ensure(dir));
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("tls-simulator", 0)
                .withSimulator(Duration.ofMillis(150)), security)) {
            assertThat(server.baseUrl()).startsWith("https://");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> channels(server).containsAll(Set.of("CHAT", "SOCIAL")));
        }
    }

    private static Set<String> channels(SwitchboardServer server) throws Exception {
        Set<String> seen = new HashSet<>();
        try (Connection c = server.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT channel FROM interaction")) {
            while (rs.next()) {
                seen.add(rs.getString(1));
            }
        }
        return seen;
    }
}
