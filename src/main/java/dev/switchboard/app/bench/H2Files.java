package dev.switchboard.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The default: each data set is an H2 file in its own directory, the server's {@code --data-dir}.
 * A directory's name says what it holds ({@code customers-N}), so a directory that is there is reused
 * as it is.
 */
record H2Files() implements BenchDatabase {

    @Override
    public String kind() {
        return "h2";
    }

    /** The version of the H2 on the class path, which the server process runs from too. */
    @Override
    public String version() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    @Override
    public List<String> serverArgs(Path dataSet) {
        return List.of("--data-dir", dataSet.toAbsolutePath().toString());
    }

    @Override
    public void delete(Path dataSet) throws IOException {
        BenchFiles.deleteTree(dataSet);
    }

    @Override
    public boolean holds(Path dataSet, int customers) {
        return Files.exists(dataSet.resolve("switchboard.mv.db"));
    }

    @Override
    public void prepare(Path dataSet, int customers, Consumer<String> log) {
        // the server creates the file and generates into it when it is new
    }
}
