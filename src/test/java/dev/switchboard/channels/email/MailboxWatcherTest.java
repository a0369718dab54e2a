package dev.switchboard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher against a real IMAP/SMTP server on loopback, fed by another mail client. */
class MailboxWatcherTest {
    private static final String SUPPORT = "support@acme.test";
    /** Binary like a real PDF (its second line is 8-bit), so the client sends it base64-encoded. */
    private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static final Duration FAST_RETRY = Duration.ofMillis(100);

    private EmbeddedMailServer server;
    private MailClient client;
    private final List<InboundMail> received = new CopyOnWriteArrayList<>();
    private MailboxWatcher watcher;

    @BeforeEach
    void startServer() {
        server = new EmbeddedMailServer(SUPPORT, "s3cret");
        client = new MailClient(server);
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        server.close();
    }

    @Test
    void aRichMailReachesTheHandlerParsedAndSanitisedAndIsThenSeen() throws Exception {
        watcher = new MailboxWatcher(server.supportMailbox(), received::add);
        watcher.start();
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MimeMessage m = MailClient.withId(client.smtpSession(), "rich-1@customer.example");
        m.setFrom(new InternetAddress("Carol.Customer@Customer.Example", "Carol Customer", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("Support@ACME.test"));
        m.setRecipients(Message.RecipientType.CC, InternetAddress.parse("boss@customer.example"));
        m.setReplyTo(InternetAddress.parse("carol.private@customer.example"));
        m.setSubject("Über-invoice is wrong", "UTF-8");
        m.setSentDate(Date.from(sent));
        m.setContent(richBody());
        client.send(m);

        await().until(() -> received.size() == 1);
        InboundMail mail = received.get(0);
        assertThat(mail.mailbox()).isEqualTo(SUPPORT);
        assertThat(mail.messageId()).isEqualTo("rich-1@customer.example");
        assertThat(mail.inReplyTo()).isNull();
        assertThat(mail.fromAddress()).isEqualTo("carol.customer@customer.example");
        assertThat(mail.fromName()).isEqualTo("Carol Customer");
        assertThat(mail.to()).containsExactly("support@acme.test");
        assertThat(mail.cc()).containsExactly("boss@customer.example");
        assertThat(mail.replyTo()).containsExactly("carol.private@customer.example");
        assertThat(mail.subject()).isEqualTo("Über-invoice is wrong");
        assertThat(mail.sentAt()).isEqualTo(sent);
        assertThat(mail.text()).isEqualTo("Hello, my invoice is wrong.");
        assertThat(mail.html()).contains("<b>invoice</b>", "data:image/png;base64,", HtmlSanitizer.BLOCKED_IMAGE)
                .doesNotContain("<script", "alert(", "cid:", "tracker.example");
        assertThat(mail.parts()).hasSize(2);
        MailPart pdf = mail.parts().stream().filter(p -> p.contentType().equals("application/pdf")).findFirst().orElseThrow();
        assertThat(pdf.filename()).isEqualTo("invoice 42.pdf");
        assertThat(pdf.data()).isEqualTo(PDF);
        assertThat(pdf.inline()).isFalse();
        MailPart logo = mail.parts().stream().filter(p -> p.contentType().equals("image/png")).findFirst().orElseThrow();
        assertThat(logo.contentId()).isEqualTo("logo@customer.example");
        assertThat(logo.inline()).isTrue();
        assertThat(logo.data()).isEqualTo(PNG);

        await().until(() -> client.seen("rich-1@customer.example"));
    }

    @Test
    void mailRemovedFromTheMailboxDuringARoundIsPassedOverWithoutReconnecting() throws Exception {
        String first = server.sendAsCustomer("hana@customer.example", null, "First", "one", null);
        String second = server.sendAsCustomer("hana@customer.example", null, "Second", "two", null);
        String third = server.sendAsCustomer("hana@customer.example", null, "Third", "three", null);
        MailHandler tidiedMeanwhile = mail -> {
            if (mail.messageId().equals(first)) {
                // someone else removes this mail and the next one while the first is being handled
                client.remove(first, second);
            }
            received.add(mail);
        };
        // a failed round would reconnect only after a minute, well past the wait below
        watcher = new MailboxWatcher(server.supportMailbox(), tidiedMeanwhile, true, Duration.ofMinutes(1));
        watcher.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2);
        assertThat(received).extracting(InboundMail::messageId).containsExactly(first, third);
        await().until(() -> client.seen(third));
        assertThat(watcher.connected()).isTrue();
        assertThat(watcher.lastError()).isNull();
    }

