package dev.switchboard.store.demo;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.store.CustomerStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fills an empty Switchboard database with realistic, deterministic demo data: customers from six
 * countries with valid phone numbers, e-mail addresses and handles, years of interactions on every
 * channel, and tickets with notes. The same options always give the same rows; times derive from
 * {@link Options#now()}, never from the clock.
 *
 * <p>Some contact values are deliberately shared (a household landline, a family e-mail address), so
 * that a contact can match several customers; {@link #sharedContacts} finds them.
 *
 * <pre>{@code
 * try (Database db = Database.h2File(dir)) {
 *     DemoData.Report report = new DemoData(db.dataSource())
 *             .generate(DemoData.Options.of(42, 100_000, Instant.parse("2026-11-22T09:00:00Z")),
 *                     (phase, done, total) -> log.info("{} {}/{}", phase, done, total));
 * }
 * }</pre>
 */
public final class DemoData {
    /** Setting names recorded in table {@code setting} when generation finishes. */
    public static final String SEED_SETTING = "demo.seed";
    public static final String CUSTOMERS_SETTING = "demo.customers";
    public static final String INTERACTIONS_SETTING = "demo.interactionsPerCustomer";
    /** Customers between two JDBC batch executions; ~14 rows each across the seven tables. */
    private static final int FLUSH_EVERY = 500;
    /** Customers per transaction: large enough that commits are rare, small enough to keep undo small. */
    private static final int COMMIT_EVERY = 10_000;

    /**
     * What to generate.
     *
     * @param seed                    the same seed and sizes give the same data
     * @param customers               how many customers (ids 1..customers)
     * @param interactionsPerCustomer average interactions per customer (some have none, some 30+)
     * @param now                     the present of the demo: all times lie before it
     * @param agentIds                agents (existing agent rows) who answered interactions; if empty,
     *                                interactions have no agent
     */
    public record Options(long seed, int customers, double interactionsPerCustomer, Instant now,
                          List<Long> agentIds) {
        public Options {
            if (customers < 0) {
                throw new IllegalArgumentException("customers must not be negative: " + customers);
            }
            if (!(interactionsPerCustomer >= 0) || Double.isInfinite(interactionsPerCustomer)) {
                throw new IllegalArgumentException("interactionsPerCustomer must be >= 0: " + interactionsPerCustomer);
            }
            Objects.requireNonNull(now, "now");
            agentIds = List.copyOf(agentIds);
        }

        /** Five interactions per customer on average, no agents. */
        public static Options of(long seed, int customers, Instant now) {
            return new Options(seed, customers, 5, now, List.of());
        }
    }

    /** Told about progress at least every 1 % of the customers, from the generating thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        /**
         * @param phase "customers" while rows are written ({@code done} of {@code total} customers), then
         *              "finishing" while indexes are built and settings recorded (steps)
         */
        void update(String phase, long done, long total);
    }

    /** How many rows were written, and how long it took. */
    public record Report(long customers, long contactPoints, long interactions, long tickets, long openTickets,
                         long notes, Duration took) {
    }

    private final DataSource dataSource;
    private final DemoWorld world;

    public DemoData(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.world = DemoWorld.load();
    }

    /**
     * Fills an empty database and records {@value #SEED_SETTING}, {@value #CUSTOMERS_SETTING} and
     * {@value #INTERACTIONS_SETTING} in table {@code setting}; identity columns are moved past the
     * generated ids, so later inserts continue after them.
     *
     * <p>While loading, the indexes on names and contact values are dropped (they are built again at
     * the end, or after a failure), and rows are committed every 10,000 customers. So a run that fails
     * half-way leaves what it committed, without the settings, and a process that dies half-way also
     * leaves those indexes missing: a database without {@value #CUSTOMERS_SETTING} but with customers
     * is a broken run, to be thrown away and created again.
     *
     * @param progress told how far it got, on the calling thread
     * @throws IllegalStateException if customers, interactions, tickets or notes already exist, or
     *                               when the database fails (the {@link SQLException} is the cause)
     */
    public Report generate(Options options, Progress progress) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            refuseIfNotEmpty(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            DeferredIndexes indexes = DeferredIndexes.find(c);
            try (BulkWriter writer = new BulkWriter(c)) {
                indexes.drop(c);
                DemoGenerator generator = new DemoGenerator(world, options.seed(), options.customers(),
                        options.interactionsPerCustomer(), options.now(), options.agentIds());
                long total = options.customers();
                long step = Math.max(1, total / 200);
                progress.update("customers", 0, total);
                Pipeline.run(generator, bundle -> {
                    writer.addCustomer(bundle.customer());
                    writer.addActivity(bundle.activity());
                    long done = writer.customers();
                    if (done % COMMIT_EVERY == 0) {
                        writer.commit();
                    } else if (done % FLUSH_EVERY == 0) {
                        writer.flush();
                    }
                    if (done % step == 0 || done == total) {
                        progress.update("customers", done, total);
                    }
                });
                writer.commit();
                progress.update("finishing", 0, 2);
                indexes.restore(c);
                progress.update("finishing", 1, 2);
                restartIdentities(c, options.customers(), generator);
                record(c, options);
                c.commit();
                progress.update("finishing", 2, 2);
                return new Report(writer.customers(), writer.contacts(), writer.interactions(), writer.tickets(),
                        writer.openTickets(), writer.notes(), Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                cleanUpQuietly(c, indexes, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo data generation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Contact values of {@code kind} that more than one customer holds (household landlines, family
     * e-mail addresses), in value order, at most {@code limit}, each once. It walks the
     * {@code (kind, address)} index and stops after {@code limit} hits: with 1M customers on H2,
     * 100 phone numbers take about 0.15 s and 100 e-mail addresses (shared more rarely) about 1 s.
     */
    public static List<String> sharedContacts(DataSource dataSource, ContactKind kind, int limit) {
        return new CustomerStore(dataSource).sharedAddresses(kind, limit);
    }


    /** Phone numbers (E.164) that several customers share; see {@link #sharedContacts}. */
    public static List<String> sharedPhones(DataSource dataSource, int limit) {
        return sharedContacts(dataSource, ContactKind.PHONE, limit);
    }

    /**
     * Rolls back what is not committed and puts the indexes back after a failure, keeping the failure
     * as the exception to report.
     */
    private static void cleanUpQuietly(Connection c, DeferredIndexes indexes, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            indexes.restore(c);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void refuseIfNotEmpty(Connection c) throws SQLException {
        // Explicit ids would collide with rows that are already there, not only with customers.
        for (String table : List.of("customer", "interaction", "ticket", "ticket_note")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
                if (rs.next()) {
                    throw new IllegalStateException("demo data needs an empty database, but table " + table
                            + " has rows");
                }
            }
        }
    }

    private static void record(Connection c, Options options) throws SQLException {
        List<String[]> settings = List.of(
                new String[] {SEED_SETTING, Long.toString(options.seed())},
                new String[] {CUSTOMERS_SETTING, Integer.toString(options.customers())},
                new String[] {INTERACTIONS_SETTING, Double.toString(options.interactionsPerCustomer())});
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM setting WHERE name = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
            for (String[] s : settings) {
                delete.setString(1, s[0]);
                delete.executeUpdate();
                insert.setString(1, s[0]);
                insert.setString(2, s[1]);
                insert.executeUpdate();
            }
        }
    }

    private static void restartIdentities(Connection c, long customers, DemoGenerator g) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customer ALTER COLUMN id RESTART WITH " + (customers + 1));
            s.execute("ALTER TABLE interaction ALTER COLUMN id RESTART WITH " + (g.lastInteractionId() + 1));
            s.execute("ALTER TABLE ticket ALTER COLUMN id RESTART WITH " + (g.lastTicketId() + 1));
            s.execute("ALTER TABLE ticket_note ALTER COLUMN id RESTART WITH " + (g.lastNoteId() + 1));
        }
    }
}
