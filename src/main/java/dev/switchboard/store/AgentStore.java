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

    /** The credentials of an account that may sign in: a disabled account has none. */
    public Optional<Credentials> credentials(String username) {
        return jdbc.queryOne("SELECT id, username, display_name, role, simulated, password_hash FROM agent "
                + "WHERE username = ? AND disabled = FALSE", ps -> ps.setString(1, username),
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

    /** An account as administrators manage it: the person, their team and whether they may sign in. */
    public record Account(Agent agent, Long teamId, boolean disabled) {
    }

    private static final String ACCOUNT_COLUMNS = "SELECT id, username, display_name, role, simulated, team_id, disabled FROM agent";

    /** Every account that signs in (simulated colleagues are left out), by user name. */
    public List<Account> accounts() {
        return jdbc.query(ACCOUNT_COLUMNS + " WHERE simulated = FALSE ORDER BY username", ps -> { }, AgentStore::account);
    }

    public Optional<Account> account(long id) {
        return jdbc.queryOne(ACCOUNT_COLUMNS + " WHERE id = ?", ps -> ps.setLong(1, id), AgentStore::account);
    }

    /** Creates a person who signs in, in a team (or none). */
    public Account create(String username, String displayName, Role role, String passwordHash, Long teamId) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO agent (username, display_name, role, password_hash, simulated, "
                    + "team_id) VALUES (?, ?, ?, ?, FALSE, ?)", ps -> {
                        ps.setString(1, username);
                        ps.setString(2, displayName);
                        ps.setString(3, role.name());
                        ps.setString(4, passwordHash);
                        Jdbc.setLongOrNull(ps, 5, teamId);
                    }));
        return new Account(new Agent(id, username, displayName, role, false), teamId, false);
    }

    /** What an administrator changes of an account; a null field stays as it is. */
    public record AccountChange(String displayName, Role role, Long teamId, boolean clearTeam, Boolean disabled,
                                String passwordHash) {
    }

    /** Applies {@code change}; false when there is no such account. */
    public boolean update(long id, AccountChange change) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE agent SET display_name = COALESCE(?, display_name), role = COALESCE(?, role), "
                    + "team_id = CASE WHEN ? THEN NULL ELSE COALESCE(?, team_id) END, disabled = COALESCE(?, disabled), "
                    + "password_hash = COALESCE(?, password_hash) WHERE id = ? AND simulated = FALSE", ps -> {
                        ps.setString(1, change.displayName());
                        ps.setString(2, change.role() == null ? null : change.role().name());
                        ps.setBoolean(3, change.clearTeam());
                        Jdbc.setLongOrNull(ps, 4, change.teamId());
                        if (change.disabled() == null) {
                            ps.setNull(5, java.sql.Types.BOOLEAN);
                        } else {
                            ps.setBoolean(5, change.disabled());
                        }
                        ps.setString(6, change.passwordHash());
                        ps.setLong(7, id);
                    }) == 1);
    }

    /** Puts a person (simulated colleagues too) in a team. */
    public void setTeam(long agentId, long teamId) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE agent SET team_id = ? WHERE id = ?", ps -> {
            ps.setLong(1, teamId);
            ps.setLong(2, agentId);
        }));
    }

    /** The team of each person (absent: no team), for scoping what supervisors see. */
    public Map<Long, Long> teams() {
        Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.query("SELECT id, team_id FROM agent WHERE team_id IS NOT NULL", ps -> { }, rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
            return null;
        });
        return out;
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(row(rs), Jdbc.longOrNull(rs, "team_id"), rs.getBoolean("disabled"));
    }

    private static Agent row(ResultSet rs) throws SQLException {
        return new Agent(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("simulated"));
    }
}
