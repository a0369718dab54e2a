package dev.switchboard.app;

import dev.switchboard.channels.voice.SipSettings;
import dev.switchboard.channels.email.Mailbox;
import dev.switchboard.channels.email.SmtpSettings;
import dev.switchboard.channels.social.SocialSettings;
import dev.switchboard.server.ChannelSettings;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.cluster.ClusterNode;
import dev.switchboard.server.cluster.ClusterSettings;
import dev.switchboard.server.security.RateLimiter;
import dev.switchboard.server.security.RequestGuard;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.server.security.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code switchboard server}: the central server on its own, for a team. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the central server (REST API and event stream) until stopped.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--data-dir", description = "Directory of the H2 database file (default: the user's data directory).")
    Path dataDir;

    @Option(names = "--jdbc-url", description = "Use this database instead of an H2 file, e.g. jdbc:postgresql://host/db.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
    String jdbcUser;

    @Option(names = "--jdbc-password", description = "Database password for --jdbc-url.")
    String jdbcPassword;

    @Option(names = "--cluster", description = "Serve the contact centre together with the other servers on the same "
            + "PostgreSQL database (--jdbc-url): contacts are claimed in the database before an offer and events "
            + "are shared between the nodes.")
    boolean cluster;

    @Option(names = "--node-id", description = "This server's name among the nodes of a --cluster (default: made up at start).")
    String nodeId;

    @Option(names = "--node-timeout", description = "Seconds of silence after which the other nodes of a --cluster take a "
            + "node for dead and offer its ringing contacts again (default: ${DEFAULT-VALUE}; at least 5).")
    int nodeTimeoutSeconds = 15;

    @Option(names = "--customers", description = "Demo customers to generate into an empty database (default: ${DEFAULT-VALUE}; 0: none).")
    int customers = 5000;

    @Option(names = "--interactions-per-customer", description = "Average history per demo customer (default: ${DEFAULT-VALUE}).")
    double interactionsPerCustomer = 5.0;

    @Option(names = "--seed", description = "Seed of the demo data (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--region", description = "Region for phone numbers dialled without a country code (default: ${DEFAULT-VALUE}).")
    String region = "GB";

    @Option(names = "--offer-timeout", description = "Seconds an agent has to accept an offer, for every queue (default: each queue's own).")
    Integer offerTimeoutSeconds;

    @Option(names = "--simulate-every", description = "Send a simulated contact every this many seconds (default: off).")
    Double simulateEvery;

    @Option(names = "--simulated-agents", description = "Simulated colleagues taking traffic while simulating (default: ${DEFAULT-VALUE}).")
    int simulatedAgents = 8;

    @Option(names = "--bench-agents", description = "Create sign-in accounts bench001... (password = username) for the benchmark (default: ${DEFAULT-VALUE}).")
    int benchAgents = 0;

    @Option(names = "--bench-queues", description = "For the benchmark: that many queues over 50 skills, colleagues with 10 skills each, traffic over all of them (default: none).")
    int benchQueues = 0;

    @Option(names = "--simulated-handle", description = "Seconds simulated colleagues handle a contact (default: voice 30, others 5).")
    Integer simulatedHandle;

    @Option(names = "--sip-port", description = "SIP (UDP) port for the trunk and agents' phones (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int sipPort = 5060;

    @Option(names = "--sip-trunk", description = "host:port of the carrier or PBX to call outside numbers through (default: none; click-to-dial and transfers to numbers are then refused).")
    String sipTrunk;

    @Option(names = "--phone-ring-timeout", description = "Seconds an agent's phone may ring before the call goes back to the queue (default: ${DEFAULT-VALUE}).")
    int phoneRingSeconds = 20;

    @Option(names = "--simulated-phones", description = "Give simulated colleagues soft phones that register and answer calls, also without the traffic simulator (default: only with it).")
    boolean simulatedPhones;

    @Option(names = "--mailbox", paramLabel = "ADDRESS[,PASSWORD_ENV]", description = "A support mailbox to read over IMAP (repeatable); "
            + "its login is the address, its password in the named environment variable (default SWITCHBOARD_MAIL_PASSWORD).")
    List<String> mailboxes = new ArrayList<>();

    @Option(names = "--imap-host", description = "IMAP server of the support mailboxes.")
    String imapHost;

    @Option(names = "--imap-port", description = "IMAP port (default: ${DEFAULT-VALUE}).")
    int imapPort = 993;

    @Option(names = "--imap-plain", description = "Connect to IMAP without TLS (default: IMAPS).")
    boolean imapPlain;

    @Option(names = "--mail-poll", description = "Seconds between looks for new mail when the IMAP server cannot announce it (default: ${DEFAULT-VALUE}).")
    int mailPollSeconds = 60;

    @Option(names = "--smtp-host", description = "SMTP server answers are sent through (default: none; e-mail answers are refused).")
    String smtpHost;

    @Option(names = "--smtp-port", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort = 587;

    @Option(names = "--smtp-user", description = "SMTP login (password in SWITCHBOARD_SMTP_PASSWORD; default: no login).")
    String smtpUser;

    @Option(names = "--smtp-ssl", description = "SMTP over TLS from the first byte (port 465) instead of STARTTLS.")
    boolean smtpSsl;

    @Option(names = "--demo-mail", description = "Run a mail server in the process with the demo's support mailbox (support@switchboard.demo).")
    boolean demoMail;

    @Option(names = "--meta-api-url", description = "Base URL of the Meta send API (default: ${DEFAULT-VALUE}). "
            + "Social webhooks are on when SWITCHBOARD_META_APP_SECRET and SWITCHBOARD_META_VERIFY_TOKEN are set; "
            + "answers need SWITCHBOARD_META_ACCESS_TOKEN.")
    String metaApiUrl = SocialSettings.DEFAULT_API;

    @Option(names = "--whatsapp-phone-number-id", description = "The WhatsApp business number's id, for answers on WhatsApp.")
    String whatsappPhoneNumberId;

    @Option(names = "--chat-grace", description = "Seconds a chat visitor who lost the connection may come back to the same chat (default: ${DEFAULT-VALUE}).")
    int chatGraceSeconds = 120;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve https (and wss for the chat widget) "
            + "with the key and certificate in this PKCS12 file instead of plain http.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", description = "Password of --tls-keystore (better: set "
            + "SWITCHBOARD_TLS_KEYSTORE_PASSWORD, which other users cannot read in the process list).")
    String tlsKeystorePassword;

    @Option(names = "--rate-limit", description = "Requests a second one session may make on the API, with bursts "
            + "of twice as many (default: ${DEFAULT-VALUE}; 0: no limit).")
    double rateLimit = 50;

    @Option(names = "--rate-limit-address", description = "Sign-ins and requests without a session a second from one "
            + "client address, with bursts of ten times as many (default: ${DEFAULT-VALUE}; 0: no limit).")
    double rateLimitAddress = 20;

    /** TLS and rate limits from the options; the keystore password from the environment when not given. */
    SecurityOptions security() {
        SecurityOptions security = SecurityOptions.DEFAULT.withRateLimits(new RequestGuard.RateLimits(
                RequestGuard.RateLimits.rate(rateLimit), rateLimitAddress <= 0 ? RateLimiter.Rate.UNLIMITED
                : new RateLimiter.Rate(rateLimitAddress, (int) Math.min(Integer.MAX_VALUE, Math.max(1, rateLimitAddress * 10)))));
        if (tlsKeystore == null) {
            return security;
        }
        String password = tlsKeystorePassword != null ? tlsKeystorePassword : System.getenv("SWITCHBOARD_TLS_KEYSTORE_PASSWORD");
        if (password == null) {
            throw new ParameterException(new picocli.CommandLine(this),
                    "--tls-keystore needs its password: --tls-keystore-password or SWITCHBOARD_TLS_KEYSTORE_PASSWORD");
        }
        return security.withTls(new TlsSettings(tlsKeystore, password));
    }

    /** The text channels from the options; secrets only from the environment, never the command line. */
    ChannelSettings channels() {
        List<Mailbox> boxes = new ArrayList<>();
        for (String spec : mailboxes) {
            String[] parts = spec.split(",", 2);
            if (imapHost == null) {
                throw new ParameterException(new picocli.CommandLine(this), "--mailbox needs --imap-host");
            }
            String passwordEnv = parts.length > 1 ? parts[1].strip() : "SWITCHBOARD_MAIL_PASSWORD";
            boxes.add(new Mailbox(parts[0].strip(), imapHost, imapPort, !imapPlain, parts[0].strip(),
                    System.getenv(passwordEnv), Duration.ofSeconds(Math.max(5, mailPollSeconds))));
        }
        SmtpSettings smtp = smtpHost == null ? null : new SmtpSettings(smtpHost, smtpPort, smtpSsl, !smtpSsl,
                smtpUser, smtpUser == null ? null : System.getenv("SWITCHBOARD_SMTP_PASSWORD"));
        String secret = System.getenv("SWITCHBOARD_META_APP_SECRET");
        String verify = System.getenv("SWITCHBOARD_META_VERIFY_TOKEN");
        SocialSettings social = secret == null || verify == null ? null : new SocialSettings(secret, verify,
                System.getenv("SWITCHBOARD_META_ACCESS_TOKEN"), metaApiUrl, whatsappPhoneNumberId, 3, null);
        return new ChannelSettings(boxes, smtp, demoMail, social, Duration.ofSeconds(Math.max(5, chatGraceSeconds)));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = new ServerOptions(host, port,
                jdbcUrl == null ? (dataDir != null ? dataDir : DataDirs.defaultDir().resolve("server")) : null,
                jdbcUrl, jdbcUser, jdbcPassword, null, customers, seed, interactionsPerCustomer, region,
                offerTimeoutSeconds == null ? null : Duration.ofSeconds(offerTimeoutSeconds),
                simulateEvery == null ? null : Duration.ofMillis((long) (simulateEvery * 1000)), simulatedAgents,
                benchAgents, benchQueues, simulatedHandle == null ? null : Duration.ofSeconds(simulatedHandle),
                new SipSettings(host, sipPort, sipTrunk, Duration.ofSeconds(phoneRingSeconds)),
                simulatedPhones || simulateEvery != null, channels(), Clock.systemUTC());
        if ((cluster || nodeId != null) && (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new ParameterException(new picocli.CommandLine(this),
                    "--cluster and --node-id need a shared PostgreSQL database: --jdbc-url jdbc:postgresql://...");
        }
        if (nodeTimeoutSeconds < 5) {
            // beats come every 2 s: a shorter silence would take a busy node for dead
            throw new ParameterException(new picocli.CommandLine(this), "--node-timeout must be at least 5 seconds");
        }
        SwitchboardServer server = SwitchboardServer.start(options, new ConsoleProgress(), security(),
                cluster || nodeId != null ? ClusterSettings.of(nodeId != null ? nodeId : ClusterNode.generatedId())
                        .withLiveness(ClusterSettings.HEARTBEAT, Duration.ofSeconds(nodeTimeoutSeconds)) : null);
        ClusterNode node = server.cluster().orElse(null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        if (node != null) {
            System.out.println("Cluster node " + node.nodeId() + " (other nodes on the same database share its contacts)");
        }
        System.out.println("Switchboard server ready at " + server.baseUrl());
        stopped.await();
        return 0;
    }
}
