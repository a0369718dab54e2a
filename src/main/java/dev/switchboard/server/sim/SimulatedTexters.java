package dev.switchboard.server.sim;

import dev.switchboard.channels.chat.ChatVisitorClient;
import dev.switchboard.channels.email.EmbeddedMailServer;
import dev.switchboard.channels.social.SocialSettings;
import dev.switchboard.server.security.ServerTrust;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's customers on the text channels, over the channels' real protocols: they mail the
 * support mailbox through the mail server in the process, open chats through the widget's
 * WebSocket (and answer the agent a little, then say goodbye), and write on Messenger and WhatsApp
 * as signed webhooks from the platform stand-in.
 */
public final class SimulatedTexters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTexters.class);
    private static final List<String> PAGES = List.of("/help/returns", "/orders", "/account/billing",
            "/products/kettle-2000", "/help/delivery", "/checkout");
    private static final List<String> FOLLOW_UPS = List.of("Thanks. It was order %d, if that helps.",
            "OK, and how long will that take?", "I see. Can you check again please?");

    private final String baseUrl;
    private final EmbeddedMailServer mail;
    private final SimulatedPlatform platform;
    private final Random random;
    private final OkHttpClient http;
    private final Map<ChatVisitorClient, Boolean> chats = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-texters");
        t.setDaemon(true);
        return t;
    });

    /** {@code mail} and {@code platform} may be null: mail or social traffic then goes in over the API. */
    public SimulatedTexters(String baseUrl, EmbeddedMailServer mail, SocialSettings social, SimulatedPlatform platform,
                            long seed) {
        this(baseUrl, mail, social, platform, seed, ServerTrust.PLAIN);
    }

    /** As above, reaching the server over https trusting its certificate when {@code trust} says so. */
    public SimulatedTexters(String baseUrl, EmbeddedMailServer mail, SocialSettings social, SimulatedPlatform platform,
                            long seed, ServerTrust trust) {
        this.http = trust.applyTo(new OkHttpClient.Builder().pingInterval(Duration.ofSeconds(20))).build();
        this.baseUrl = baseUrl;
        this.mail = mail;
        this.platform = social != null ? platform : null;
        this.random = new Random(seed ^ System.nanoTime());
    }

    public boolean mails() {
        return mail != null;
    }

    public boolean posts() {
        return platform != null;
    }

    /** A customer mails the support mailbox. */
    public void email(String address, String name, String subject, String body) {
        try {
            mail.sendAsCustomer(address, name, subject, body, null);
        } catch (Exception e) {
            LOG.warn("simulated e-mail not sent: {}", e.getMessage());
        }
    }

    /**
     * A visitor opens a chat, says what they want, answers the agent up to twice and says goodbye;
     * with nobody answering for three minutes they give up.
     */
    public void chat(String name, String email, String body) {
        AtomicInteger answers = new AtomicInteger();
        ChatVisitorClient[] client = new ChatVisitorClient[1];
        client[0] = ChatVisitorClient.connect(http, baseUrl, name, email,
                "https://shop.example.com" + PAGES.get(random.nextInt(PAGES.size())), new ChatVisitorClient.Listener() {
                    @Override
                    public void welcomed(long conversation) {
                        timer.schedule(() -> client[0].say(body), 1, TimeUnit.SECONDS);
                        timer.schedule(() -> {
                            if (answers.get() == 0) {
                                client[0].end();
                            }
                        }, 3, TimeUnit.MINUTES);
                    }

                    @Override
                    public void agentMessage(String agent, String text) {
                        int n = answers.incrementAndGet();
                        long delay = 3 + random.nextInt(5);
                        timer.schedule(() -> {
                            client[0].typing(true);
                            timer.schedule(() -> {
                                if (n <= 2) {
                                    client[0].say(String.format(FOLLOW_UPS.get(random.nextInt(FOLLOW_UPS.size())),
                                            100_000 + random.nextInt(900_000)));
                                } else if (n == 3) {
                                    client[0].say("Great, thank you. Bye!");
                                }
                            }, 2, TimeUnit.SECONDS);
                        }, delay, TimeUnit.SECONDS);
                    }

                    @Override
                    public void ended() {
                        chats.remove(client[0]);
                        client[0].close();
                    }

                    @Override
                    public void error(String code, String message) {
                        LOG.debug("simulated chat refused: {}", message);
                        if ("refused".equals(code) || "unavailable".equals(code)) {
                            chats.remove(client[0]);
                            client[0].close();
                        }
                    }
                });
        chats.put(client[0], Boolean.TRUE);
        // however it goes, the visitor is gone after ten minutes
        timer.schedule(() -> {
            if (chats.remove(client[0]) != null) {
                client[0].close();
            }
        }, 10, TimeUnit.MINUTES);
    }

    /** A customer writes on Messenger, as the page-scoped id of their handle. */
    public void messenger(String handle, String text) {
        platform.messengerMessage(handle.startsWith("@") ? handle.substring(1) : handle, text);
    }

    /** A customer writes on WhatsApp from their phone number (E.164), under their profile name. */
    public void whatsapp(String e164, String name, String text) {
        platform.whatsappMessage(e164.replaceAll("[^0-9]", ""), name, text);
    }

    /** "olivia.walsh@example.com" → "Olivia Walsh". */
    static String nameOf(String address) {
        String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        StringBuilder name = new StringBuilder();
        for (String part : local.replaceAll("[0-9]+", "").split("[._+-]+")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                name.append(name.length() == 0 ? "" : " ").append(part.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.length() == 0 ? "Visitor" : name.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        chats.keySet().forEach(ChatVisitorClient::close);
        chats.clear();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
