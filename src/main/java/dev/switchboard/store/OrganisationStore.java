package dev.switchboard.store;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the centre is organised: business units and their teams, which unit each customer belongs to,
 * the customers' restricted fields, and the reason codes and dispositions administrators keep.
 */
public final class OrganisationStore {
    private final Jdbc jdbc;

    public OrganisationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public record Unit(long id, String name) {
    }

    public record Team(long id, String name, long unitId) {
    }

    public List<Unit> units() {
        return jdbc.query("SELECT id, name FROM business_unit ORDER BY id", ps -> { },
                rs -> new Unit(rs.getLong(1), rs.getString(2)));
    }

    /** The default unit: the first one, holding everyone without a team and every customer not placed elsewhere. */
    public long defaultUnit() {
        return jdbc.queryOne("SELECT MIN(id) FROM business_unit", ps -> { }, rs -> rs.getLong(1)).orElseThrow();
    }

    public Unit addUnit(String name) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO business_unit (name) VALUES (?)",
                ps -> ps.setString(1, name)));
        return new Unit(id, name);
    }

    public List<Team> teams() {
        return jdbc.query("SELECT id, name, business_unit_id FROM team ORDER BY id", ps -> { },
                rs -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    public Optional<Team> team(long id) {
        return jdbc.queryOne("SELECT id, name, business_unit_id FROM team WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    public Team addTeam(String name, long unitId) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO team (name, business_unit_id) VALUES (?, ?)", ps -> {
            ps.setString(1, name);
            ps.setLong(2, unitId);
        }));
        return new Team(id, name, unitId);
    }

    /** The units of these customers that are not in the default unit (absent: the default). */
    public Map<Long, Long> customerUnits(Collection<Long> customerIds) {
        Map<Long, Long> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        List<Long> ids = List.copyOf(customerIds);
        jdbc.query("SELECT customer_id, business_unit_id FROM customer_unit WHERE customer_id IN ("
                + Jdbc.placeholders(ids.size()) + ")", ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                }, rs -> out.put(rs.getLong(1), rs.getLong(2)));
        return out;
    }

    /** Places a customer in a unit; the default unit is kept as no row. */
    public void placeCustomer(long customerId, long unitId) {
        long defaultUnit = defaultUnit();
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM customer_unit WHERE customer_id = ?", ps -> ps.setLong(1, customerId));
            if (unitId != defaultUnit) {
                Jdbc.update(c, "INSERT INTO customer_unit (customer_id, business_unit_id) VALUES (?, ?)", ps -> {
                    ps.setLong(1, customerId);
                    ps.setLong(2, unitId);
                });
            }
            return null;
        });
    }

    /** Whether any of these people answered a pass of the interaction (its handlers, across transfers). */
    public boolean handledByAny(long interactionId, Collection<Long> agentIds) {
        if (agentIds.isEmpty()) {
            return false;
        }
        List<Long> ids = List.copyOf(agentIds);
        return !jdbc.query("SELECT 1 FROM contact_leg WHERE interaction_id = ? AND agent_id IN ("
                + Jdbc.placeholders(ids.size()) + ") FETCH FIRST 1 ROWS ONLY", ps -> {
                    ps.setLong(1, interactionId);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                }, rs -> 1).isEmpty();
    }

    public Optional<String> billingNote(long customerId) {
        return jdbc.queryOne("SELECT billing_note FROM customer_restricted WHERE customer_id = ?",
                ps -> ps.setLong(1, customerId), rs -> rs.getString(1)).filter(n -> n != null);
    }

    public void setBillingNote(long customerId, String note) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM customer_restricted WHERE customer_id = ?", ps -> ps.setLong(1, customerId));
            if (note != null && !note.isBlank()) {
                Jdbc.update(c, "INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", ps -> {
                    ps.setLong(1, customerId);
                    ps.setString(2, note);
                });
            }
            return null;
        });
    }

    /** Which list of codes: the reasons for not being ready, or the outcomes chosen in wrap-up. */
    public enum CodeList {
        REASON("reason_code"), DISPOSITION("disposition");

        private final String table;

        CodeList(String table) {
            this.table = table;
        }
    }

    /** Adds a code at the end of its list, or relabels one that exists; true when it was new. */
    public boolean putCode(CodeList list, String code, String label) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE " + list.table + " SET label = ? WHERE code = ?", ps -> {
                ps.setString(1, label);
                ps.setString(2, code);
            });
            if (changed == 1) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO " + list.table + " (code, label, position) SELECT ?, ?, COALESCE(MAX(position), 0) + 1 FROM "
                    + list.table, ps -> {
                        ps.setString(1, code);
                        ps.setString(2, label);
                    });
            return true;
        });
    }
}
