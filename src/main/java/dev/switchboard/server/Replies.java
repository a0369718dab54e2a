package dev.switchboard.server;

import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewAttachment;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TranscriptRequest;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Conversation;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.store.MessageStore;
import dev.switchboard.store.StoreException;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agents' answers on the text channels. Each answer carries the desktop's key: the first request
 * with a key sends, every repeat (a double click, a retry after the network dropped) answers with
 * what became of that first one and sends nothing.
 */
public final class Replies {
    static final int MAX_TEXT = 100_000;
    static final int MAX_RECIPIENTS = 20;
    static final int MAX_FILES = 10;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 12L * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+");
    private static final Pattern RE_PREFIX = Pattern.compile("^\\s*((re|fwd?|aw|sv)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    private final ConversationService conversations;
    private final MessageStore messages;
    private final WorkDistributor work;
    private final AddressNormalizer normalizer;
    private final ZoneId zone;
    private final Clock clock;

    public Replies(ConversationService conversations, MessageStore messages, WorkDistributor work,
                   AddressNormalizer normalizer, ZoneId zone, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.work = work;
        this.normalizer = normalizer;
        this.zone = zone;
        this.clock = clock;
    }

    public MessageView send(Session s, long interactionId, SendMessageRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest(null, "a body with clientKey and text is required");
        }
        String key = key(r.clientKey());
        Optional<Message> prior = messages.byClientKey(key);
        if (prior.isPresent()) {
            return repeat(prior.get(), interactionId);
        }
        Interaction i = conversations.interaction(interactionId);
        if (i.channel() == Channel.PHONE) {
            throw ApiProblem.conflict("not_text", "interaction " + interactionId + " is a call: it has no written conversation");
        }
        work.inHand(s.agent(), interactionId);
        String text = r.text() == null ? "" : r.text().strip();
        Requests.maxLength("text", text, MAX_TEXT);
        return switch (i.channel()) {
            case EMAIL -> email(s, i, key, text, r);
            case CHAT -> chat(s, i, key, required(text));
            default -> social(s, i, key, required(text));
        };
    }

    /** The agent started or stopped typing in a chat (ignored for other channels). */
    public void typing(Session s, long interactionId, Boolean typing) {
        if (typing == null) {
            throw ApiProblem.badRequest("typing", "typing (true or false) is required");
        }
        Interaction i = conversations.interaction(interactionId);
        if (i.channel() == Channel.CHAT) {
            work.inHand(s.agent(), interactionId);
            conversations.channels().chatTyping(interactionId, s.agent().displayName(), typing);
        }
    }

