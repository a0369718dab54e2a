package dev.switchboard.store;

import dev.switchboard.domain.Conversation;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lines of text conversations, their attachments, each conversation's channel details, canned responses. */
public final class MessageStore {
    private static final String COLUMNS = "id, interaction_id, direction, author, agent_id, subject, body_text, "
            + "body_html, to_addresses, cc_addresses, external_id, in_reply_to, status, status_detail, client_key, "
            + "created_at";
    private static final String ATTACHMENT_COLUMNS = "id, message_id, filename, content_type, size_bytes, "
            + "content_id, inline_part";

    private final Jdbc jdbc;

    public MessageStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores a line with its attachments (their {@code data} filled) in one transaction. */
    public Message insert(Message m) {
        long id = jdbc.inTransaction(c -> {
            long messageId = Jdbc.insert(c, "INSERT INTO message (interaction_id, direction, author, agent_id, "
                    + "subject, body_text, body_html, to_addresses, cc_addresses, external_id, in_reply_to, status, "
                    + "status_detail, client_key, created_at, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setLong(1, m.interactionId());
                        ps.setString(2, m.direction().name());
                        ps.setString(3, m.author());
                        Jdbc.setLongOrNull(ps, 4, m.agentId());
                        ps.setString(5, m.subject());
                        ps.setString(6, m.text());
                        ps.setString(7, m.html());
                        ps.setString(8, String.join(",", m.to()));
                        ps.setString(9, String.join(",", m.cc()));
                        ps.setString(10, m.externalId());
                        ps.setString(11, m.inReplyTo());
                        ps.setString(12, m.status().name());
                        ps.setString(13, m.statusDetail());
                        ps.setString(14, m.clientKey());
                        Jdbc.setInstant(ps, 15, m.createdAt());
                        Jdbc.setInstant(ps, 16, m.createdAt());
                    });
            for (Message.Attachment a : m.attachments()) {
                Jdbc.insert(c, "INSERT INTO attachment (message_id, filename, content_type, size_bytes, content_id, "
                        + "inline_part, content) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                            ps.setLong(1, messageId);
                            ps.setString(2, a.filename());
                            ps.setString(3, a.contentType());
                            ps.setLong(4, a.data().length);
                            ps.setString(5, a.contentId());
                            ps.setBoolean(6, a.inline());
                            ps.setBytes(7, a.data());
                        });
            }
            return messageId;
        });
        return find(id).orElseThrow();
    }

    public Optional<Message> find(long id) {
        return jdbc.read(c -> first(load(c, "SELECT " + COLUMNS + " FROM message WHERE id = ?",
                ps -> ps.setLong(1, id))));
    }

    /** The answer an agent already asked for with this key, if any. */
    public Optional<Message> byClientKey(String key) {
        return jdbc.read(c -> first(load(c, "SELECT " + COLUMNS + " FROM message WHERE client_key = ?",
                ps -> ps.setString(1, key))));
    }

    /** Lines with this channel id (an e-mail's Message-ID, a platform's message id), oldest first. */
    public List<Message> byExternalId(String externalId) {
        return jdbc.read(c -> load(c, "SELECT " + COLUMNS + " FROM message WHERE external_id = ? ORDER BY id",
                ps -> ps.setString(1, externalId)));
    }

    /** Every line of these interactions, oldest first. */
    public List<Message> byInteractions(List<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.read(c -> load(c, "SELECT " + COLUMNS + " FROM message WHERE interaction_id IN ("
                + Jdbc.placeholders(interactionIds.size()) + ") ORDER BY created_at, id", ps -> {
                    for (int i = 0; i < interactionIds.size(); i++) {
                        ps.setLong(i + 1, interactionIds.get(i));
                    }
                }));
    }

    public List<Message> byInteraction(long interactionId) {
        return byInteractions(List.of(interactionId));
    }

    /**
     * Moves a line's status forward (never back: reports arrive out of order) and, when given,
     * records the channel's id for it. Returns the line as it is now, empty when it does not exist.
     */
    public Optional<Message> advance(long id, MessageStatus status, String detail, String externalId, Instant at) {
        jdbc.inTransaction(c -> {
            List<Message> found = load(c, "SELECT " + COLUMNS + " FROM message WHERE id = ? FOR UPDATE",
                    ps -> ps.setLong(1, id));
            if (found.isEmpty()) {
                return null;
            }
            Message m = found.get(0);
            boolean forward = status.isAfter(m.status()) || status == MessageStatus.FAILED
                    && m.status() == MessageStatus.SENDING;
            if (forward) {
                Jdbc.update(c, "UPDATE message SET status = ?, status_detail = ?, external_id = COALESCE(?, external_id), "
                        + "status_at = ? WHERE id = ?", ps -> {
                            ps.setString(1, status.name());
                            ps.setString(2, detail == null ? "" : detail);
                            ps.setString(3, externalId);
                            Jdbc.setInstant(ps, 4, at);
                            ps.setLong(5, id);
                        });
            }
            return null;
        });
        return find(id);
    }

    /**
     * An agent's lines on a conversation sent up to {@code until} and not yet read: what a
     * platform's "read up to" watermark covers.
     */
    public List<Message> unreadOutbound(long interactionId, Instant until) {
        return jdbc.read(c -> load(c, "SELECT " + COLUMNS + " FROM message WHERE interaction_id = ? "
                + "AND direction = 'OUTBOUND' AND status IN ('SENT', 'DELIVERED') AND created_at <= ? ORDER BY id",
                ps -> {
                    ps.setLong(1, interactionId);
                    Jdbc.setInstant(ps, 2, until);
                }));
    }

    /** An attachment with its bytes, and the interaction its message belongs to. */
    public record StoredAttachment(long interactionId, Message.Attachment attachment) {
    }

    public Optional<StoredAttachment> attachment(long id) {
        return jdbc.read(c -> first(Jdbc.query(c, "SELECT a.id, a.message_id, a.filename, a.content_type, "
                + "a.size_bytes, a.content_id, a.inline_part, a.content, m.interaction_id FROM attachment a "
                + "JOIN message m ON m.id = a.message_id WHERE a.id = ?", ps -> ps.setLong(1, id),
                rs -> new StoredAttachment(rs.getLong("interaction_id"), attachmentRow(rs, rs.getBytes("content"))))));
    }

    /** The bytes of every attachment of a message (to forward them). */
    public List<Message.Attachment> attachmentsWithData(long messageId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + ATTACHMENT_COLUMNS + ", content FROM attachment "
                + "WHERE message_id = ? ORDER BY id", ps -> ps.setLong(1, messageId),
                rs -> attachmentRow(rs, rs.getBytes("content"))));
    }

    public void insertConversation(Conversation conv) {
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO conversation (interaction_id, platform, remote_id, "
                + "our_address, visitor_name, visitor_email, page) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, conv.interactionId());
                    ps.setString(2, conv.platform());
                    ps.setString(3, conv.remoteId());
                    ps.setString(4, conv.ourAddress());
                    ps.setString(5, conv.visitorName());
                    ps.setString(6, conv.visitorEmail());
                    ps.setString(7, conv.page());
                }));
    }

    public Optional<Conversation> conversation(long interactionId) {
        return jdbc.read(c -> first(Jdbc.query(c, "SELECT interaction_id, platform, remote_id, our_address, "
                + "visitor_name, visitor_email, page FROM conversation WHERE interaction_id = ?",
                ps -> ps.setLong(1, interactionId), MessageStore::conversationRow)));
    }

    /** The newest conversation on a platform with this sender, if any. */
    public Optional<Conversation> latestConversation(String platform, String remoteId) {
        return jdbc.read(c -> first(Jdbc.query(c, "SELECT interaction_id, platform, remote_id, our_address, "
                + "visitor_name, visitor_email, page FROM conversation WHERE platform = ? AND remote_id = ? "
                + "ORDER BY interaction_id DESC", ps -> {
                    ps.setString(1, platform);
                    ps.setString(2, remoteId);
                }, MessageStore::conversationRow)));
    }

    public void updatePage(long interactionId, String page) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE conversation SET page = ? WHERE interaction_id = ?", ps -> {
            ps.setString(1, page);
            ps.setLong(2, interactionId);
        }));
    }

    /** A canned response as stored: {@code channels} is a comma-separated list, empty for all. */
    public record Canned(long id, String title, String body, String channels) {
    }

    public List<Canned> cannedResponses() {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id, title, body, channels FROM canned_response ORDER BY position, id",
                ps -> { }, rs -> new Canned(rs.getLong("id"), rs.getString("title"),
                        rs.getString("body").replace("\\n", "\n"), rs.getString("channels"))));
    }

    private static List<Message> load(Connection c, String sql, Jdbc.Binder binder) throws SQLException {
        List<Message> bare = Jdbc.query(c, sql, binder, MessageStore::row);
        if (bare.isEmpty()) {
            return bare;
        }
        List<Long> ids = bare.stream().map(Message::id).toList();
        Map<Long, List<Message.Attachment>> files = new HashMap<>();
        Jdbc.query(c, "SELECT " + ATTACHMENT_COLUMNS + " FROM attachment WHERE message_id IN ("
                + Jdbc.placeholders(ids.size()) + ") ORDER BY id", ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                }, rs -> files.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                        .add(attachmentRow(rs, null)));
        return bare.stream().map(m -> files.containsKey(m.id()) ? withAttachments(m, files.get(m.id())) : m).toList();
    }

    private static Message withAttachments(Message m, List<Message.Attachment> files) {
        return new Message(m.id(), m.interactionId(), m.direction(), m.author(), m.agentId(), m.subject(), m.text(),
                m.html(), m.to(), m.cc(), m.externalId(), m.inReplyTo(), m.status(), m.statusDetail(), m.clientKey(),
                m.createdAt(), files);
    }

    private static Message row(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("interaction_id"),
                MessageDirection.valueOf(rs.getString("direction")), rs.getString("author"),
                Jdbc.longOrNull(rs, "agent_id"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), split(rs.getString("to_addresses")), split(rs.getString("cc_addresses")),
                rs.getString("external_id"), rs.getString("in_reply_to"), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("status_detail"), rs.getString("client_key"), Jdbc.instant(rs, "created_at"), List.of());
    }

    private static Message.Attachment attachmentRow(ResultSet rs, byte[] data) throws SQLException {
        return new Message.Attachment(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("content_id"), rs.getBoolean("inline_part"), data);
    }

    private static Conversation conversationRow(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("interaction_id"), rs.getString("platform"), rs.getString("remote_id"),
                rs.getString("our_address"), rs.getString("visitor_name"), rs.getString("visitor_email"),
                rs.getString("page"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
