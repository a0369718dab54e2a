package dev.switchboard.store.pg;

import dev.switchboard.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class on its own PostgreSQL database, migrated by {@link Database#jdbc}: created before the
 * first test and dropped after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PgTestBase {
    protected PgDatabases.Created pg;
    protected Database db;

    @BeforeAll
    void createDatabase() {
        pg = PgDatabases.create();
        db = Database.jdbc(pg.url(), PgDatabases.user(), PgDatabases.password());
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }
}
