package dev.switchboard.app.bench;

import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/** {@code bench}'s choice of database for the servers it starts: H2 files unless a PostgreSQL URL is given. */
public final class BenchDatabaseOptions {
    /** Environment variable read for the password when {@code --jdbc-password} is not given. */
    public static final String PASSWORD_ENV = "SWITCHBOARD_BENCH_JDBC_PASSWORD";

    @Option(names = "--jdbc-url", description = "Run the servers on this PostgreSQL database instead of H2 files "
            + "(jdbc:postgresql://host:port/database; each data set becomes a schema bench_* in it; results are "
            + "named -postgresql and latest.json is left alone).")
    String url;

    @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
    String user;

    @Option(names = "--jdbc-password", description = "Database password for --jdbc-url (default: the environment "
            + "variable " + PASSWORD_ENV + ").")
    String password;

    /**
     * The PostgreSQL database asked for, or null for H2.
     *
     * @param env the environment, for the password
     * @throws IllegalArgumentException for a URL that is not PostgreSQL's, or user or password without a URL
     */
    public PostgresDatabase postgres(UnaryOperator<String> env) {
        if (url == null) {
            if (user != null || password != null) {
                throw new IllegalArgumentException("--jdbc-user and --jdbc-password need --jdbc-url");
            }
            return null;
        }
        return new PostgresDatabase(url, user, password != null ? password : env.apply(PASSWORD_ENV));
    }
}
