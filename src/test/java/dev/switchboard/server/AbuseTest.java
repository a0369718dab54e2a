package dev.switchboard.server;

import dev.switchboard.app.bench.AbuseRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of the fault and abuse suite ({@link AbuseRun}; the benchmark's ABUSE target runs it
 * large): 2,500 malformed and hostile requests against every route of the API from two threads.
 * Every answer is a 2xx or a 4xx with a JSON error; nothing is half written (each customer and
 * ticket in the database is one that was answered as created); and nobody gets another business
 * unit's customer, ticket or contact.
 */
@Timeout(300)
class AbuseTest {
    private SwitchboardServer server;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("abuse-" + System.nanoTime(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void hostileRequestsGetOnlyClearRefusalsAndChangeNothingHalfway() throws Exception {
        AbuseRun.Result r = new AbuseRun(server.baseUrl()).run(2_500, 2, 20261126L);

        assertThat(r.failures()).as("answers other than 2xx or a 4xx with a JSON error, or another unit's data")
                .isEmpty();
        assertThat(r.failureCount()).isZero();
        assertThat(r.byStatus().keySet()).as("refusals of several kinds were met").contains(400, 401, 403, 404);
        assertThat(count("customer")).as("every customer stored was answered as created").isEqualTo(r.customersCreated());
        assertThat(count("ticket")).as("every ticket stored was answered as created").isEqualTo(r.ticketsCreated());
    }

    private long count(String table) throws SQLException {
        try (Connection c = server.database().connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
