package dev.switchboard.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Knowledge articles, the canned responses' words and queues, call scripts per queue or campaign,
 * and which articles helped on which ticket.
 */
public final class KnowledgeStore {
    private final Jdbc jdbc;

    public KnowledgeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An article as stored; {@code queueId} null when it is for any queue. */
    public record Article(long id, String title, String body, List<String> keywords, Long queueId, String queueName,
                          Instant updatedAt) {
    }

    /** A canned response with the words and queue it is found by; {@code channels} comma-separated, empty for all. */
    public record Canned(long id, String title, String body, String channels, List<String> keywords, Long queueId,
                         String queueName) {
    }

    /** A call script: for one queue or for one campaign. */
    public record Script(long id, String title, String body, Long queueId, Long campaignId, String forName) {
    }

    /** An article an agent said helped with a ticket. */
    public record Helped(long articleId, String title, Long agentId, String agentName, Instant at) {
    }

    /** What an article is made of when written. */
    public record ArticleText(String title, String body, List<String> keywords, Long queueId) {
    }

    public List<Article> articles() {
        return jdbc.query("SELECT a.id, a.title, a.body, a.keywords, a.queue_id, q.name AS queue_name, a.updated_at "
                + "FROM knowledge_article a LEFT JOIN contact_queue q ON q.id = a.queue_id ORDER BY a.title, a.id",
                ps -> { }, KnowledgeStore::article);
    }

    public Optional<Article> article(long id) {
        return jdbc.query("SELECT a.id, a.title, a.body, a.keywords, a.queue_id, q.name AS queue_name, a.updated_at "
                + "FROM knowledge_article a LEFT JOIN contact_queue q ON q.id = a.queue_id WHERE a.id = ?",
                ps -> ps.setLong(1, id), KnowledgeStore::article).stream().findFirst();
    }

    public List<Canned> cannedResponses() {
        return jdbc.query("SELECT c.id, c.title, c.body, c.channels, c.keywords, c.queue_id, q.name AS queue_name "
                + "FROM canned_response c LEFT JOIN contact_queue q ON q.id = c.queue_id ORDER BY c.position, c.id",
                ps -> { }, rs -> new Canned(rs.getLong("id"), rs.getString("title"), text(rs, "body"),
                        rs.getString("channels"), words(rs.getString("keywords")), Jdbc.longOrNull(rs, "queue_id"),
                        rs.getString("queue_name")));
    }

