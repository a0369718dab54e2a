package dev.switchboard.store;

import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Role;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agents and supervisors who sign in, with their password hashes. */
public final class AgentStore {
    private final Jdbc jdbc;

    public AgentStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An agent with the hash their password is checked against. */
    public record Credentials(Agent agent, String passwordHash) {
    }

    public Agent insert(String username, String displayName, Role role, String passwordHash, boolean simulated) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO agent (username, display_name, role, "
                + "password_hash, simulated) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, username);
                    ps.setString(2, displayName);
                    ps.setString(3, role.name());
                    ps.setString(4, passwordHash);
                    ps.setBoolean(5, simulated);
                }));
        return new Agent(id, username, displayName, role, simulated);
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.queryOne("SELECT id, username, display_name, role, simulated, password_hash FROM agent "
                + "WHERE username = ?", ps -> ps.setString(1, username),
                rs -> new Credentials(row(rs), rs.getString("password_hash")));
    }

    public Optional<Agent> find(long id) {
        return jdbc.queryOne("SELECT id, username, display_name, role, simulated FROM agent WHERE id = ?",
                ps -> ps.setLong(1, id), AgentStore::row);
    }

    public List<Agent> all() {
        return jdbc.query("SELECT id, username, display_name, role, simulated FROM agent ORDER BY id",
                ps -> { }, AgentStore::row);
    }

    public Optional<Agent> findByUsername(String username) {
        return jdbc.queryOne("SELECT id, username, display_name, role, simulated FROM agent WHERE username = ?",
                ps -> ps.setString(1, username), AgentStore::row);
    }

    /** The HA1 of the agent's SIP phone password (digest authentication), when one is set. */
    public Optional<String> phoneHa1(String username) {
        return jdbc.queryOne("SELECT phone_ha1 FROM agent WHERE username = ? AND phone_ha1 IS NOT NULL",
                ps -> ps.setString(1, username), rs -> rs.getString(1));
    }

    /** Sets (or replaces) the HA1 of the agent's phone password. */
    public void setPhoneHa1(long agentId, String ha1) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE agent SET phone_ha1 = ? WHERE id = ?", ps -> {
            ps.setString(1, ha1);
            ps.setLong(2, agentId);
        }));
    }

    /** Sets the phone HA1 of each named agent that has none yet, in one transaction. */
    public void setPhoneHa1WhereMissing(Map<String, String> ha1ByUsername) {
        jdbc.inTransaction(c -> {
            for (Map.Entry<String, String> e : ha1ByUsername.entrySet()) {
                Jdbc.update(c, "UPDATE agent SET phone_ha1 = ? WHERE username = ? AND phone_ha1 IS NULL", ps -> {
                    ps.setString(1, e.getValue());
                    ps.setString(2, e.getKey());
                });
            }
            return null;
        });
    }

    private static Agent row(ResultSet rs) throws SQLException {
        return new Agent(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("simulated"));
    }
}
