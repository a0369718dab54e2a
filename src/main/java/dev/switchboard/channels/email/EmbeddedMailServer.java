package dev.switchboard.channels.email;

import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The demo's own mail server on 127.0.0.1: IMAP for the support mailbox and SMTP that accepts mail
 * for any address (a customer's mailbox is created when an agent first writes to it), each on a free
 * port. {@link #sendAsCustomer} mails the support mailbox over SMTP the way a customer's client would.
 */
public final class EmbeddedMailServer implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration DEMO_POLL = Duration.ofSeconds(30);

    private final String address;
    private final String password;
    private final GreenMail mail;
    private final Session clientSession;

    /** Starts the server with {@code supportAddress} (also its login) and {@code password}. */
    public EmbeddedMailServer(String supportAddress, String password) {
        this(supportAddress, password, 0, 0);
    }

    /** Fixed ports (0: a free one), so a test can stop a server and start another in its place. */
    EmbeddedMailServer(String supportAddress, String password, int smtpPort, int imapPort) {
        this.address = supportAddress.strip().toLowerCase(Locale.ROOT);
        this.password = password;
        this.mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(address, address, password);
        Properties props = new Properties();
        props.put("mail.smtp.host", LOOPBACK);
        props.put("mail.smtp.port", String.valueOf(smtpPort()));
        props.put("mail.smtp.localhost", "localhost");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        this.clientSession = Session.getInstance(props);
    }

    /** The support mailbox, ready for a {@link MailboxWatcher}. */
    public Mailbox supportMailbox() {
        return new Mailbox(address, LOOPBACK, imapPort(), false, address, password, DEMO_POLL);
    }

    /** How agents' replies leave: this server's SMTP, logged in as the support mailbox. */
    public SmtpSettings smtp() {
        return new SmtpSettings(LOOPBACK, smtpPort(), false, false, address, password);
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    /**
     * Sends {@code message} through this server's SMTP, as a mail client would, to its recipients
     * (the support mailbox when it has none).
     */
    public void deliver(MimeMessage message) throws MessagingException {
        if (message.getAllRecipients() == null || message.getAllRecipients().length == 0) {
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.saveChanges();
        try (Transport smtp = clientSession.getTransport("smtp")) {
            smtp.connect();
            smtp.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Mails the support mailbox as a customer would: plain text, optionally answering
     * {@code inReplyTo} (an id without brackets). Returns the new mail's message id (no brackets).
     */
    public String sendAsCustomer(String fromAddress, String fromName, String subject, String text, String inReplyTo)
            throws MessagingException {
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        String id = UUID.randomUUID() + "@" + domain;
        MimeMessage message = new MailSender.FixedIdMessage(clientSession, id);
        try {
            message.setFrom(new InternetAddress(fromAddress, fromName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            message.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            message.setHeader("References", "<" + inReplyTo + ">");
        }
        message.setText(text, "UTF-8");
        deliver(message);
        return id;
    }

    /** A session whose SMTP is this server: for building messages to hand to {@link #deliver}. */
    public Session clientSession() {
        return clientSession;
    }

    /** The mail this server holds for {@code mailboxAddress} (e.g. what agents sent a customer). */
    public List<MimeMessage> messagesFor(String mailboxAddress) {
        String wanted = mailboxAddress.strip().toLowerCase(Locale.ROOT);
        return mail.findReceivedMessages(user -> wanted.equalsIgnoreCase(user.getEmail()), m -> true).toList();
    }

    /** From now on every delivery fails, so SMTP answers DATA with an error (for tests of refusals). */
    void rejectDeliveries(String reason) {
        mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            throw new UserException(reason);
        });
    }

    @Override
    public void close() {
        mail.stop();
    }
}
