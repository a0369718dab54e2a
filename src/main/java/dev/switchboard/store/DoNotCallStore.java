package dev.switchboard.store;

import dev.switchboard.domain.outbound.DncScope;
import dev.switchboard.domain.outbound.DoNotCall;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The do-not-call lists, by E.164 key: the centre's global list and each campaign's own. The dial
 * rules read it just before every decision, so an entry counts from the moment it is committed.
 */
public final class DoNotCallStore implements DoNotCall {
    /** The campaign id written for the global list. */
    static final long GLOBAL = 0;

    private final Jdbc jdbc;

    /** A number to list; {@code campaignId} is ignored for the global scope. */
    public record Add(DncScope scope, long campaignId, String number, String reason) {
    }

    /** A listed number; {@code campaignId} is null on the global list. */
    public record Entry(long id, DncScope scope, Long campaignId, String number, String reason, Long addedBy,
                        Instant addedAt) {
    }

    public DoNotCallStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Lists every number in one transaction; the answer is how many were not listed already. */
    public int add(List<Add> adds, Long addedBy, Instant at) {
        return jdbc.inTransaction(c -> {
            int added = 0;
            for (Add a : adds) {
                added += insertIfAbsent(c, a, addedBy, at) ? 1 : 0;
            }
            return added;
        });
    }

    /** Inside a caller's transaction: lists the number unless it is listed in that scope already. */
    static boolean insertIfAbsent(Connection c, Add a, Long addedBy, Instant at) throws SQLException {
        long campaign = a.scope() == DncScope.GLOBAL ? GLOBAL : a.campaignId();
        boolean listed = !Jdbc.query(c, "SELECT id FROM dnc_entry WHERE scope = ? AND campaign_id = ? AND number = ?",
                ps -> {
                    ps.setString(1, a.scope().name());
                    ps.setLong(2, campaign);
                    ps.setString(3, a.number());
                }, rs -> rs.getLong(1)).isEmpty();
        if (listed) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO dnc_entry (scope, campaign_id, number, reason, added_by, added_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, a.scope().name());
                    ps.setLong(2, campaign);
                    ps.setString(3, a.number());
                    ps.setString(4, a.reason() == null ? "" : a.reason());
                    Jdbc.setLongOrNull(ps, 5, addedBy);
                    Jdbc.setInstant(ps, 6, at);
                });
        return true;
    }

    /** The newest entries first; {@code scope} null for both lists, {@code campaignId} null for every campaign. */
    public List<Entry> list(DncScope scope, Long campaignId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, scope, campaign_id, number, reason, added_by, added_at "
                + "FROM dnc_entry WHERE 1 = 1");
        if (scope != null) {
            sql.append(" AND scope = ?");
        }
        if (campaignId != null) {
            sql.append(" AND campaign_id = ?");
        }
        sql.append(" ORDER BY added_at DESC, id DESC FETCH FIRST ? ROWS ONLY");
        return jdbc.query(sql.toString(), ps -> {
            int i = 1;
            if (scope != null) {
                ps.setString(i++, scope.name());
            }
            if (campaignId != null) {
                ps.setLong(i++, campaignId);
            }
            ps.setInt(i, limit);
        }, rs -> {
            DncScope s = DncScope.valueOf(rs.getString("scope"));
            return new Entry(rs.getLong("id"), s, s == DncScope.GLOBAL ? null : rs.getLong("campaign_id"),
                    rs.getString("number"), rs.getString("reason"), Jdbc.longOrNull(rs, "added_by"),
                    Jdbc.instant(rs, "added_at"));
        });
    }

    @Override
    public boolean onGlobalList(String e164) {
        return listed(DncScope.GLOBAL, GLOBAL, e164);
    }

    @Override
    public boolean onCampaignList(String campaignId, String e164) {
        long id;
        try {
            id = Long.parseLong(campaignId);
        } catch (NumberFormatException e) {
            return false;   // no stored campaign has such an id, so no stored list either
        }
        return listed(DncScope.CAMPAIGN, id, e164);
    }

    private boolean listed(DncScope scope, long campaignId, String e164) {
        return jdbc.queryOne("SELECT id FROM dnc_entry WHERE scope = ? AND campaign_id = ? AND number = ?", ps -> {
            ps.setString(1, scope.name());
            ps.setLong(2, campaignId);
            ps.setString(3, e164);
        }, rs -> rs.getLong(1)).isPresent();
    }
}
