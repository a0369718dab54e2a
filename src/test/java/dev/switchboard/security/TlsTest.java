package dev.switchboard.security;

import dev.switchboard.domain.AgentState;
import dev.switchboard.channels.chat.ChatVisitorClient;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerCertificate;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.server.security.SelfSignedCertificate;
import dev.switchboard.server.security.TlsSettings;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A server with TLS on a certificate made as the embedded default makes it: a client trusting that
 * certificate signs in, follows the event stream and chats over wss; plain http to the port and a
 * client trusting only the usual authorities are refused.
 */
class TlsTest {
    @TempDir
    static Path dataDir;
    private static TlsSettings tls;
    private static SwitchboardServer server;

    @BeforeAll
    static void start() {
        tls = SelfSignedCertificate.ensure(dataDir);
        server = SwitchboardServer.start(ServerOptions.inMemory("tls-test", 0), SecurityOptions.DEFAULT.withTls(tls));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerCertificate trusted() {
        return ServerCertificate.load(SelfSignedCertificate.certificateFile(dataDir));
    }

    @Test
    void theCertificateIsMadeOnceForLoopbackAndKeptPrivate() throws Exception {
        assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
        Path dir = dataDir.resolve("tls");
        assertThat(Files.readString(dir.resolve("server.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        for (String secret : List.of("keystore-password", "server.p12")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(secret))).as(secret)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(tls.certificate().getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
                .contains("127.0.0.1", "localhost");
        TlsSettings again = SelfSignedCertificate.ensure(dataDir);
        assertThat(again.certificate()).isEqualTo(tls.certificate());
        assertThat(again.toString()).doesNotContain(again.password());
    }

    @Test
    void aClientTrustingTheCertificateSignsInAndFollowsTheEventStream() {
        HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl(), trusted());
        api.login("agent", "agent");
        List<StreamEvent> events = new CopyOnWriteArrayList<>();
        AtomicLong connected = new AtomicLong();
        EventSubscription sub = api.subscribe(0, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
                events.add(event);
            }

            @Override
            public void onConnected() {
                connected.incrementAndGet();
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> connected.get() > 0);
            api.setState(AgentState.READY);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        } finally {
            sub.close();
            api.logout();
        }
        // the certificate also names localhost
        HttpSwitchboardApi byName = new HttpSwitchboardApi(server.baseUrl().replace("127.0.0.1", "localhost"), trusted());
        assertThat(byName.login("supervisor", "supervisor").token()).isNotBlank();
    }

    @Test
    void aChatVisitorReachesTheWidgetSocketOverWss() {
        OkHttpClient http = SecurityOptions.DEFAULT.withTls(tls).selfTrust().applyTo(new OkHttpClient.Builder()).build();
        AtomicLong conversation = new AtomicLong();
        ChatVisitorClient visitor = ChatVisitorClient.connect(http, server.baseUrl(), "Vera", null, "https://shop.example.com/",
                new ChatVisitorClient.Listener() {
                    @Override
                    public void welcomed(long id) {
                        conversation.set(id);
                    }
                });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> conversation.get() > 0);
        } finally {
            visitor.end();
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void theTrafficSimulatorSendsToATlsServerItIsToldToTrust() {
        HttpSwitchboardApi supervisor = new HttpSwitchboardApi(server.baseUrl(), trusted());
        supervisor.login("supervisor", "supervisor");
        int before = supervisor.supervisorWaiting().size();
        String cert = SelfSignedCertificate.certificateFile(dataDir).toString();
        int refused = new picocli.CommandLine(new dev.switchboard.app.Main()).execute("simulate", "--server",
                server.baseUrl(), "--count", "1", "--every", "0");
        assertThat(refused).as("without the certificate the usual authorities refuse it").isEqualTo(1);
        assertThat(new picocli.CommandLine(new dev.switchboard.app.Main()).execute("simulate", "--server",
                server.baseUrl(), "--trust-cert", dataDir.resolve("no-such.crt").toString(), "--count", "1"))
                .as("a certificate file that is not there").isEqualTo(1);
        int sent = new picocli.CommandLine(new dev.switchboard.app.Main()).execute("simulate", "--server",
                server.baseUrl(), "--trust-cert", cert, "--count", "2", "--every", "0");
        assertThat(sent).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.supervisorWaiting().size() >= before + 2);
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswerFromTheApi() {
        OkHttpClient plain = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        Request login = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/api/v1/login")
                .post(RequestBody.create("{\"username\":\"agent\",\"password\":\"agent\"}", Http.JSON)).build();
        Integer status;
        String body;
        try (Response r = plain.newCall(login).execute()) {
            status = r.code();
            body = r.body().string();
        } catch (IOException refused) {
            status = null;
            body = "";
        }
        // either the connection is dropped, or Jetty says the request was not TLS: never a session
        assertThat(status == null || status == 400).as("status %s", status).isTrue();
        assertThat(body).doesNotContain("token");
    }

    @Test
    void aClientTrustingOnlyTheUsualAuthoritiesIsRefused() {
        HttpSwitchboardApi stranger = new HttpSwitchboardApi(server.baseUrl());
        assertThatThrownBy(() -> stranger.login("agent", "agent")).hasStackTraceContaining("PKIX path building failed");
        OkHttpClient usual = new OkHttpClient();
        assertThatThrownBy(() -> usual.newCall(new Request.Builder().url(server.baseUrl() + "/health").build()).execute())
                .isInstanceOf(SSLException.class).hasMessageContaining("PKIX path building failed");
    }
}
