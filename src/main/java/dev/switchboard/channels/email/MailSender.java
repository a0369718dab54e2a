package dev.switchboard.channels.email;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends replies over SMTP: a plain UTF-8 text body (multipart/mixed when there are attachments),
 * the caller's Message-ID exactly, and In-Reply-To / References so the customer's client threads
 * the reply. Failures come back as a {@link MailSendException} an agent can read.
 */
public final class MailSender {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final String UTF_8 = "UTF-8";

    private final SmtpSettings smtp;
    private final Session session;

    public MailSender(SmtpSettings smtp) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp));
    }

    /**
     * A message id for {@code key} at {@code domain}, without angle brackets: the same key always
     * gives the same id, so a reply sent twice is recognised as one.
     */
    public static String newMessageId(String key, String domain) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("a message id needs a domain");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sb." + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain.strip().toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Builds and sends {@code mail}; returns once the server has accepted it. */
    public void send(OutgoingMail mail) throws MailSendException {
        if (mail.to().isEmpty() && mail.cc().isEmpty()) {
            throw new MailSendException("The message has no recipient", false, null);
        }
        MimeMessage message;
        try {
            message = build(mail);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("The message could not be built: " + e.getMessage(), false, e);
        }
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw explain(e);
        }
    }

    MimeMessage build(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(mail.from(), mail.fromName(), UTF_8));
        message.setRecipients(Message.RecipientType.TO, addresses(mail.to()));
        if (!mail.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(mail.cc()));
        }
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(new Date());
        if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
            message.setHeader("In-Reply-To", bracket(mail.inReplyTo()));
        }
        if (!mail.references().isEmpty()) {
            StringBuilder refs = new StringBuilder();
            for (String id : mail.references()) {
                refs.append(refs.length() == 0 ? "" : " ").append(bracket(id));
            }
            message.setHeader("References", MimeUtility.fold("References: ".length(), refs.toString()));
        }
        if (mail.attachments().isEmpty()) {
            message.setText(mail.text(), UTF_8);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(mail.text(), UTF_8);
            mixed.addBodyPart(body);
            for (MailPart part : mail.attachments()) {
                mixed.addBodyPart(attachment(part));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart attachment(MailPart part) throws MessagingException, UnsupportedEncodingException {
        MimeBodyPart body = new MimeBodyPart();
        body.setDataHandler(new DataHandler(new ByteArrayDataSource(part.data(), part.contentType())));
        body.setFileName(MimeUtility.encodeText(part.filename(), UTF_8, null));
        body.setDisposition(part.inline() ? Part.INLINE : Part.ATTACHMENT);
        if (part.contentId() != null) {
            body.setContentID(bracket(part.contentId()));
        }
        return body;
    }

    private static InternetAddress[] addresses(List<String> list) throws MessagingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }

    private static String bracket(String id) {
        String s = id.strip();
        return s.startsWith("<") ? s : "<" + s + ">";
    }

    private MailSendException explain(MessagingException e) {
        String where = smtp.host() + ":" + smtp.port();
        if (e instanceof AuthenticationFailedException) {
            return new MailSendException("The mail server " + where + " refused the login for " + smtp.user()
                    + ": " + reply(e.getMessage()), false, e);
        }
        for (Exception x = e; x != null; x = next(x)) {
            if (x instanceof SMTPAddressFailedException a) {
                return new MailSendException("The mail server refused the recipient " + a.getAddress() + ": "
                        + reply(a.getMessage()), a.getReturnCode() / 100 == 4, e);
            }
            if (x instanceof SMTPSenderFailedException s) {
                return new MailSendException("The mail server refused the sender " + s.getAddress() + ": "
                        + reply(s.getMessage()), s.getReturnCode() / 100 == 4, e);
            }
            if (x instanceof SMTPSendFailedException s) {
                return new MailSendException("The mail server refused the message: " + reply(s.getMessage()),
                        s.getReturnCode() / 100 == 4, e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new MailSendException("Could not reach the mail server " + where + ": unknown host", true, e);
            }
            if (t instanceof IOException io) {
                return new MailSendException("Could not reach the mail server " + where + " (" + io.getMessage()
                        + ")", true, e);
            }
        }
        if (e instanceof SendFailedException) {
            return new MailSendException("The mail server refused the message: " + reply(e.getMessage()), false, e);
        }
        return new MailSendException("The mail could not be sent through " + where + ": " + e.getMessage(), true, e);
    }

    private static Exception next(Exception e) {
        return e instanceof MessagingException m ? m.getNextException() : null;
    }

    private static String reply(String serverText) {
        return serverText == null ? "" : serverText.strip().replaceAll("\\s+", " ");
    }

    private static Properties properties(SmtpSettings smtp) {
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(prefix + "host", smtp.host());
        props.put(prefix + "port", String.valueOf(smtp.port()));
        props.put(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        props.put(prefix + "timeout", String.valueOf(READ_TIMEOUT_MS));
        props.put(prefix + "writetimeout", String.valueOf(READ_TIMEOUT_MS));
        props.put(prefix + "auth", String.valueOf(smtp.user() != null));
        if (smtp.ssl()) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (smtp.startTls()) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** A message whose Message-ID is the one given, not one the library makes up on save. */
    static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (id == null || id.isBlank()) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", bracket(id));
            }
        }
    }
}
