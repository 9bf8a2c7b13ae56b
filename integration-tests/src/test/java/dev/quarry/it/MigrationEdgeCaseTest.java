package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.migrations.DataMigration;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RunJava;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.sql.SqlStatement;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Edge cases of migrate: --fake past irreversible migrations, failures of data migrations. */
class MigrationEdgeCaseTest extends FreshDatabaseTest {
    private Migration createThing() {
        return migration("0001_thing", List.of(), new RunSql(
                List.of("CREATE TABLE " + q("thing") + " (" + q("id") + " INTEGER PRIMARY KEY)"),
                List.of("DROP TABLE " + q("thing"))));
    }

    private static Migration migration(String name, List<String> dependencies, Operation... operations) {
        Migration unsummed = new Migration(name, dependencies, List.of(operations), "");
        return new Migration(name, dependencies, List.of(operations), Migration.checksum(unsummed.toJson()));
    }

    private long things() {
        return db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM " + q("thing"), List.of()));
    }

    /**
     * {@code migrate --fake} runs no operation, so an irreversible one must not stop it: it is how the history is
     * brought in line after an irreversible migration was undone by hand (Django's --fake does the same).
     */
    @Test
    void fakeRollbackPastAnIrreversibleMigrationIsRecorded() {
        List<Migration> migrations = List.of(createThing(), migration("0002_rows", List.of("0001_thing"),
                new RunSql(List.of("INSERT INTO " + q("thing") + " (" + q("id") + ") VALUES (1)"), null)));
        Migrator migrator = new Migrator(db, migrations);
        migrator.migrate(null);
        assertThrows(MigrationException.class, () -> migrator.migrate("0001_thing"), "a real rollback is refused");

        // undone by hand, then recorded
        db.executor().execute("DELETE FROM " + q("thing"));
        List<Migrator.Step> steps = migrator.migrate("0001_thing", true);
        assertEquals("[Unapply 0002_rows]", steps.toString());
        assertFalse(migrator.status().get(1).applied(), "0002 recorded as not applied");
        assertEquals(0, things(), "nothing was run");
    }

    /** A data migration failing with any exception is reported with the migration, as a failing statement is. */
    @Test
    void aDataMigrationFailingWithAnyExceptionIsReportedWithTheMigration() {
        List<Migration> migrations = List.of(createThing(), migration("0002_broken_code", List.of("0001_thing"),
                new RunSql(List.of("INSERT INTO " + q("thing") + " (" + q("id") + ") VALUES (1)"), List.of()),
                new RunJava(Failing.class.getName())));
        Migrator migrator = new Migrator(db, migrations);
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        assertTrue(error.getMessage().contains("0002_broken_code") && error.getMessage().contains("Run "
                + Failing.class.getName()), error.getMessage());
        assertTrue(migrator.status().get(0).applied());
        assertFalse(migrator.status().get(1).applied(), "0002 is not recorded");
        if (db.dialect().supportsTransactionalDdl()) {
            assertEquals(0, things(), "rolled back with its transaction");
        } else {
            assertEquals(1, things());
            assertTrue(error.getMessage().contains("migrate --fake 0002_broken_code"), error.getMessage());
        }
    }

    public static final class Failing implements DataMigration {
        @Override
        public void forwards(Database db) {
            throw new IllegalStateException("the data migration's own bug");
        }
    }

    /**
     * SQLite: while another migrate runs its migration's transaction, it holds the database's write lock, so the
     * INSERT of the lock row fails with SQLITE_BUSY once the busy timeout passes (ten seconds here). That is the
     * lock being taken, not an error: the run keeps waiting for it, as for a lock row it sees.
     */
    @Test
    void onSqliteARunWaitsForTheLockWhileAnotherRunHoldsTheWriteLock() throws Exception {
        Assumptions.assumeTrue(db.dialect().name().equals("SQLite"), "SQLite's single writer");
        new Migrator(db, List.of()).migrate(null); // the history and lock tables
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<Migrator.Step>> run;
            try (Connection other = db.executor().dataSource().getConnection();
                    Statement statement = other.createStatement()) {
                other.setAutoCommit(false);
                // another migrate: its lock row, then its migration's transaction
                statement.execute("INSERT INTO " + q("quarry_migration_lock") + " (" + q("id") + ", "
                        + q("locked_at") + ") VALUES (1, 'another run')");
                run = pool.submit(() -> new Migrator(db, List.of(createThing())).migrate(null));
                Thread.sleep(12_000); // beyond the busy timeout
                assertFalse(run.isDone(), "still waiting for the lock");
                statement.execute("DELETE FROM " + q("quarry_migration_lock"));
                other.commit();
            }
            assertEquals("[Apply 0001_thing]", run.get().toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