    @Test
    void handledMailLeavesTheDemoMailboxSoonAfterItArrivedAndMailNotHandledStays() throws Exception {
        watcher = new MailboxWatcher(server.supportMailbox(), received::add);
        watcher.start();
        String handled = server.sendAsCustomer("gina@customer.example", null, "Handled", "one", null);
        await().until(() -> client.seen(handled));
        watcher.close();
        String waiting = server.sendAsCustomer("gina@customer.example", null, "Waiting", "two", null);
        await().until(() -> client.count() == 2);

        assertThat(server.removeHandled(Instant.now())).as("handled, but only just").isZero();
        assertThat(server.removeHandled(Instant.now().plus(EmbeddedMailServer.KEEP_HANDLED))).isEqualTo(1);
        assertThat(client.count()).isEqualTo(1);
        assertThat(client.seen(waiting)).isFalse();
    }

    @Test
    void whileHandledMailIsRemovedEveryMailArrivingIsHandedOverInOrderAndUnmixed() throws Exception {
        // the demo's mail server now and then drops the connection when mail arrives just as it
        // reports removals; the watcher comes back at once here, and nothing may be lost or mixed up
        watcher = new MailboxWatcher(server.supportMailbox(), received::add, true, FAST_RETRY);
        watcher.start();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(server.sendAsCustomer("ivo@customer.example", null, "Mail " + i, "text " + i, null));
            if (i % 3 == 2) {
                server.removeHandled(Instant.now().plus(EmbeddedMailServer.KEEP_HANDLED));
            }
        }

