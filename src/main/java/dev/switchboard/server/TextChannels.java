package dev.switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.channels.chat.ChatGateway;
import dev.switchboard.channels.chat.ChatLine;
import dev.switchboard.channels.chat.ChatListener;
import dev.switchboard.channels.chat.ChatRefused;
import dev.switchboard.channels.chat.ChatVisitor;
import dev.switchboard.channels.email.EmbeddedMailServer;
import dev.switchboard.channels.email.InboundMail;
import dev.switchboard.channels.email.MailPart;
import dev.switchboard.channels.email.MailSendException;
import dev.switchboard.channels.email.MailSender;
import dev.switchboard.channels.email.Mailbox;
import dev.switchboard.channels.email.MailboxWatcher;
import dev.switchboard.channels.email.OutgoingMail;
import dev.switchboard.channels.email.SmtpSettings;
import dev.switchboard.channels.social.MetaSendApi;
import dev.switchboard.channels.social.MetaWebhooks;
import dev.switchboard.channels.social.Platform;
import dev.switchboard.channels.social.SocialListener;
import dev.switchboard.channels.social.SocialMessage;
import dev.switchboard.channels.social.SocialSendException;
import dev.switchboard.channels.social.SocialSettings;
import dev.switchboard.channels.social.SocialStatus;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import io.javalin.config.JavalinConfig;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The text channels, started and wired to the conversations: support mailboxes read over IMAP and
 * answers sent over SMTP, the chat widget and its WebSocket, and the Meta webhooks and send API.
 * Turns each channel's records into the server's and back.
 */
