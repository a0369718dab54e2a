package dev.switchboard.channels.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a MIME message into an {@link InboundMail}: the first plain and HTML bodies become
 * {@code text} and (sanitised) {@code html}, every other leaf part becomes a {@link MailPart}.
 * Tolerates the usual damage: broken addresses, unknown charsets, encoded file names.
 */
public final class MailParser {
    /** Made-up message ids end with this, so they can never clash with a real one. */
    public static final String SYNTHETIC_ID_DOMAIN = "switchboard.invalid";

    private static final Pattern BRACKETED_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_DEPTH = 16;
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", ".png", "image/jpeg", ".jpg",
            "image/gif", ".gif", "application/pdf", ".pdf", "text/plain", ".txt", "text/html", ".html",
            "message/rfc822", ".eml", "text/calendar", ".ics");

    private MailParser() {
    }

    /**
     * Reads {@code message}, which arrived in {@code mailbox}; {@code receivedAt} (may be null) dates
     * a mail that has no Date header.
     */
    public static InboundMail parse(String mailbox, MimeMessage message, Instant receivedAt)
            throws MessagingException, IOException {
        Bodies bodies = new Bodies();
        bodies.walk(message, 0);

        List<String> from = addresses(message, "From");
        if (from.isEmpty()) {
            from = addresses(message, "Sender");
        }
        String fromAddress = from.isEmpty() ? "" : from.get(0);
        String subject = message.getSubject() == null ? "" : message.getSubject().strip();
        String text = bodies.plain != null ? bodies.plain
                : bodies.html != null ? HtmlSanitizer.toText(bodies.html) : "";
        String html = bodies.html == null ? null : HtmlSanitizer.sanitize(bodies.html, bodies.parts);

        List<String> ids = ids(message.getHeader("Message-ID", " "));
        String messageId = ids.isEmpty()
                ? syntheticId(fromAddress, message.getHeader("Date", " "), subject, text) : ids.get(0);
        List<String> inReplyTo = ids(message.getHeader("In-Reply-To", " "));
        Instant sentAt = sentAt(message, receivedAt);

        return new InboundMail(mailbox, messageId, inReplyTo.isEmpty() ? null : inReplyTo.get(0),
                ids(message.getHeader("References", " ")), fromAddress, personal(message), addresses(message, "Reply-To"),
                addresses(message, "To"), addresses(message, "Cc"), subject, text, html, bodies.parts, sentAt);
    }

    /** The message ids in a Message-ID, In-Reply-To or References header, without angle brackets. */
    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED_ID.matcher(header);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        if (ids.isEmpty()) {
            // some senders leave the brackets off
            for (String token : MimeUtility.unfold(header).trim().split("[\\s,]+")) {
                if (token.contains("@") && !ids.contains(token)) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    /** A stable id for a mail that has none: the same mail delivered twice gets the same one. */
    static String syntheticId(String from, String date, String subject, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {from, date, subject, text}) {
                sha.update((field == null ? "" : field.strip()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "synthetic." + HexFormat.of().formatHex(sha.digest(), 0, 16) + "@" + SYNTHETIC_ID_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<String> addresses(MimeMessage message, String header) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (InternetAddress address : internetAddresses(message, header)) {
            if (address.isGroup()) {
                try {
                    for (InternetAddress member : address.getGroup(false)) {
                        add(out, member);
                    }
                } catch (AddressException e) {
                    // an unreadable group adds nobody
                }
            } else {
                add(out, address);
            }
        }
        return out;
    }

    private static void add(List<String> out, InternetAddress address) {
        String a = address.getAddress();
        if (a != null && !a.isBlank()) {
            String lower = a.strip().toLowerCase(Locale.ROOT);
            if (!out.contains(lower)) {
                out.add(lower);
            }
        }
    }

    private static InternetAddress[] internetAddresses(MimeMessage message, String header) throws MessagingException {
        String value = message.getHeader(header, ",");
        if (value == null || value.isBlank()) {
            return new InternetAddress[0];
        }
        try {
            return InternetAddress.parseHeader(value, false);
        } catch (AddressException e) {
            return new InternetAddress[0];
        }
    }

    private static String personal(MimeMessage message) throws MessagingException {
        InternetAddress[] from = internetAddresses(message, "From");
        if (from.length == 0 || from[0].getPersonal() == null || from[0].getPersonal().isBlank()) {
            return null;
        }
        return from[0].getPersonal().strip();
    }

    private static Instant sentAt(MimeMessage message, Instant receivedAt) {
        try {
            if (message.getSentDate() != null) {
                return message.getSentDate().toInstant();
            }
        } catch (MessagingException e) {
            // an unreadable Date header: fall back to when it arrived
        }
        return receivedAt != null ? receivedAt : Instant.now();
    }

    /** Collects the bodies and parts of one message, depth first, in the order they appear. */
    private static final class Bodies {
        String plain;
        String html;
        final List<MailPart> parts = new ArrayList<>();

        void walk(Part part, int depth) throws MessagingException, IOException {
            String type = baseType(part);
            if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        walk(child, depth + 1);
                    }
                    return;
                }
            }
            String disposition = disposition(part);
            String filename = filename(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition);
            if (!attachment && filename == null) {
                if (type.equals("text/plain")) {
                    String text = text(part);
                    plain = plain == null ? text : plain + "\n\n" + text;
                    return;
                }
                if (type.equals("text/html") && html == null) {
                    html = text(part);
                    return;
                }
            }
            String contentId = contentId(part);
            boolean inline = !attachment && (Part.INLINE.equalsIgnoreCase(disposition) || contentId != null);
            String name = filename != null ? filename
                    : "part-" + (parts.size() + 1) + EXTENSIONS.getOrDefault(type, ".bin");
            parts.add(new MailPart(name, type, bytes(part), contentId, inline));
        }

        private static String baseType(Part part) throws MessagingException {
            String raw = part.getContentType();
            if (raw == null) {
                return "text/plain";
            }
            try {
                return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
            } catch (ParseException e) {
                int semi = raw.indexOf(';');
                return (semi < 0 ? raw : raw.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            }
        }

        private static String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static String filename(Part part) {
            String name;
            try {
                name = part.getFileName();
            } catch (MessagingException e) {
                return null;
            }
            if (name == null || name.isBlank()) {
                return null;
            }
            if (name.contains("=?")) {
                try {
                    name = MimeUtility.decodeText(name);
                } catch (UnsupportedEncodingException e) {
                    // keep the encoded form: still a usable name
                }
            }
            // a name is only a label: never a path
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
            return name.isEmpty() ? null : name;
        }

        private static String contentId(Part part) throws MessagingException {
            if (!(part instanceof MimePart mime) || mime.getContentID() == null) {
                return null;
            }
            String id = mime.getContentID().strip();
            if (id.startsWith("<") && id.endsWith(">")) {
                id = id.substring(1, id.length() - 1).strip();
            }
            return id.isEmpty() ? null : id;
        }

        private static String text(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String s) {
                    return s;
                }
            } catch (UnsupportedEncodingException e) {
                // an unknown charset: read the bytes as UTF-8 below
            }
            return new String(bytes(part), charset(part));
        }

        private static Charset charset(Part part) {
            try {
                String name = new ContentType(part.getContentType()).getParameter("charset");
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name));
            } catch (MessagingException | RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }

        private static byte[] bytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }
}
