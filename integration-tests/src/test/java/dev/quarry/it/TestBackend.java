package dev.quarry.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Database;
import dev.quarry.QuarryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the integration tests run against. Every test class gets its own clean database from
 * {@link #current()}{@code .open(label)} and closes it after its last test, so tests never depend on the order
 * classes run in, and runs can repeat (and overlap) against the same servers:
 * <ul>
 *   <li>H2: a fresh private in-memory database;</li>
 *   <li>SQLite: a fresh database file in a new temporary directory, deleted on close;</li>
 *   <li>PostgreSQL: a fresh schema {@code quarry_it_<class>_<random>} that the pool's connections use, dropped
 *       (CASCADE) on close;</li>
 *   <li>MariaDB/MySQL: a fresh database {@code quarry_it_<class>_<random>}, dropped on close.</li>
 * </ul>
 * The backend is chosen with {@code -Dquarry.it.backend=h2|sqlite|postgres|mariadb} or the environment variable
 * {@code QUARRY_IT_BACKEND} (in an IDE, say); the integration-tests pom runs the whole suite once per backend, each
 * run skippable with {@code -Dquarry.it.skip.postgres=true} (and {@code .h2}, {@code .sqlite}, {@code .mariadb}). Server settings come from the environment: {@code QUARRY_PG_URL},
 * {@code QUARRY_PG_USER}, {@code QUARRY_PG_PASSWORD}, {@code QUARRY_MARIADB_URL}, {@code QUARRY_MARIADB_USER},
 * {@code QUARRY_MARIADB_PASSWORD}. A server that cannot be reached makes its test classes skipped, with the reason;
 * when {@code CI=true} it makes them fail instead, so CI never passes without testing every database.
 */
public enum TestBackend {
    /** A fresh private H2 in-memory database per test class: the default. */
    H2 {
        @Override
        public Opened open(String label) {
            return new Opened(this, Database.h2InMemory(), List.of());
        }
    },

    /** A fresh SQLite database file per test class, through a small pool, with foreign keys on. */
    SQLITE {
        @Override
        public Opened open(String label) {
            Path directory;
            try {
                directory = Files.createTempDirectory("quarry-it-sqlite-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for SQLite", e);
            }
            List<AutoCloseable> cleanup = new ArrayList<>();
            // also when the JVM is stopped before the test class ends (Ctrl-C, a Surefire timeout)
            Thread onExit = new Thread(() -> {
                try {
                    deleteRecursively(directory);
                } catch (IOException e) {
                    // leave it to the system's temporary files cleaner
                }
            });
            Runtime.getRuntime().addShutdownHook(onExit);
            cleanup.add(() -> {
                deleteRecursively(directory);
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            });
            try {
                Path file = directory.resolve(identifier(label) + ".db");
                HikariConfig config = poolConfig(label, "jdbc:sqlite:" + file, null, null);
                // PRAGMA foreign_keys is per connection and off by default in SQLite
                config.setConnectionInitSql("PRAGMA foreign_keys = ON");
                // wait for a lock held by another pooled connection instead of failing with SQLITE_BUSY
                config.addDataSourceProperty("busy_timeout", "10000");
                return openPool(config, cleanup);
            } catch (RuntimeException | Error e) {
                closeAll(cleanup, e);
                throw e;
            }
        }
    },

    /** A fresh schema per test class on the PostgreSQL server at {@code QUARRY_PG_URL}. */
    POSTGRES {
        @Override
        public Opened open(String label) {
            Server server = new Server("PostgreSQL", env("QUARRY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    env("QUARRY_PG_USER", "postgres"), env("QUARRY_PG_PASSWORD", ""), "connectTimeout", "5");
            String schema = identifier(label);
            return openIsolated(server, "schema " + schema, "CREATE SCHEMA \"" + schema + "\"",
                    "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE", () -> {
                        HikariConfig config = poolConfig(label, server.url, server.user, server.password);
                        config.setSchema(schema); // Connection.setSchema: the search_path of every connection
                        return config;
                    });
        }
    },

    /** A fresh database per test class on the MariaDB/MySQL server at {@code QUARRY_MARIADB_URL}. */
    MARIADB {
        @Override
        public Opened open(String label) {
            Server server = new Server("MariaDB", env("QUARRY_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
                    env("QUARRY_MARIADB_USER", "root"), env("QUARRY_MARIADB_PASSWORD", ""), "connectTimeout", "5000");
            String database = identifier(label);
            // utf8mb4 whatever the server's default; the collation stays the charset's (case-insensitive) default,
            // as most users have it
            return openIsolated(server, "database " + database,
                    "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4",
                    "DROP DATABASE IF EXISTS `" + database + "`",
                    () -> poolConfig(label, withDatabase(server.url, database), server.user, server.password));
        }
    };

    /**
     * A schema or database of its own on a server: created now, dropped when the result closes, with a pool on it.
     */
    Opened openIsolated(Server server, String what, String createSql, String dropSql,
            Supplier<HikariConfig> poolConfig) {
        try (Connection admin = server.connect()) {
            execute(admin, createSql);
        } catch (SQLException e) {
            throw new QuarryException("Cannot create " + what + " on " + server.url + ": " + e.getMessage(), e);
        }
        List<AutoCloseable> cleanup = new ArrayList<>();
        cleanup.add(() -> server.execute(dropSql));
        try {
            return openPool(poolConfig.get(), cleanup);
        } catch (RuntimeException | Error e) {
            closeAll(cleanup, e);
            throw e;
        }
    }

    /** A pool closed first when the result closes, and the Database on it (its dialect detected). */
    Opened openPool(HikariConfig config, List<AutoCloseable> cleanup) {
        HikariDataSource pool = new HikariDataSource(config);
        cleanup.add(0, pool);
        return new Opened(this, Database.connect(pool), cleanup);
    }

    /** The system property that selects the backend. */
    public static final String PROPERTY = "quarry.it.backend";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new, empty database of this backend for one test class; {@code label} (the test class name) goes into the
     * names of the schema, database or file, so leftovers are recognisable. Close the result after the class.
     * Aborts (skips) the caller when the server is unreachable, or fails when {@code CI=true}.
     */
    public abstract Opened open(String label);

    /** The environment variable that selects the backend too (set per execution by the integration-tests pom). */
    public static final String ENVIRONMENT = "QUARRY_IT_BACKEND";

    /** The backend selected by {@value #PROPERTY} or {@value #ENVIRONMENT}, H2 when neither is set. */
    public static TestBackend current() {
        String property = System.getProperty(PROPERTY);
        String environment = System.getenv(ENVIRONMENT);
        if (property != null && environment != null && !property.trim().equalsIgnoreCase(environment.trim())) {
            throw new QuarryException("-D" + PROPERTY + "=" + property + " contradicts " + ENVIRONMENT + "="
                    + environment + ": a -D" + PROPERTY + " on the mvn command line overrides every Surefire "
                    + "execution; to run some backends only, skip the others with -Dquarry.it.skip.h2=true, "
                    + "-Dquarry.it.skip.sqlite=true, -Dquarry.it.skip.postgres=true or -Dquarry.it.skip.mariadb=true");
        }
        String name = (property != null ? property : environment != null ? environment : "h2")
                .trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new QuarryException("Unknown backend " + name + " (-D" + PROPERTY + " or " + ENVIRONMENT
                    + "); known backends: " + Arrays.toString(values()));
        }
    }

    /** Whether this run is CI's, where every database must be reachable. */
    static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * An opened test database: the {@link Database}, and what {@link #close()} undoes in order (the pool, then the
     * schema, database or file).
     */
    public static final class Opened implements AutoCloseable {
        private final TestBackend backend;
        private final Database database;
        private final List<AutoCloseable> cleanup;

        Opened(TestBackend backend, Database database, List<AutoCloseable> cleanup) {
            this.backend = backend;
            this.database = database;
            this.cleanup = cleanup;
        }

        public TestBackend backend() {
            return backend;
        }

        public Database database() {
            return database;
        }

        /** Closes the pool and drops what was created; every step runs, the first failure is thrown. */
        @Override
        public void close() {
            closeAll(cleanup, null);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A database server reached with DriverManager for the administrative statements (create, drop). */
    private static final class Server {
        final String product;
        final String url;
        final String user;
        final String password;
        private final String timeoutProperty;
        private final String timeout;

        Server(String product, String url, String user, String password, String timeoutProperty, String timeout) {
            this.product = product;
            this.url = url;
            this.user = user;
            this.password = password;
            this.timeoutProperty = timeoutProperty;
            this.timeout = timeout;
        }

        /** A connection, or an aborted (skipped) test class when unreachable; a failure when CI=true. */
        Connection connect() {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty(timeoutProperty, timeout);
            try {
                return DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                String reason = product + " at " + url + " (user " + user + ") is unreachable: "
                        + String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
                if (onCi()) {
                    return Assertions.fail(reason + ". CI=true: every database must be tested, so this is a "
                            + "failure; start the server (.ci/run does) or fix the connection settings", e);
                }
                return Assumptions.abort(reason + ". Skipped (with CI=true this is a failure); start the server "
                        + "or set the connection settings in the environment");
            }
        }

        void execute(String sql) throws SQLException {
            try (Connection admin = connect()) {
                TestBackend.execute(admin, sql);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static HikariConfig poolConfig(String label, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quarry-it-" + label);
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return config;
    }

    /** {@code quarry_it_<label>_<random>}: lower case, at most 50 characters, safe unquoted on every database. */
    static String identifier(String label) {
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 30) {
            clean = clean.substring(0, 30);
        }
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "quarry_it_" + clean + "_" + HexFormat.of().formatHex(random);
    }

    /** The JDBC URL with its database (the path after host:port) replaced, keeping the parameters. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new QuarryException("Cannot find the host part of " + url);
        }
        int query = url.indexOf('?', hosts + 2);
        int end = query < 0 ? url.length() : query;
        int slash = url.indexOf('/', hosts + 2);
        int start = slash < 0 || slash > end ? end : slash;
        return url.substring(0, start) + "/" + database + url.substring(end);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Closes every step; rethrows the first failure, or adds it to {@code pending} when one is being thrown. */
    private static void closeAll(List<AutoCloseable> steps, Throwable pending) {
        Throwable first = null;
        for (AutoCloseable step : steps) {
            try {
                step.close();
            } catch (Throwable e) {
                if (pending != null) {
                    pending.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new QuarryException("Cleaning up the test database failed: " + first.getMessage(), first);
        }
    }
}