        // at least once (a mail handled just as the connection drops comes again, and the server
        // knows it by its Message-ID), in order, and each the mail it says it is
        await().atMost(Duration.ofSeconds(30))
                .until(() -> received.stream().map(InboundMail::messageId).distinct().count() >= sent.size());
        assertThat(received.stream().map(InboundMail::messageId).distinct()).containsExactlyElementsOf(sent);
        assertThat(received).allSatisfy(m -> assertThat(m.subject()).isEqualTo("Mail " + sent.indexOf(m.messageId())));
    }

    @Test
    void aReplyCarriesItsThreadHeaders() throws Exception {
        watch(server.supportMailbox(), received::add);
        MimeMessage m = MailClient.withId(client.smtpSession(), "reply-2@customer.example");
        m.setFrom(new InternetAddress("dave@customer.example"));
        m.setRecipients(Message.RecipientType.TO, SUPPORT);
        m.setSubject("Re: Your ticket");
        m.setHeader("In-Reply-To", "<sb.abc@acme.test>");
        m.setHeader("References", "<first@customer.example>\r\n <sb.abc@acme.test>");
        m.setText("Thanks, that helped.", "UTF-8");
        client.send(m);

        await().until(() -> received.size() == 1);
        InboundMail mail = received.get(0);
        assertThat(mail.inReplyTo()).isEqualTo("sb.abc@acme.test");
        assertThat(mail.references()).containsExactly("first@customer.example", "sb.abc@acme.test");
        assertThat(mail.text()).isEqualTo("Thanks, that helped.");
        assertThat(mail.html()).isNull();
        assertThat(mail.parts()).isEmpty();
        assertThat(mail.fromName()).isNull();
    }

    @Test
    void aHandlerFailureLeavesTheMailUnseenAndItIsHandedOverAgain() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        List<Boolean> seenDuringRetry = new CopyOnWriteArrayList<>();
        watch(server.supportMailbox(), mail -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("database briefly away");
            }
            seenDuringRetry.add(client.seen(mail.messageId()));
            received.add(mail);
        });
        String id = server.sendAsCustomer("erin@customer.example", "Erin", "Help", "Please call me.", null);

        await().until(() -> received.size() == 1);
        assertThat(failedOnce).isTrue();
        assertThat(received.get(0).messageId()).isEqualTo(id);
        assertThat(seenDuringRetry).containsExactly(false);
        await().until(() -> client.seen(id));
        assertThat(watcher.lastError()).contains("database briefly away");
    }

    @Test
    void aMailThatKeepsFailingIsLeftUnseenAndDoesNotHoldUpTheOthers() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        watch(server.supportMailbox(), mail -> {
            attempts.add(mail.subject());
            if (mail.subject().equals("poison")) {
                throw new IllegalArgumentException("cannot store this one");
            }
            received.add(mail);
        });
        String poison = server.sendAsCustomer("jo@customer.example", null, "poison", "x", null);
        String fine = server.sendAsCustomer("jo@customer.example", null, "fine", "y", null);

        await().until(() -> received.size() == 1);
        assertThat(attempts).containsExactly("poison", "poison", "poison", "poison", "poison", "fine");
        await().until(() -> client.seen(fine));
        assertThat(client.seen(poison)).isFalse();
        server.sendAsCustomer("jo@customer.example", null, "later", "z", null);
        await().until(() -> received.size() == 2);
        assertThat(attempts).endsWith("fine", "later");
    }

    @Test
    void mailArrivingWhileIdlingIsHandedOverWithoutWaitingForAPoll() throws Exception {
        Mailbox hourly = withPoll(server.supportMailbox(), Duration.ofHours(1));
        watch(hourly, received::add);
        await().until(() -> watcher.usingIdle() && watcher.idling());

        server.sendAsCustomer("frank@customer.example", null, "First", "one", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        await().until(watcher::idling);
        server.sendAsCustomer("frank@customer.example", null, "Second", "two", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).extracting(InboundMail::subject).containsExactly("First", "Second");
    }

    @Test
    void withoutIdleTheWatcherPolls() throws Exception {
        Mailbox quick = withPoll(server.supportMailbox(), Duration.ofMillis(200));
        watcher = new MailboxWatcher(quick, received::add, false, FAST_RETRY);
        watcher.start();
        await().until(watcher::connected);
        assertThat(watcher.usingIdle()).isFalse();

        String id = server.sendAsCustomer("Gina@Customer.example", "Gina G", "Re: Polled", "hello", "sb.1@acme.test");
        await().until(() -> received.size() == 1);
        assertThat(watcher.idling()).isFalse();
        InboundMail mail = received.get(0);
        assertThat(mail.messageId()).isEqualTo(id);
        assertThat(mail.fromAddress()).isEqualTo("gina@customer.example");
        assertThat(mail.fromName()).isEqualTo("Gina G");
        assertThat(mail.inReplyTo()).isEqualTo("sb.1@acme.test");
        assertThat(mail.references()).containsExactly("sb.1@acme.test");
    }

    @Test
    void mailAlreadyWaitingIsHandedOverInArrivalOrder() throws Exception {
        for (int i = 1; i <= 3; i++) {
            server.sendAsCustomer("hal@customer.example", null, "Mail " + i, "body " + i, null);
        }
        watch(server.supportMailbox(), received::add);
        await().until(() -> received.size() == 3);
        assertThat(received).extracting(InboundMail::subject).containsExactly("Mail 1", "Mail 2", "Mail 3");
    }

    @Test
    void closeReturnsPromptlyWhileIdling() {
        watch(withPoll(server.supportMailbox(), Duration.ofHours(1)), received::add);
        await().until(watcher::idling);

        long start = System.nanoTime();
        watcher.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(watcher.connected()).isFalse();
        assertThat(watcher.idling()).isFalse();
    }

    @Test
    void aRefusedLoginIsReportedAndRetried() {
        Mailbox box = server.supportMailbox();
        Mailbox wrong = new Mailbox(box.address(), box.host(), box.port(), false, box.user(), "wrong", box.pollEvery());
        watch(wrong, received::add);
        await().until(() -> watcher.lastError() != null);
        assertThat(watcher.lastError()).contains("refused the login", SUPPORT);
        assertThat(watcher.connected()).isFalse();
    }

    @Test
    void theWatcherReconnectsWhenTheServerComesBack() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        server.close();
        server = new EmbeddedMailServer(SUPPORT, "s3cret", smtp, imap);
        watch(server.supportMailbox(), received::add);
        await().until(watcher::connected);

        server.close();
        await().until(() -> !watcher.connected() && watcher.lastError() != null);
        server = new EmbeddedMailServer(SUPPORT, "s3cret", smtp, imap);
        server.sendAsCustomer("ida@customer.example", null, "Back", "still there?", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
        assertThat(watcher.connected()).isTrue();
    }

    private void watch(Mailbox box, MailHandler handler) {
        watcher = new MailboxWatcher(box, handler, true, FAST_RETRY);
        watcher.start();
    }

    private static Mailbox withPoll(Mailbox b, Duration poll) {
        return new Mailbox(b.address(), b.host(), b.port(), b.ssl(), b.user(), b.password(), poll);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** mixed[ related[ alternative[plain, html], inline png ], pdf attachment ] */
    private static MimeMultipart richBody() throws Exception {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Hello, my invoice is wrong.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><head><style>body{background:url(https://tracker.example/bg.png)}</style></head>"
                + "<body><p>Hello, my <b>invoice</b> is wrong.</p><script>alert('x')</script>"
                + "<img src=\"cid:logo@customer.example\" alt=\"logo\">"
                + "<img src=\"https://tracker.example/open.gif?u=carol\"></body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);

        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        logo.setContentID("<logo@customer.example>");
        logo.setDisposition(Part.INLINE);
        MimeMultipart related = new MimeMultipart("related", alternativePart, logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);

        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName("invoice 42.pdf");
        pdf.setDisposition(Part.ATTACHMENT);
        return new MimeMultipart("mixed", relatedPart, pdf);
    }
}
