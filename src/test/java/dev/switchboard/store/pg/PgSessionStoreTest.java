package dev.switchboard.store.pg;

import dev.switchboard.store.Database;
import dev.switchboard.store.SessionStoreContract;

/** {@link SessionStoreContract} on PostgreSQL, the database several server nodes share. */
class PgSessionStoreTest extends SessionStoreContract {
    private PgDatabases.Created pg;

    @Override
    protected Database open() {
        pg = PgDatabases.create();
        return Database.jdbc(pg.url(), PgDatabases.user(), PgDatabases.password());
    }

    @Override
    protected void dropped() {
        if (pg != null) {
            pg.close();
        }
    }
}
