package dev.switchboard.channels.email;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own mail server on 127.0.0.1: IMAP for the support mailbox and SMTP that accepts mail
 * for any address (a customer's mailbox is created when an agent first writes to it), each on a free
 * port. {@link #sendAsCustomer} mails the support mailbox over SMTP the way a customer's client would.
 *
 * <p>Mail the support mailbox has handled (marked seen) is removed from it {@link #KEEP_HANDLED}
 * after it arrived: its contacts hold it, and this server walks the whole folder for each message a
 * client fetches or marks, so a demo fed mail for hours would spend ever more of its CPU there. The
 * watcher reads and marks mail by UID, so the removals never make it read the wrong mail.
 */
public final class EmbeddedMailServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration DEMO_POLL = Duration.ofSeconds(30);
    /**
     * How long handled mail stays in the support mailbox at least: long enough to see it in a mail
     * client, short enough that the folder this server walks stays a few hundred mails at 20 contacts a
     * second (with a minute it held 400 to 600, and this server's IMAP took a fifth of a busy server's CPU).
     */
    static final Duration KEEP_HANDLED = Duration.ofSeconds(15);
    /**
     * How often handled mail is removed. Each removal is one burst of expunges, and this server now and
     * then drops the watcher's connection when mail arrives during one, so not more often than this.
     */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final String address;
    private final String password;
    private final GreenMail mail;
    private final Session clientSession;
    private final GreenMailUser support;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-mail-sweeper");
        t.setDaemon(true);
        return t;
    });

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
        this.support = mail.setUser(address, address, password);
        Properties props = new Properties();
        props.put("mail.smtp.host", LOOPBACK);
        props.put("mail.smtp.port", String.valueOf(smtpPort()));
        props.put("mail.smtp.localhost", "localhost");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        this.clientSession = Session.getInstance(props);
        long every = SWEEP_EVERY.toSeconds();
        sweeper.scheduleWithFixedDelay(this::removeHandledQuietly, every, every, TimeUnit.SECONDS);
    }

    private void removeHandledQuietly() {
        try {
            removeHandled(Instant.now());
        } catch (FolderException | RuntimeException e) {
            LOG.warn("could not remove handled mail from the demo mailbox: {}", e.getMessage());
        }
    }

    /**
     * Removes from the support mailbox the mail marked seen that arrived {@link #KEEP_HANDLED} or
     * more before {@code now}; mail not handled yet stays. Returns how many were removed.
     *
     * <p>It works on the server's store, not over IMAP: flags set over IMAP reach every open session
     * as updates, and this server drops a session's connection when mail arrives while it is sending
     * many such updates ahead of a removal.
     */
    int removeHandled(Instant now) throws FolderException {
        MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(support);
        Instant before = now.minus(KEEP_HANDLED);
        int removed = 0;
        for (StoredMessage m : inbox.getMessages()) {
            Date received = m.getReceivedDate();
            if (m.isSet(Flags.Flag.SEEN) && received != null && !received.toInstant().isAfter(before)) {
                m.setFlag(Flags.Flag.DELETED, true);
                removed++;
            }
        }
        if (removed > 0) {
            inbox.expunge();
        }
        return removed;
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
        sweeper.shutdownNow();
        mail.stop();
    }
}
