package dev.switchboard.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the servers a run starts keep their data. A target names each of its data sets by a path
 * under the benchmark's data directory ({@code customers-1000000}, {@code routing}, ...); on H2 that
 * path is the server's {@code --data-dir}, on PostgreSQL it names a schema of the one database the
 * run was given, so both keep the same data sets apart and reuse them the same way.
 */
sealed interface BenchDatabase permits H2Files, PostgresSchemas {

    /** {@code h2} or {@code postgresql}: in every result entry, and in result names when not H2. */
    String kind();

    /** The database's own version (for PostgreSQL the server's, asked over a connection). */
    String version() throws SQLException;

    /** Arguments that put a server's database on {@code dataSet}. */
    List<String> serverArgs(Path dataSet);

    /** Throws the data set away: the next server on it starts on an empty, newly migrated database. */
    void delete(Path dataSet) throws IOException, SQLException;

    /** Whether the data set is there, with the demo customers of a finished generation of that size. */
    boolean holds(Path dataSet, int customers) throws SQLException;

    /**
     * Readies a data set the server is started on with {@code --customers customers}: kept when it
     * holds them already (a server only generates demo data into an empty database), emptied
     * otherwise, so the server generates them.
     */
    void prepare(Path dataSet, int customers, java.util.function.Consumer<String> log) throws IOException, SQLException;
}