    /** E-mails a chat's transcript to the visitor (or to the address given). */
    public MessageView transcript(Session s, long interactionId, TranscriptRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest(null, "a body with clientKey is required");
        }
        String key = key(r.clientKey());
        Optional<Message> prior = messages.byClientKey(key);
        if (prior.isPresent()) {
            return repeat(prior.get(), interactionId);
        }
        Interaction i = conversations.interaction(interactionId);
        if (i.channel() != Channel.CHAT) {
            throw ApiProblem.conflict("not_chat", "only a chat has a transcript to e-mail");
        }
        if (!s.isSupervisor() && !Long.valueOf(s.agentId()).equals(i.agentId())) {
            throw ApiProblem.conflict("not_yours", "interaction " + interactionId + " is not with you");
        }
        Conversation conv = messages.conversation(interactionId).orElseThrow(() ->
                ApiProblem.conflict("no_conversation", "this chat has no stored conversation"));
        String raw = r.to() != null && !r.to().isBlank() ? r.to() : conv.visitorEmail();
        if (raw.isBlank()) {
            throw ApiProblem.badRequest("to", "the visitor gave no e-mail address: give one to send the transcript to");
        }
        String to = address("to", raw);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        StringBuilder body = new StringBuilder("Your chat with us on ")
                .append(DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(zone).format(i.createdAt()))
                .append("\n\n");
        for (Message m : messages.byInteraction(interactionId)) {
            if (m.direction() == MessageDirection.SYSTEM) {
                continue;
            }
            String who = m.direction() == MessageDirection.INBOUND ? (conv.visitorName().isBlank() ? "You" : conv.visitorName())
                    : m.author();
            body.append('[').append(time.format(m.createdAt())).append("] ").append(who).append(": ")
                    .append(m.text()).append('\n');
        }
        String from = conversations.channels().defaultMailbox();
        Optional<Message> stored = insertFirst(new Message(0, interactionId, MessageDirection.SYSTEM, s.agent().displayName(),
                s.agentId(), "Your chat transcript", "Transcript e-mailed to " + to, null, List.of(to), List.of(),
                null, null, MessageStatus.SENDING, "", key, clock.instant(), null));
        if (stored.isEmpty()) {
            return repeatOf(key, interactionId);
        }
        Message note = stored.get();
        try {
            conversations.channels().sendEmail(new ReplyChannels.OutgoingEmail(from, "Customer support", List.of(to),
                    List.of(), "Your chat transcript", body.toString(), conversations.channels().messageId(key, from),
                    null, List.of(), List.of()));
            return ConversationService.view(conversations.advance(note.id(), MessageStatus.SENT, "", null).orElse(note));
        } catch (ReplyChannels.SendRefused e) {
            conversations.advance(note.id(), MessageStatus.FAILED, e.getMessage(), null);
            throw refused(e.getMessage());
        }
    }

    private MessageView email(Session s, Interaction i, String key, String text, SendMessageRequest r) {
        ReplyChannels channels = conversations.channels();
        Conversation conv = messages.conversation(i.id()).orElseGet(() ->
                new Conversation(i.id(), Conversation.EMAIL, i.address(), channels.defaultMailbox(), "", "", ""));
        List<Message> thread = messages.byInteraction(i.id());
        Message last = null;
        for (Message m : thread) {
            if (m.direction() == MessageDirection.INBOUND) {
                last = m;
            }
        }
        ReplyMode mode = r.mode() == null ? ReplyMode.REPLY : r.mode();
        String ours = conv.ourAddress().isBlank() ? channels.defaultMailbox() : conv.ourAddress();
        List<String> to;
        List<String> cc;
        if (mode == ReplyMode.FORWARD) {
            if (r.to() == null || r.to().isEmpty()) {
                throw ApiProblem.badRequest("to", "say who to forward the e-mail to");
            }
            to = addresses("to", r.to());
            cc = addresses("cc", r.cc());
        } else {
            to = r.to() != null && !r.to().isEmpty() ? addresses("to", r.to()) : List.of(conv.remoteId());
            if (r.cc() != null) {
                cc = addresses("cc", r.cc());
            } else if (mode == ReplyMode.REPLY_ALL && last != null) {
                Set<String> all = new LinkedHashSet<>(last.to());
                all.addAll(last.cc());
                all.remove(ours.toLowerCase());
                all.removeAll(to);
                cc = List.copyOf(all);
            } else {
                cc = List.of();
            }
        }
        if (to.size() + cc.size() > MAX_RECIPIENTS) {
            throw ApiProblem.badRequest("to", "at most " + MAX_RECIPIENTS + " recipients");
        }
        List<Message.Attachment> files = new ArrayList<>(attachments(r.attachments()));
        if (mode == ReplyMode.FORWARD && last != null) {
            messages.attachmentsWithData(last.id()).stream().filter(a -> !a.inline()).forEach(files::add);
        }
        if (text.isEmpty() && files.isEmpty()) {
            throw ApiProblem.badRequest("text", "write something (or attach a file) before sending");
        }
        // room for the ticket tag; checked before the ticket is made, so a refusal writes nothing
        Requests.maxLength("subject", r.subject() == null ? null : r.subject().strip(), 280);
        Optional<Long> ticket = conversations.ticketFor(i);
        String subject = subject(r.subject(), last != null ? last.subject() : i.subject(), mode, ticket);
        String messageId = channels.messageId(key, ours);
        List<String> references = new ArrayList<>();
        String inReplyTo = null;
        if (mode != ReplyMode.FORWARD) {
            for (Message m : thread) {
                if (m.externalId() != null && m.direction() != MessageDirection.SYSTEM && !references.contains(m.externalId())) {
                    references.add(m.externalId());
                }
            }
            inReplyTo = last != null ? last.externalId() : null;
        }
        Optional<Message> stored = insertFirst(new Message(0, i.id(), MessageDirection.OUTBOUND, s.agent().displayName(),
                s.agentId(), subject, text, null, to, cc, messageId, inReplyTo, MessageStatus.SENDING, "", key,
                clock.instant(), files));
        if (stored.isEmpty()) {
            return repeatOf(key, i.id());
        }
        Message pending = stored.get();
        try {
            channels.sendEmail(new ReplyChannels.OutgoingEmail(ours, s.agent().displayName(), to, cc, subject, text,
                    messageId, inReplyTo, references, files));
        } catch (ReplyChannels.SendRefused e) {
            conversations.advance(pending.id(), MessageStatus.FAILED, e.getMessage(), null);
            throw refused(e.getMessage());
        }
        conversations.answered(i.id());
        return ConversationService.view(conversations.advance(pending.id(), MessageStatus.SENT, "", null).orElse(pending));
    }

    private MessageView chat(Session s, Interaction i, String key, String text) {
        Requests.maxLength("text", text, 4000);
        Optional<Message> stored = insertFirst(new Message(0, i.id(), MessageDirection.OUTBOUND, s.agent().displayName(),
                s.agentId(), "", text, null, null, null, null, null, MessageStatus.SENDING, "", key, clock.instant(), null));
        if (stored.isEmpty()) {
            return repeatOf(key, i.id());
        }
        Message pending = stored.get();
        boolean delivered = conversations.channels().chatLine(i.id(), "a" + pending.id(), s.agent().displayName(),
                text, pending.createdAt());
        conversations.answered(i.id());
        return ConversationService.view(conversations.advance(pending.id(), MessageStatus.SENT,
                delivered ? "" : "The visitor is away; they see it when they come back", null).orElse(pending));
    }

    private MessageView social(Session s, Interaction i, String key, String text) {
        Conversation conv = messages.conversation(i.id()).orElseThrow(() -> ApiProblem.conflict("no_conversation",
                "this contact did not come from a social platform we can answer on"));
        Optional<Message> stored = insertFirst(new Message(0, i.id(), MessageDirection.OUTBOUND, s.agent().displayName(),
                s.agentId(), "", text, null, null, null, null, null, MessageStatus.SENDING, "", key, clock.instant(), null));
        if (stored.isEmpty()) {
            return repeatOf(key, i.id());
        }
        Message pending = stored.get();
        String id;
        try {
            id = conversations.channels().sendSocial(conv.platform(), conv.remoteId(), text);
        } catch (ReplyChannels.SendRefused e) {
            conversations.advance(pending.id(), MessageStatus.FAILED, e.getMessage(), null);
            throw refused(e.getMessage());
        } catch (IllegalArgumentException e) {
            conversations.advance(pending.id(), MessageStatus.FAILED, e.getMessage(), null);
            throw ApiProblem.badRequest("text", e.getMessage());
        }
        conversations.answered(i.id());
        return ConversationService.view(conversations.advance(pending.id(), MessageStatus.SENT, "", id).orElse(pending));
    }

    /**
     * Stores an answer under its key, to be sent by this request; empty when a concurrent request
     * with the same key stored it first (that one sends it, this one only reports on it).
     */
    private Optional<Message> insertFirst(Message m) {
        try {
            return Optional.of(conversations.add(m));
        } catch (StoreException e) {
            if (messages.byClientKey(m.clientKey()).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What became of the request that stored this key first. */
    private MessageView repeatOf(String key, long interactionId) {
        return repeat(messages.byClientKey(key).orElseThrow(), interactionId);
    }

    /** A repeated key: what became of the first request, and the same error if it failed. */
    private static MessageView repeat(Message prior, long interactionId) {
        if (prior.interactionId() != interactionId) {
            throw ApiProblem.conflict("key_used", "clientKey was already used for another conversation");
        }
        if (prior.status() == MessageStatus.FAILED) {
            throw refused(prior.statusDetail());
        }
        return ConversationService.view(prior);
    }

    private static ApiProblem refused(String detail) {
        return new ApiProblem(502, "send_failed", detail, null);
    }

    private static String key(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("clientKey", "clientKey is required: one per answer, the same on every retry");
        }
        if (!KEY.matcher(raw).matches()) {
            throw ApiProblem.badRequest("clientKey", "clientKey must be 8 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        return raw;
    }

    private static String required(String text) {
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("text", "write something before sending");
        }
        return text;
    }

    private List<String> addresses(String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_RECIPIENTS) {
            throw ApiProblem.badRequest(field, "at most " + MAX_RECIPIENTS + " recipients");
        }
        return raw.stream().map(a -> address(field, a)).distinct().toList();
    }

    private String address(String field, String raw) {
        if (raw == null) {
            throw ApiProblem.badRequest(field, "an address is empty");
        }
        Requests.maxLength(field, raw, 320);
        return normalizer.normalize(ContactKind.EMAIL, raw).orElseThrow(() ->
                ApiProblem.badRequest(field, "\"" + raw.strip() + "\" is not an e-mail address"));
    }

    private static List<Message.Attachment> attachments(List<NewAttachment> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (files.size() > MAX_FILES) {
            throw ApiProblem.badRequest("attachments", "at most " + MAX_FILES + " attachments");
        }
        List<Message.Attachment> out = new ArrayList<>();
        long total = 0;
        for (NewAttachment f : files) {
            if (f == null || f.filename() == null || f.filename().isBlank() || f.data() == null) {
                throw ApiProblem.badRequest("attachments", "each attachment needs a filename and data");
            }
            String name = f.filename().replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
            Requests.maxLength("attachments", name, 200);
            String type = f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream"
                    : f.contentType().strip();
            if (!CONTENT_TYPE.matcher(type).matches()) {
                throw ApiProblem.badRequest("attachments", "\"" + type + "\" is not a content type");
            }
            byte[] data;
            try {
                data = Base64.getDecoder().decode(f.data());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("attachments", name + ": data is not base64");
            }
            if (data.length > MAX_FILE_BYTES) {
                throw ApiProblem.badRequest("attachments", name + " is larger than 10 MB");
            }
            total += data.length;
            if (total > MAX_TOTAL_BYTES) {
                throw ApiProblem.badRequest("attachments", "attachments add up to more than 12 MB");
            }
            out.add(new Message.Attachment(0, name, type, data.length, null, false, data));
        }
        return out;
    }

    /** "Re: subject [T-12]": the customer's subject without its prefixes, and the ticket tag once. */
    static String subject(String given, String original, ReplyMode mode, Optional<Long> ticket) {
        String subject;
        if (given != null && !given.isBlank()) {
            subject = given.strip();
        } else {
            String base = RE_PREFIX.matcher(original == null ? "" : original).replaceFirst("").strip();
            subject = (mode == ReplyMode.FORWARD ? "Fwd: " : "Re: ") + (base.isEmpty() ? "Your message" : base);
        }
        if (ticket.isPresent() && !subject.contains(EmailInbox.tag(ticket.get()))) {
            subject = subject + " " + EmailInbox.tag(ticket.get());
        }
        Requests.maxLength("subject", subject, 300);
        return subject;
    }

    static boolean isOpen(Interaction i) {
        return i.state() == InteractionState.QUEUED || i.state() == InteractionState.OFFERED
                || i.state() == InteractionState.ACTIVE || i.state() == InteractionState.WRAP_UP;
    }
}
