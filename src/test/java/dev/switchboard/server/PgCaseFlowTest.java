package dev.switchboard.server;

import dev.switchboard.store.pg.PgDatabases;

/** The cases' flows on PostgreSQL, the database a team's server runs on: every query of the cases runs there too. */
class PgCaseFlowTest extends CaseFlowTest {
    private PgDatabases.Created pg;

    @Override
    ServerOptions options(TestClock clock) {
        pg = PgDatabases.create();
        return new ServerOptions("127.0.0.1", 0, null, pg.url(), PgDatabases.user(), PgDatabases.password(), null, 0,
                1, 0, "GB", null, null, 0, 0, 0, null, null, false, null, clock);
    }

    @Override
    void stopped() {
        if (pg != null) {
            pg.close();
        }
    }
}
