package dev.quarry.migrations;

import dev.quarry.Database;
import dev.quarry.DatabaseException;
import dev.quarry.IntegrityException;
import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.BoundValue;
import dev.quarry.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes concurrent {@code migrate} runs (several instances of an application starting at once) take turns, so that
 * each migration is applied exactly once: PostgreSQL's advisory lock and MariaDB/MySQL's GET_LOCK, session locks
 * taken on the connection the whole run is pinned to ({@link dev.quarry.exec.Executor#pinned}) and named after the
 * schema or database the history is in (runs on other schemas of the server do not wait); elsewhere a row of
 * {@value #TABLE} whose primary key only one run can insert. A lock row left by a run that died is reported with how
 * to remove it.
 */
final class MigrationLock implements AutoCloseable {
    static final String TABLE = "quarry_migration_lock";
    private static final String NAME = "quarry_migrate";

    /** GET_LOCK's longest name (MySQL refuses longer ones). */
    private static final int MAX_NAME = 64;

    private final Database db;
    private final String name;

    private MigrationLock(Database db, String name) {
        this.db = db;
        this.name = name;
    }

    /** Waits for the lock, at most {@code timeout}, on the connection the calling thread is pinned to. */
    static MigrationLock acquire(Database db, MigrationHistory history, Duration timeout) {
        Dialect dialect = db.dialect();
        if (dialect.acquireMigrationLockSql() == null) {
            history.ensureLockTable();
            acquireRow(db, timeout);
            return new MigrationLock(db, null);
        }
        String name = name(db);
        Instant deadline = Instant.now().plus(timeout);
        while (!tryLock(db, name)) {
            if (Instant.now().isAfter(deadline)) {
                throw new MigrationException("Another migrate holds the migration lock and did not release it "
                        + "within " + timeout.toSeconds() + " s; giving up (the lock goes with the session that "
                        + "holds it: a migrate that died releases it)");
            }
            sleep();
        }
        return new MigrationLock(db, name);
    }

    /**
     * {@code quarry_migrate:<schema>}: the lock of this schema's (or database's) migrations, so that applications in
     * other schemas of the server do not wait for this one. Read once, so that the lock released is the one taken.
     * A name too long for GET_LOCK ends with a hash of the schema's name instead.
     */
    private static String name(Database db) {
        String sql = db.dialect().migrationLockScopeSql();
        String scope = sql == null ? null : db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        });
        return name(scope);
    }

    /** The lock's name for the schema (null: none known). */
    static String name(String scope) {
        if (scope == null) {
            return NAME;
        }
        String name = NAME + ":" + scope;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return (NAME + ":" + HexFormat.of().formatHex(hash)).substring(0, MAX_NAME);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * One attempt, without waiting in the database (so that the timeout is ours on every database):
     * pg_try_advisory_lock answers true or false, GET_LOCK(name, 0) 1 or 0, and NULL on an error (not taken either).
     */
    private static boolean tryLock(Database db, String name) {
        String sql = db.dialect().acquireMigrationLockSql();
        Object answer = db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, name);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? result.getObject(1) : null;
                }
            }
        });
        if (answer == null) {
            throw new MigrationException("Cannot take the migration lock: " + sql
                    + " answered NULL (an error in the database)");
        }
        return Boolean.TRUE.equals(answer) || answer instanceof Number number && number.intValue() == 1;
    }

    private static void acquireRow(Database db, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String table = db.dialect().quote(TABLE);
        while (true) {
            try {
                db.executor().update(new SqlStatement("INSERT INTO " + table + " (" + db.dialect().quote("id") + ", "
                        + db.dialect().quote("locked_at") + ") VALUES (1, ?)",
                        List.of(new BoundValue(Instant.now().toString(), ColumnType.VARCHAR))));
                return;
            } catch (DatabaseException e) {
                // SQLite: another run's migration holds the database's write lock, so the INSERT gave up waiting
                boolean taken = e instanceof IntegrityException
                        || e.getCause() instanceof SQLException cause && db.dialect().isLockWaitTimeout(cause);
                if (!taken) {
                    throw e;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new MigrationException("Another migrate holds the migration lock (a row of " + TABLE
                            + ") and did not release it within " + timeout.toSeconds() + " s. If no migrate is "
                            + "running (one was killed), delete the row: DELETE FROM " + TABLE);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for the migration lock", e);
        }
    }

    @Override
    public void close() {
        if (db.dialect().acquireMigrationLockSql() == null) {
            db.executor().execute("DELETE FROM " + db.dialect().quote(TABLE));
            return;
        }
        String sql = db.dialect().releaseMigrationLockSql();
        db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, name);
                return statement.execute();
            }
        });
    }
}
