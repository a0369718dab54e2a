package dev.switchboard.server;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewAttachment;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.channels.email.Mailbox;
import dev.switchboard.channels.email.SmtpSettings;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.ContactKind;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail end to end against a real IMAP/SMTP server on loopback: a customer's mail becomes an offer,
 * the agent's answer (with an attachment) reaches the customer's mailbox once, and the customer's
 * reply from another mail client lands on the same ticket.
 */
class EmailChannelTest {
    private static final String SUPPORT = "help@acme.test";
    private static final String CUSTOMER = "erin@customer.test";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});

    private SwitchboardServer server;
    private AgentDesk desk;
    private HttpSwitchboardApi agent;

    @BeforeEach
    void start() {
        MAIL.setUser(SUPPORT, SUPPORT, "pw");
        MAIL.setUser(CUSTOMER, CUSTOMER, "pw");
        Mailbox box = new Mailbox(SUPPORT, "127.0.0.1", MAIL.getImap().getPort(), false, SUPPORT, "pw",
                Duration.ofHours(1));
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), false, false, null, null);
        server = SwitchboardServer.start(ServerOptions.inMemory("email-" + System.nanoTime(), 0)
                .withChannels(ChannelSettings.none().withMail(List.of(box), smtp)));
        desk = new AgentDesk(server, "agent");
        agent = desk.api;
        agent.createCustomer(new NewCustomerRequest("Erin", "Example", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, CUSTOMER, null)), null));
    }

    @AfterEach
    void stop() {
        desk.close();
        server.close();
    }

    /** The customer's own mail client: plain SMTP to the server, like any other program. */
    private static Session client() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        return Session.getInstance(p);
    }

    private static MimeMessage mail(String messageId, String subject) throws Exception {
        MimeMessage m = new MimeMessage(client()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(CUSTOMER, "Erin Example"));
        m.setRecipients(Message.RecipientType.TO, SUPPORT);
        m.setSubject(subject);
        return m;
    }

    @Test
    void aMailIsOfferedAnsweredOnceWithAnAttachmentAndTheCustomersReplyFindsItsThread() throws Exception {
        MimeMessage first = mail("first-1@customer.test", "My order has not arrived");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Order 123456 has not arrived.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Order <b>123456</b> has not arrived.</p><script>alert(1)</script>"
                + "<img src=\"https://tracker.example/pixel.gif\">", "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart receipt = new MimeBodyPart();
        receipt.setFileName("receipt.pdf");
        receipt.setContent("%PDF-1.4 receipt".getBytes(StandardCharsets.ISO_8859_1), "application/pdf");
        receipt.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(body);
        mixed.addBodyPart(receipt);
        first.setContent(mixed);
        Transport.send(first);

        long id = desk.take();
        ConversationView conv = agent.conversation(id);
        MessageView in = conv.messages().get(0);
        assertThat(in.text()).contains("Order 123456 has not arrived.");
        assertThat(in.html()).contains("<b>123456</b>").doesNotContain("<script").doesNotContain("tracker.example");
        assertThat(in.attachments()).extracting(a -> a.filename()).containsExactly("receipt.pdf");
        assertThat(new String(agent.attachment(in.attachments().get(0).id()), StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-1.4 receipt");
        TicketView ticket = agent.ticket(conv.ticketId());
        assertThat(ticket.dueAt()).isNotNull();

        SendMessageRequest answer = new SendMessageRequest("answer-erin-1", "Sorry! A new parcel is on its way.",
                null, null, null, null, List.of(new NewAttachment("label.txt", "text/plain",
                Base64.getEncoder().encodeToString("TRACK 42".getBytes(StandardCharsets.UTF_8)))));
        agent.sendMessage(id, answer);
        agent.sendMessage(id, answer); // a double click, or a retry after the network dropped
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessagesForDomain("customer.test").length >= 1);
        MimeMessage[] delivered = MAIL.getReceivedMessagesForDomain("customer.test");
        assertThat(delivered).hasSize(1);
        MimeMessage sent = delivered[0];
        assertThat(sent.getSubject()).isEqualTo("Re: My order has not arrived [T-" + ticket.id() + "]");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<first-1@customer.test>");
        assertThat(sent.getFrom()[0].toString()).contains(SUPPORT);
        assertThat(attachmentNames(sent)).containsExactly("label.txt");
        assertThat(agent.ticket(ticket.id()).firstResponseAt()).isNotNull();

        // the customer answers from another client, quoting our Message-ID
        MimeMessage reply = mail("reply-2@webmail.test", "Re: My order has not arrived [T-" + ticket.id() + "]");
        reply.setHeader("In-Reply-To", sent.getMessageID());
        reply.setHeader("References", "<first-1@customer.test> " + sent.getMessageID());
        reply.setText("Thank you, got the tracking number.");
        Transport.send(reply);
        await().atMost(Duration.ofSeconds(20)).until(() -> agent.conversation(id).messages().size() == 3);
        assertThat(agent.conversation(id).messages()).extracting(MessageView::text).last().asString()
                .contains("got the tracking number");
        assertThat(desk.offers).isEmpty();
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).getFileName() != null) {
                    names.add(mp.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }
}
