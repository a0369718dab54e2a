package dev.switchboard.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    @Test
    void theServersFileKeepsManyParsedStatementsPerSession(@TempDir Path dir) throws Exception {
        try (Database db = Database.h2File(dir)) {
            assertEquals("256", setting(db, "QUERY_CACHE_SIZE"));
        }
    }

    @Test
    void soDoesAnInMemoryDatabase() throws Exception {
        try (Database db = Database.h2Memory("settings-" + System.nanoTime())) {
            assertEquals("256", setting(db, "QUERY_CACHE_SIZE"));
        }
    }

    private static String setting(Database db, String name) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = '" + name + "'")) {
            assertTrue(rs.next(), name + " is a setting H2 reports");
            return rs.getString(1);
        }
    }
}
