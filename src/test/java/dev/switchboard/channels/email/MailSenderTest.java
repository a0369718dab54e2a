package dev.switchboard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies leave through a real SMTP server on loopback and are read back from the customer's mailbox. */
class MailSenderTest {
    private static final String SUPPORT = "support@acme.test";
    private static final String CUSTOMER = "carol@customer.example";

    private EmbeddedMailServer server;

    @BeforeEach
    void startServer() {
        server = new EmbeddedMailServer(SUPPORT, "s3cret");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aReplyArrivesWithItsIdThreadHeadersBodyAndAttachment() throws Exception {
        String id = MailSender.newMessageId("reply:contact-7:1", "acme.test");
        byte[] pdf = new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xe2, (byte) 0xe3, 0, 1, 2, '\n'};
        OutgoingMail mail = new OutgoingMail(SUPPORT, "Acme Support — Zoë", List.of(CUSTOMER),
                List.of("Boss@Customer.example"), "Re: Über invoice", "Hello Carol,\nhere is the corrected invoice.\n",
                id, "orig-1@customer.example", List.of("root@customer.example", "orig-1@customer.example"),
                List.of(new MailPart("Rechnung Ä.pdf", "application/pdf", pdf, null, false)));

        new MailSender(server.smtp()).send(mail);

        await().until(() -> server.messagesFor(CUSTOMER).size() == 1);
        MimeMessage got = server.messagesFor(CUSTOMER).get(0);
        assertThat(got.getMessageID()).isEqualTo("<" + id + ">");
        assertThat(got.getHeader("In-Reply-To", null)).isEqualTo("<orig-1@customer.example>");
        assertThat(got.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<root@customer.example> <orig-1@customer.example>");
        assertThat(got.getSentDate()).isNotNull();
        assertThat(got.getSubject()).isEqualTo("Re: Über invoice");
        InternetAddress from = (InternetAddress) got.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(SUPPORT);
        assertThat(from.getPersonal()).isEqualTo("Acme Support — Zoë");
        assertThat(got.getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
                .containsExactly("Boss@Customer.example");
        assertThat(got.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) got.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(mixed.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mixed.getBodyPart(0).getContent()).isEqualTo("Hello Carol,\nhere is the corrected invoice.\n"
                .replace("\n", "\r\n"));
        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Rechnung Ä.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
        // the boss got a copy too: the server takes mail for any address
        await().until(() -> server.messagesFor("boss@customer.example").size() == 1);
    }

    @Test
    void aPlainReplyIsOneUtf8TextPartAndTheParserReadsItBack() throws Exception {
        String id = MailSender.newMessageId("reply:contact-8:1", "acme.test");
        new MailSender(server.smtp()).send(new OutgoingMail(SUPPORT, null, List.of(CUSTOMER), null, "Re: hi",
                "Grüße", id, null, null, null));

        await().until(() -> server.messagesFor(CUSTOMER).size() == 1);
        MimeMessage got = server.messagesFor(CUSTOMER).get(0);
        assertThat(got.isMimeType("text/plain")).isTrue();
        assertThat(got.getHeader("In-Reply-To")).isNull();
        InboundMail parsed = MailParser.parse(CUSTOMER, got, null);
        assertThat(parsed.messageId()).isEqualTo(id);
        assertThat(parsed.text()).isEqualTo("Grüße");
        assertThat(parsed.fromAddress()).isEqualTo(SUPPORT);
    }

    @Test
    void messageIdsAreStablePerKey() {
        String a = MailSender.newMessageId("reply:42", "Acme.Test");
        assertThat(a).isEqualTo(MailSender.newMessageId("reply:42", "acme.test"))
                .isNotEqualTo(MailSender.newMessageId("reply:43", "acme.test"))
                .matches("[a-z0-9.]+@acme\\.test").doesNotContain("<", ">");
    }

    @Test
    void aRefusedLoginSaysSo() {
        SmtpSettings ok = server.smtp();
        SmtpSettings wrong = new SmtpSettings(ok.host(), ok.port(), false, false, ok.user(), "wrong");
        assertThatThrownBy(() -> new MailSender(wrong).send(simple()))
                .isInstanceOf(MailSendException.class)
                .hasMessageStartingWith("The mail server 127.0.0.1:" + ok.port() + " refused the login for " + SUPPORT)
                .hasMessageContaining("535")
                .matches(e -> !((MailSendException) e).temporary());
    }

    @Test
    void aMessageTheServerCannotTakeIsReportedWithTheServersAnswer() {
        server.rejectDeliveries("mailbox unavailable");
        assertThatThrownBy(() -> new MailSender(server.smtp()).send(simple()))
                .isInstanceOf(MailSendException.class)
                .hasMessageStartingWith("The mail server refused the message: 451");
    }

    @Test
    void anUnreachableServerSaysWhere() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpSettings nowhere = new SmtpSettings("127.0.0.1", closed, false, false, null, null);
        assertThatThrownBy(() -> new MailSender(nowhere).send(simple()))
                .isInstanceOf(MailSendException.class)
                .hasMessageStartingWith("Could not reach the mail server 127.0.0.1:" + closed)
                .matches(e -> ((MailSendException) e).temporary());
    }

    @Test
    void aMessageWithoutUsableRecipientsIsNotSent() {
        MailSender sender = new MailSender(server.smtp());
        assertThatThrownBy(() -> sender.send(new OutgoingMail(SUPPORT, null, List.of(), List.of(), "x", "y", null,
                null, null, null))).isInstanceOf(MailSendException.class).hasMessage("The message has no recipient");
        assertThatThrownBy(() -> sender.send(new OutgoingMail(SUPPORT, null, List.of("not an address"), null, "x",
                "y", null, null, null, null))).isInstanceOf(MailSendException.class)
                .hasMessageStartingWith("The message could not be built");
    }

    private static OutgoingMail simple() {
        return new OutgoingMail(SUPPORT, "Support", List.of(CUSTOMER), List.of(), "Re: x", "text",
                MailSender.newMessageId("simple", "acme.test"), null, List.of(), List.of());
    }
}
