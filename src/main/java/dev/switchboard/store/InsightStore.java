package dev.switchboard.store;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;
import dev.switchboard.domain.value.CaseFact;
import dev.switchboard.domain.value.Purchase;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * The facts a customer's value and churn signals are worked out from (purchases, contact times,
 * tickets), and their contact permissions.
 */
public final class InsightStore {
    /** At most this many of a customer's latest contacts are read: enough for their rhythm. */
    static final int CONTACTS = 200;

    private final Jdbc jdbc;

    public InsightStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public List<Purchase> purchases(long customerId) {
        return jdbc.query("SELECT at, amount FROM customer_purchase WHERE customer_id = ? ORDER BY at",
                ps -> ps.setLong(1, customerId), rs -> new Purchase(Jdbc.instant(rs, "at"), rs.getBigDecimal("amount")));
    }

    public void addPurchase(long customerId, Instant at, java.math.BigDecimal amount) {
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO customer_purchase (customer_id, at, amount) VALUES (?, ?, ?)",
                ps -> {
                    ps.setLong(1, customerId);
                    Jdbc.setInstant(ps, 2, at);
                    ps.setBigDecimal(3, amount);
                }));
    }

    /** When the customer's latest contacts (any channel, either direction) were made. */
    public List<Instant> contactTimes(long customerId) {
        return jdbc.query("SELECT created_at FROM interaction WHERE customer_id = ? ORDER BY created_at DESC, id DESC "
                + "FETCH FIRST " + CONTACTS + " ROWS ONLY", ps -> ps.setLong(1, customerId),
                rs -> Jdbc.instant(rs, "created_at"));
    }

    /** The customer's tickets (not the ones merged away): opened, closed (null while open), complaint or not. */
    public List<CaseFact> cases(long customerId) {
        return jdbc.query("SELECT created_at, status, resolved_at, updated_at, kind FROM ticket WHERE customer_id = ? "
                + "AND merged_into IS NULL", ps -> ps.setLong(1, customerId), rs -> {
                    Instant opened = Jdbc.instant(rs, "created_at");
                    boolean open = "OPEN".equals(rs.getString("status")) || "PENDING".equals(rs.getString("status"));
                    Instant resolved = Jdbc.instant(rs, "resolved_at");
                    Instant closed = open ? null : resolved != null ? resolved : Jdbc.instant(rs, "updated_at");
                    return new CaseFact(opened, closed != null && closed.isBefore(opened) ? opened : closed,
                            "COMPLAINT".equals(rs.getString("kind")));
                });
    }

    public record PermissionRow(Channel channel, ContactPurpose purpose, boolean allowed, Instant updatedAt) {
    }

    public List<PermissionRow> permissions(long customerId) {
        return jdbc.query("SELECT channel, purpose, allowed, updated_at FROM contact_permission WHERE customer_id = ?",
                ps -> ps.setLong(1, customerId), rs -> new PermissionRow(Channel.valueOf(rs.getString(1)),
                        ContactPurpose.valueOf(rs.getString(2)), rs.getBoolean(3), Jdbc.instant(rs, "updated_at")));
    }

    public void setPermission(long customerId, Channel channel, ContactPurpose purpose, boolean allowed, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM contact_permission WHERE customer_id = ? AND channel = ? AND purpose = ?", ps -> {
                ps.setLong(1, customerId);
                ps.setString(2, channel.name());
                ps.setString(3, purpose.name());
            });
            return Jdbc.update(c, "INSERT INTO contact_permission (customer_id, channel, purpose, allowed, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, customerId);
                        ps.setString(2, channel.name());
                        ps.setString(3, purpose.name());
                        ps.setBoolean(4, allowed);
                        Jdbc.setInstant(ps, 5, now);
                    });
        });
    }

    /** Whether the customer said no to contact on the channel for the purpose (never asked is not a no). */
    public boolean refused(long customerId, Channel channel, ContactPurpose purpose) {
        return jdbc.query("SELECT allowed FROM contact_permission WHERE customer_id = ? AND channel = ? AND purpose = ?",
                ps -> {
                    ps.setLong(1, customerId);
                    ps.setString(2, channel.name());
                    ps.setString(3, purpose.name());
                }, rs -> rs.getBoolean(1)).contains(false);
    }

    /** Whether the customer may be contacted on the channel for the purpose (the purpose's default when not asked). */
    public boolean allowed(long customerId, Channel channel, ContactPurpose purpose) {
        List<Boolean> found = jdbc.query("SELECT allowed FROM contact_permission WHERE customer_id = ? AND channel = ? "
                + "AND purpose = ?", ps -> {
                    ps.setLong(1, customerId);
                    ps.setString(2, channel.name());
                    ps.setString(3, purpose.name());
                }, rs -> rs.getBoolean(1));
        return found.isEmpty() ? purpose.allowedUnlessAsked() : found.get(0);
    }
}
