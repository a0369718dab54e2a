package dev.switchboard.store;

import javax.sql.DataSource;
import java.util.Optional;

/** Named settings the server keeps about itself, and the block allocator for event sequence numbers. */
public final class SettingStore {
    private final Jdbc jdbc;

    public SettingStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<String> get(String name) {
        return jdbc.queryOne("SELECT setting_value FROM setting WHERE name = ?", ps -> ps.setString(1, name),
                rs -> rs.getString(1));
    }

    public void put(String name, String value) {
        jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE setting SET setting_value = ? WHERE name = ?", ps -> {
                ps.setString(1, value);
                ps.setString(2, name);
            });
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO setting (name, setting_value) VALUES (?, ?)", ps -> {
                    ps.setString(1, name);
                    ps.setString(2, value);
                });
            }
            return null;
        });
    }

    /**
     * Reserves the next {@code size} event sequence numbers and returns the first of them. Numbers
     * are handed out in blocks so that they keep growing across restarts without a write per event.
     */
    public long reserveSequenceBlock(long size) {
        return jdbc.inTransaction(c -> {
            long high = Jdbc.query(c, "SELECT high_water FROM event_sequence WHERE id = 1 FOR UPDATE",
                    ps -> { }, rs -> rs.getLong(1)).get(0);
            Jdbc.update(c, "UPDATE event_sequence SET high_water = ? WHERE id = 1", ps -> ps.setLong(1, high + size));
            return high + 1;
        });
    }
}
