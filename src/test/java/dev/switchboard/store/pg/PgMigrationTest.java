package dev.switchboard.store.pg;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration applies to an empty PostgreSQL database, with the seeded rows the server relies on. */
class PgMigrationTest extends PgTestBase {

    @Test
    void allMigrationsApplyWithTheirSeedRows() throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                    + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    assertThat(rs.getBoolean("success")).as("migration %s", rs.getString("version")).isTrue();
                    versions.add(rs.getString("version"));
                }
            }
            assertThat(versions).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM contact_queue")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            try (ResultSet rs = s.executeQuery("SELECT high_water FROM event_sequence WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