public final class TextChannels implements ReplyChannels, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextChannels.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<MailboxWatcher> watchers = new ArrayList<>();
    private final List<Mailbox> mailboxes;
    private final MailSender mailSender;
    private final EmbeddedMailServer embeddedMail;
    private final ChatGateway chat;
    private final MetaWebhooks webhooks;
    private final MetaSendApi sendApi;
    private final SocialSettings social;

    public TextChannels(ChannelSettings settings, EmailInbox inbox, LiveConversations live, ObjectMapper json,
                        Clock clock) {
        if (settings.embeddedMail()) {
            embeddedMail = new EmbeddedMailServer(ChannelSettings.DEMO_MAILBOX, "support");
            resources.add(embeddedMail);
            mailboxes = List.of(embeddedMail.supportMailbox());
            mailSender = new MailSender(embeddedMail.smtp());
        } else {
            embeddedMail = null;
            mailboxes = settings.mailboxes();
            SmtpSettings smtp = settings.smtp();
            mailSender = smtp == null ? null : new MailSender(smtp);
        }
        for (Mailbox box : mailboxes) {
            watchers.add(new MailboxWatcher(box, mail -> inbox.receive(incoming(mail))));
        }
        chat = new ChatGateway(new Chats(live), settings.chatGrace(), clock);
        resources.add(chat);
        social = settings.social();
        if (social != null) {
            webhooks = new MetaWebhooks(social, new Socials(live), json);
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS).build();
            sendApi = new MetaSendApi(social, http, json);
            resources.add(() -> {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            });
        } else {
            webhooks = null;
            sendApi = null;
        }
    }

    /** The chat widget, its WebSocket and (when set up) the social webhooks. */
    public void install(JavalinConfig config) {
        chat.install(config);
        if (webhooks != null) {
            webhooks.install(config);
        }
    }

    /** Starts reading the mailboxes. */
    public void start() {
        for (MailboxWatcher w : watchers) {
            w.start();
            resources.add(w);
        }
        LOG.info("text channels: {} mailbox(es){}, chat widget at /chat/, social webhooks {}", mailboxes.size(),
                mailSender == null ? " (no outgoing mail server)" : "", webhooks == null ? "off" : "on");
    }

    /** The mail server inside the process (the embedded default), if any. */
    public EmbeddedMailServer embeddedMail() {
        return embeddedMail;
    }

    public ChatGateway chat() {
        return chat;
    }

    /** The social app's settings (to sign the simulator's webhooks), null when social is off. */
    public SocialSettings social() {
        return social;
    }

    @Override
    public String defaultMailbox() {
        return mailboxes.isEmpty() ? "" : mailboxes.get(0).address();
    }

    @Override
    public String messageId(String key, String mailbox) {
        String domain = mailbox.contains("@") ? mailbox.substring(mailbox.indexOf('@') + 1) : "switchboard.local";
        return MailSender.newMessageId(key, domain);
    }

    @Override
    public void sendEmail(OutgoingEmail mail) throws SendRefused {
        if (mailSender == null) {
            throw new SendRefused("E-mail answers are not set up on this server: no outgoing mail server");
        }
        if (mail.from() == null || mail.from().isBlank()) {
            throw new SendRefused("E-mail answers are not set up on this server: no support mailbox to send from");
        }
        try {
            mailSender.send(new OutgoingMail(mail.from(), mail.fromName(), mail.to(), mail.cc(), mail.subject(),
                    mail.text(), mail.messageId(), mail.inReplyTo(), mail.references(), mail.attachments().stream()
                    .map(a -> new MailPart(a.filename(), a.contentType(), a.data(), a.contentId(), a.inline()))
                    .toList()));
        } catch (MailSendException e) {
            throw new SendRefused(e.getMessage());
        }
    }

    @Override
    public boolean chatLine(long conversation, String lineId, String agentName, String text, Instant at) {
        return chat.agentMessage(conversation, lineId, agentName, text, at);
    }

    @Override
    public void chatJoined(long conversation, String agentName) {
        chat.agentJoined(conversation, agentName);
    }

    @Override
    public void chatTyping(long conversation, String agentName, boolean typing) {
        chat.agentTyping(conversation, agentName, typing);
    }

    @Override
    public void chatEnd(long conversation, String message) {
        chat.end(conversation, message);
    }

    @Override
    public boolean chatConnected(long conversation) {
        return chat.connected(conversation);
    }

    @Override
    public String sendSocial(String platform, String recipientId, String text) throws SendRefused {
        Platform p = Platform.valueOf(platform);
        if (sendApi == null) {
            throw new SendRefused("Replies to " + p.displayName() + " are not set up on this server");
        }
        try {
            return sendApi.send(p, recipientId, text);
        } catch (SocialSendException e) {
            throw new SendRefused(e.getMessage());
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing a text channel failed", e);
            }
        }
        resources.clear();
    }

    private static EmailInbox.Incoming incoming(InboundMail m) {
        return new EmailInbox.Incoming(m.mailbox(), m.messageId(), m.inReplyTo(), m.references(), m.fromAddress(),
                m.fromName(), m.replyTo(), m.to(), m.cc(), m.subject(), m.text(), m.html(), m.parts().stream()
                .map(p -> new Message.Attachment(0, p.filename(), p.contentType(), p.data().length, p.contentId(),
                        p.inline(), p.data())).toList());
    }

    /** The chat widget's visitors, handed to the conversations. */
    private static final class Chats implements ChatListener {
        private final LiveConversations live;

        Chats(LiveConversations live) {
            this.live = live;
        }

        @Override
        public long started(ChatVisitor visitor) {
            // the widget checked the name, e-mail and page; the queue may still refuse
            try {
                return live.chatStarted(visitor.name(), visitor.email(), visitor.page());
            } catch (ApiProblem e) {
                throw new ChatRefused("We could not start the chat: " + e.getMessage());
            }
        }

        @Override
        public void message(long conversation, String clientId, String text) {
            live.chatMessage(conversation, clientId, text);
        }

        @Override
        public void typing(long conversation, boolean typing) {
            live.chatTyping(conversation, typing);
        }

        @Override
        public void page(long conversation, String page) {
            live.chatPage(conversation, page);
        }

        @Override
        public void connection(long conversation, boolean connected) {
            live.chatConnection(conversation, connected);
        }

        @Override
        public void left(long conversation, boolean byVisitor) {
            live.chatLeft(conversation, byVisitor);
        }

        @Override
        public List<ChatLine> history(long conversation) {
            String visitorIds = "chat:" + conversation + ":";
            return live.chatHistory(conversation).stream().map(m -> new ChatLine(
                    m.direction() == MessageDirection.INBOUND && m.externalId() != null
                            && m.externalId().startsWith(visitorIds)
                            ? m.externalId().substring(visitorIds.length()) : "a" + m.id(),
                    m.direction() == MessageDirection.INBOUND, m.author(), m.text(), m.createdAt())).toList();
        }
    }

    /** Messenger and WhatsApp webhooks, handed to the conversations. */
    private static final class Socials implements SocialListener {
        private final LiveConversations live;

        Socials(LiveConversations live) {
            this.live = live;
        }

        @Override
        public void message(SocialMessage m) {
            try {
                live.socialMessage(m.platform().name(), m.senderId(), m.senderName(), m.messageId(), m.text(),
                        m.attachmentTypes());
            } catch (ApiProblem e) {
                // e.g. a sender id no customer address can hold: the platform is told, nothing stored
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public void status(SocialStatus s) {
            MessageStatus status = switch (s.kind()) {
                case SENT -> MessageStatus.SENT;
                case DELIVERED -> MessageStatus.DELIVERED;
                case READ -> MessageStatus.READ;
                case FAILED -> MessageStatus.FAILED;
            };
            live.socialStatus(s.platform().name(), s.recipientId(), s.messageId(), status, s.at(), s.error());
        }
    }
}