    public long insertArticle(ArticleText a, Long by, Instant now) {
        return jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO knowledge_article (title, body, keywords, queue_id, "
                + "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)", ps -> bindArticle(ps, a, by, now)));
    }

    /** False when there is no such article. */
    public boolean updateArticle(long id, ArticleText a, Long by, Instant now) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE knowledge_article SET title = ?, body = ?, keywords = ?, "
                + "queue_id = ?, updated_at = ?, updated_by = ? WHERE id = ?", ps -> {
                    bindArticle(ps, a, by, now);
                    ps.setLong(7, id);
                }) == 1);
    }

    private static void bindArticle(java.sql.PreparedStatement ps, ArticleText a, Long by, Instant now)
            throws SQLException {
        ps.setString(1, a.title());
        ps.setString(2, a.body());
        ps.setString(3, String.join(",", a.keywords()));
        Jdbc.setLongOrNull(ps, 4, a.queueId());
        Jdbc.setInstant(ps, 5, now);
        Jdbc.setLongOrNull(ps, 6, by);
    }

    public Optional<Script> scriptForQueue(long queueId) {
        return jdbc.query("SELECT s.id, s.title, s.body, s.queue_id, s.campaign_id, q.name AS for_name FROM call_script s "
                + "JOIN contact_queue q ON q.id = s.queue_id WHERE s.queue_id = ?", ps -> ps.setLong(1, queueId),
                KnowledgeStore::script).stream().findFirst();
    }

    public Optional<Script> scriptForCampaign(long campaignId) {
        return jdbc.query("SELECT s.id, s.title, s.body, s.queue_id, s.campaign_id, c.name AS for_name FROM call_script s "
                + "JOIN campaign c ON c.id = s.campaign_id WHERE s.campaign_id = ?", ps -> ps.setLong(1, campaignId),
                KnowledgeStore::script).stream().findFirst();
    }

    /** Every script, those of queues first. */
    public List<Script> scripts() {
        return jdbc.query("SELECT s.id, s.title, s.body, s.queue_id, s.campaign_id, COALESCE(q.name, c.name) AS for_name "
                + "FROM call_script s LEFT JOIN contact_queue q ON q.id = s.queue_id "
                + "LEFT JOIN campaign c ON c.id = s.campaign_id ORDER BY s.campaign_id NULLS FIRST, for_name",
                ps -> { }, KnowledgeStore::script);
    }

    /** Writes the script of a queue or of a campaign (exactly one of them given), replacing any it had. */
    public long saveScript(Long queueId, Long campaignId, String title, String body, Long by, Instant now) {
        String column = queueId != null ? "queue_id" : "campaign_id";
        long owner = queueId != null ? queueId : campaignId;
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE call_script SET title = ?, body = ?, updated_at = ?, updated_by = ? WHERE "
                    + column + " = ?", ps -> {
                        ps.setString(1, title);
                        ps.setString(2, body);
                        Jdbc.setInstant(ps, 3, now);
                        Jdbc.setLongOrNull(ps, 4, by);
                        ps.setLong(5, owner);
                    });
            if (n > 0) {
                return Jdbc.query(c, "SELECT id FROM call_script WHERE " + column + " = ?", ps -> ps.setLong(1, owner),
                        rs -> rs.getLong(1)).get(0);
            }
            return Jdbc.insert(c, "INSERT INTO call_script (title, body, " + column + ", updated_at, updated_by) "
                    + "VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, title);
                        ps.setString(2, body);
                        ps.setLong(3, owner);
                        Jdbc.setInstant(ps, 4, now);
                        Jdbc.setLongOrNull(ps, 5, by);
                    });
        });
    }

    /** The campaign whose dialler placed this contact, if one did. */
    public Optional<Long> campaignOf(long interactionId) {
        return jdbc.query("SELECT campaign_id FROM call_record WHERE interaction_id = ?", ps -> ps.setLong(1, interactionId),
                rs -> rs.getLong(1)).stream().findFirst();
    }

    public boolean queueExists(long queueId) {
        return !jdbc.query("SELECT 1 FROM contact_queue WHERE id = ?", ps -> ps.setLong(1, queueId), rs -> 1).isEmpty();
    }

    public boolean campaignExists(long campaignId) {
        return !jdbc.query("SELECT 1 FROM campaign WHERE id = ?", ps -> ps.setLong(1, campaignId), rs -> 1).isEmpty();
    }

    /**
     * Records that the article helped with the ticket, with a line in the ticket's history, in one
     * transaction. False when it was recorded already (nothing is written then).
     */
    public boolean recordHelped(long ticketId, long articleId, String articleTitle, Long agentId, String agentName,
                                Instant now) {
        return jdbc.inTransaction(c -> {
            if (helpedAlready(c, ticketId, articleId)) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO ticket_article (ticket_id, article_id, agent_id, recorded_at) VALUES (?, ?, ?, ?)",
                    ps -> {
                        ps.setLong(1, ticketId);
                        ps.setLong(2, articleId);
                        Jdbc.setLongOrNull(ps, 3, agentId);
                        Jdbc.setInstant(ps, 4, now);
                    });
            TicketStore.history(c, ticketId, now, agentId, agentName, "Article helped: " + articleTitle);
            return true;
        });
    }

    private static boolean helpedAlready(Connection c, long ticketId, long articleId) throws SQLException {
        return !Jdbc.query(c, "SELECT 1 FROM ticket_article WHERE ticket_id = ? AND article_id = ?", ps -> {
            ps.setLong(1, ticketId);
            ps.setLong(2, articleId);
        }, rs -> 1).isEmpty();
    }

    /** The articles that helped with the ticket, in the order they were recorded. */
    public List<Helped> helpedOn(long ticketId) {
        return jdbc.query("SELECT t.article_id, a.title, t.agent_id, g.display_name, t.recorded_at FROM ticket_article t "
                + "JOIN knowledge_article a ON a.id = t.article_id LEFT JOIN agent g ON g.id = t.agent_id "
                + "WHERE t.ticket_id = ? ORDER BY t.recorded_at, t.article_id", ps -> ps.setLong(1, ticketId),
                rs -> new Helped(rs.getLong(1), rs.getString(2), Jdbc.longOrNull(rs, "agent_id"), rs.getString(4),
                        Jdbc.instant(rs, "recorded_at")));
    }

    /** How often each article helped over all tickets: article id to count. */
    public java.util.Map<Long, Integer> helpedCounts() {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        for (long[] row : jdbc.query("SELECT article_id, COUNT(*) AS n FROM ticket_article GROUP BY article_id",
                ps -> { }, rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
            out.put(row[0], (int) row[1]);
        }
        return out;
    }

    /**
     * A ticket merge: the articles that helped the duplicate helped the survivor. Runs inside the
     * merge's transaction.
     */
    static int moveHelped(Connection c, long survivorId, long duplicateId) throws SQLException {
        int moved = Jdbc.update(c, "INSERT INTO ticket_article (ticket_id, article_id, agent_id, recorded_at) "
                + "SELECT ?, article_id, agent_id, recorded_at FROM ticket_article d WHERE d.ticket_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM ticket_article s WHERE s.ticket_id = ? AND s.article_id = d.article_id)", ps -> {
                    ps.setLong(1, survivorId);
                    ps.setLong(2, duplicateId);
                    ps.setLong(3, survivorId);
                });
        Jdbc.update(c, "DELETE FROM ticket_article WHERE ticket_id = ?", ps -> ps.setLong(1, duplicateId));
        return moved;
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("title"), text(rs, "body"), words(rs.getString("keywords")),
                Jdbc.longOrNull(rs, "queue_id"), rs.getString("queue_name"), Jdbc.instant(rs, "updated_at"));
    }

    private static Script script(ResultSet rs) throws SQLException {
        return new Script(rs.getLong("id"), rs.getString("title"), text(rs, "body"), Jdbc.longOrNull(rs, "queue_id"),
                Jdbc.longOrNull(rs, "campaign_id"), rs.getString("for_name"));
    }

    /** Seeded texts write a line break as {@code \n}: read as one. */
    private static String text(ResultSet rs, String column) throws SQLException {
        return rs.getString(column).replace("\\n", "\n");
    }

    private static List<String> words(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
    }
}
