package dev.switchboard.server;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Conversation;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.MessageStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail arriving in the support mailboxes. A mail that answers an earlier one (by its
 * In-Reply-To or References headers, or by the ticket tag {@code [T-12]} (or {@code [#12]}) in its subject, so a reply
 * written in another mail client still finds its thread) joins that thread: the conversation still
 * open, or a new contact on the same ticket. Any other mail is a new contact. A mail seen before (the
 * same Message-ID) changes nothing.
 */
public final class EmailInbox {
    private static final Pattern TAG = Pattern.compile("\\[(?:T-|#)(\\d{1,18})]");

    /** A mail as the mailbox read it: addresses lower-case, HTML already made safe. */
    public record Incoming(String mailbox, String messageId, String inReplyTo, List<String> references,
                           String fromAddress, String fromName, List<String> replyTo, List<String> to,
                           List<String> cc, String subject, String text, String html,
                           List<Message.Attachment> parts) {
    }

    private final ConversationService conversations;
    private final ContactService contacts;
    private final MessageStore messages;
    private final InteractionStore interactions;
    private final TicketStore tickets;
    private final CustomerStore customers;
    private final Clock clock;

    public EmailInbox(ConversationService conversations, ContactService contacts, MessageStore messages,
                      InteractionStore interactions, TicketStore tickets, CustomerStore customers, Clock clock) {
        this.customers = customers;
        this.conversations = conversations;
        this.contacts = contacts;
        this.messages = messages;
        this.interactions = interactions;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The subject tag of a ticket. */
    public static String tag(long ticketId) {
        return "[T-" + ticketId + "]";
    }

    /**
     * Takes in one mail; returns the interaction it landed on. Safe to call again for the same mail,
     * and for our own answers read back from a mailbox copied on them (they are known by their id).
     */
    public synchronized long receive(Incoming raw) {
        Incoming mail = fit(raw);
        List<Message> seen = messages.byExternalId(mail.messageId());
        if (!seen.isEmpty()) {
            return seen.get(0).interactionId();
        }
        String subject = cut(mail.subject() == null ? "" : mail.subject().strip(), 300);
        String text = cut(mail.text() == null ? "" : mail.text(), ContactService.MAX_BODY);
        String replyAddress = mail.replyTo().isEmpty() ? mail.fromAddress() : mail.replyTo().get(0);
        Optional<Interaction> earlier = thread(mail);
        Optional<Long> ticket = earlier.flatMap(i -> {
            List<Long> ids = tickets.ticketsOf(i.id());
            return ids.isEmpty() ? Optional.<Long>empty() : Optional.of(ids.get(ids.size() - 1));
        }).or(() -> taggedTicket(subject, mail.fromAddress()));
        Optional<Interaction> open = earlier.filter(Replies::isOpen)
                .or(() -> ticket.flatMap(this::openEmailOf));
        long interactionId;
        if (open.isPresent()) {
            interactionId = open.get().id();
        } else {
            interactionId = contacts.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, mail.fromAddress(),
                    subject.isEmpty() ? "(no subject)" : subject, text), null, stored -> {
                        messages.insertConversation(new Conversation(stored.id(), Conversation.EMAIL,
                                replyAddress, mail.mailbox(), mail.fromName(), mail.fromAddress(), ""));
                        if (ticket.isPresent()) {
                            tickets.link(ticket.get(), stored.id());
                        } else {
                            conversations.ticketFor(stored);
                        }
                    }).interaction().id();
        }
        conversations.add(new Message(0, interactionId, MessageDirection.INBOUND,
                mail.fromName() == null || mail.fromName().isBlank() ? mail.fromAddress() : mail.fromName(), null,
                subject, text, mail.html(), mail.to(), mail.cc(), mail.messageId(), mail.inReplyTo(),
                MessageStatus.RECEIVED, "", null, clock.instant(), mail.parts()));
        return interactionId;
    }

    /** The interaction of the newest message this mail answers or refers to. */
    private Optional<Interaction> thread(Incoming mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        List<String> refs = new ArrayList<>(mail.references());
        java.util.Collections.reverse(refs);
        ids.addAll(refs);
        for (String id : ids) {
            List<Message> found = messages.byExternalId(id);
            if (!found.isEmpty()) {
                return interactions.find(found.get(found.size() - 1).interactionId());
            }
        }
        return Optional.empty();
    }

    /**
     * The ticket named by a tag in the subject, when the sender is that ticket's customer (tickets are
     * numbered in order: a stranger's tag must not put their mail on someone else's ticket).
     */
    private Optional<Long> taggedTicket(String subject, String from) {
        Matcher m = TAG.matcher(subject);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            boolean theirs = tickets.find(id).flatMap(t -> customers.find(t.customerId()))
                    .map(c -> c.contactPoints().stream().anyMatch(p -> p.kind() == ContactKind.EMAIL
                            && p.value().equalsIgnoreCase(from)))
                    .orElse(false);
            if (theirs) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * The mail cut to what the store holds, so that storing it cannot fail half way (a mail that
     * failed after its contact was queued would be read again and queued again): over-long ids are
     * replaced by a digest of themselves, names and addresses cut, an HTML body too large to keep
     * dropped (its text stays), attachment names shortened keeping their extension.
     */
    static Incoming fit(Incoming m) {
        List<Message.Attachment> parts = m.parts().stream().map(a -> new Message.Attachment(a.id(),
                shortName(a.filename()), a.contentType() == null || a.contentType().length() > 200
                ? "application/octet-stream" : a.contentType(), a.size(),
                a.contentId() == null || a.contentId().length() > 400 ? null : a.contentId(), a.inline(), a.data()))
                .toList();
        return new Incoming(cut(m.mailbox(), 320), id(m.messageId()), m.inReplyTo() == null ? null : id(m.inReplyTo()),
                m.references().stream().map(EmailInbox::id).toList(), cut(m.fromAddress(), 320),
                m.fromName() == null ? null : cut(m.fromName(), 200), addresses(m.replyTo()), addresses(m.to()),
                addresses(m.cc()), m.subject(), m.text(),
                m.html() != null && m.html().length() > MAX_HTML ? null : m.html(), parts);
    }

    private static final int MAX_HTML = 1_000_000;
    private static final int MAX_ADDRESSES = 3_900;

    /** A Message-ID as stored: itself, or a digest of it when it is longer than the column. */
    static String id(String messageId) {
        if (messageId.length() <= 400) {
            return messageId;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest) + "@long-id.invalid";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** As many of the addresses as fit the column, in order. */
    private static List<String> addresses(List<String> all) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String a : all) {
            if (a.length() <= 320 && length + a.length() + 1 <= MAX_ADDRESSES) {
                kept.add(a);
                length += a.length() + 1;
            }
        }
        return kept;
    }

    private static String shortName(String name) {
        if (name.length() <= 200) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, 200 - ext.length()) + ext;
    }

    /** The ticket's e-mail contact still being worked, if any. */
    private Optional<Interaction> openEmailOf(long ticketId) {
        return tickets.find(ticketId).flatMap(t -> t.interactionIds().stream()
                .sorted(java.util.Comparator.reverseOrder())
                .map(interactions::find).flatMap(Optional::stream)
                .filter(i -> i.channel() == Channel.EMAIL && Replies.isOpen(i)).findFirst());
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
