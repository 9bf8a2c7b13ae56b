package dev.quarry.it;

import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.it.model.Author;
import dev.quarry.it.model.AuthorQuery;
import dev.quarry.it.model.Genre;
import dev.quarry.it.model.GenreQuery;
import dev.quarry.it.model.Novel;
import dev.quarry.it.model.NovelQuery;
import dev.quarry.it.model.Publisher;
import dev.quarry.it.model.PublisherQuery;
import dev.quarry.meta.ModelMeta;
import dev.quarry.migrations.MakeMigrations;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.MigrationLoader;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.autodetect.NonInteractiveQuestioner;
import dev.quarry.migrations.operations.RunSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * makemigrations and migrate end to end on each database, on a database of their own (no tables created first):
 * the initial migration of real models written, applied, used, rolled back; the history, its checksums, the lock
 * under concurrent runs, and a failing migration leaving the database and the history consistent.
 */
class MigrateTest extends FreshDatabaseTest {
    /** The models migrated here: publishers, authors, novels and genres with the novels' join table. */
    private static final List<ModelMeta<?>> MODELS = List.of(PublisherQuery.META, AuthorQuery.META, NovelQuery.META,
            GenreQuery.META);

    @TempDir
    Path directory;

    private List<ModelMeta<?>> modelsWithJoinTables() {
        List<ModelMeta<?>> all = new ArrayList<>(MODELS);
        MODELS.forEach(model -> all.addAll(model.linkTables()));
        return all;
    }

    private MakeMigrations makeMigrations(Path into) {
        return new MakeMigrations(into, modelsWithJoinTables(), new NonInteractiveQuestioner());
    }

    @Test
    void theInitialMigrationIsWrittenAppliedAndUsed() throws IOException {
        MakeMigrations.Result result = makeMigrations(directory).write(null, false);
        assertTrue(result.changed());
        assertEquals("0001_initial", result.migration().name());
        assertTrue(Files.exists(directory.resolve("0001_initial.json")));
        assertFalse(makeMigrations(directory).detect(null, false).changed(), "no change, no new migration");

        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        assertEquals("[Apply 0001_initial]", migrator.plan(null).toString());
        assertEquals(1, migrator.migrate(null).size());
        assertEquals("[X] 0001_initial", migrator.status().get(0).toString().replaceAll(" \\(applied .*\\)", ""));
        assertEquals(List.of(), migrator.migrate(null), "up to date: nothing to do");

        // the tables are the models': the ORM works on them, relations included
        Author tolkien = db.save(new Author("Tolkien", db.save(new Publisher("Allen & Unwin"))));
        Novel hobbit = db.save(new Novel("The Hobbit", tolkien, null));
        hobbit.genres.add(db, db.save(new Genre("Fantasy")));
        assertNumQueries(db, 2, () -> assertEquals(1, NovelQuery.objects(db).prefetchRelated(NovelQuery.genres())
                .list().get(0).genres.get().size()));

        // rolled back to zero: every table is gone, and the history is empty
        migrator.migrate(Migrator.ZERO);
        assertThrows(QuarryException.class, () -> AuthorQuery.objects(db).count());
        assertFalse(migrator.status().get(0).applied());
    }

    @Test
    void theSameModelsGiveTheSameFileByteForByte(@TempDir Path other) throws IOException {
        makeMigrations(directory).write(null, false);
        makeMigrations(other).write(null, false);
        assertEquals(Files.readString(directory.resolve("0001_initial.json")),
                Files.readString(other.resolve("0001_initial.json")));
    }

    @Test
    void rawSqlMigrationsRunAndRollBack() {
        makeMigrations(directory).write(null, false);
        writeSql("0002_publisher_rows", List.of(insertPublisher("Gollancz")), List.of(deletePublishers()));
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        migrator.migrate(null);
        assertEquals(1, PublisherQuery.objects(db).count());
        migrator.migrate("0001_initial");
        assertEquals(0, PublisherQuery.objects(db).count(), "rolled back to 0001: the row is gone");
        assertEquals("[Apply 0002_publisher_rows]", migrator.plan(null).toString());
    }

    @Test
    void anIrreversibleMigrationStopsARollbackBeforeAnythingChanges() {
        makeMigrations(directory).write(null, false);
        writeSql("0002_publisher_rows", List.of(insertPublisher("Gollancz")), null);
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        migrator.migrate(null);
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(Migrator.ZERO));
        assertTrue(error.getMessage().contains("0002_publisher_rows") && error.getMessage().contains("irreversible"),
                error.getMessage());
        assertEquals(1, PublisherQuery.objects(db).count(), "nothing changed");
        assertTrue(migrator.status().stream().allMatch(Migrator.Status::applied));
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefused() throws IOException {
        makeMigrations(directory).write(null, false);
        new Migrator(db, MigrationLoader.fromDirectory(directory)).migrate(null);
        Path file = directory.resolve("0001_initial.json");
        Files.writeString(file, Files.readString(file).replace("\"operations\"", "\"operations\" "));
        MigrationException error = assertThrows(MigrationException.class,
                () -> new Migrator(db, MigrationLoader.fromDirectory(directory)).migrate(null));
        assertTrue(error.getMessage().contains("0001_initial was changed after it was applied"), error.getMessage());
    }

    /** showmigrations shows what migrate would refuse: an applied file changed since, an applied file gone. */
    @Test
    void statusShowsChangedAndMissingFilesOfAppliedMigrations() throws IOException {
        makeMigrations(directory).write(null, false);
        writeSql("0002_publisher_rows", List.of(insertPublisher("Gollancz")), List.of(deletePublishers()));
        new Migrator(db, MigrationLoader.fromDirectory(directory)).migrate(null);
        Path first = directory.resolve("0001_initial.json");
        Files.writeString(first, Files.readString(first).replace("\"operations\"", "\"operations\" "));
        Files.delete(directory.resolve("0002_publisher_rows.json"));

        List<Migrator.Status> status = new Migrator(db, MigrationLoader.fromDirectory(directory)).status();
        assertEquals(2, status.size(), status.toString());
        assertEquals("0001_initial", status.get(0).name());
        assertTrue(status.get(0).applied());
        assertTrue(status.get(0).toString().contains(" ! changed after it was applied"), status.get(0).toString());
        assertEquals("0002_publisher_rows", status.get(1).name());
        assertTrue(status.get(1).applied(), "listed from the history although its file is gone");
        assertTrue(status.get(1).toString().contains(" ! its file is gone"), status.get(1).toString());
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAndTheHistoryConsistent() {
        makeMigrations(directory).write(null, false);
        // a good statement, then one that fails
        writeSql("0002_broken", List.of(insertPublisher("Written before the failure"), "INSERT INTO no_such_table "
                + "VALUES (1)"), List.of());
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        assertTrue(error.getMessage().contains("0002_broken"), error.getMessage());
        List<Migrator.Status> status = migrator.status();
        assertTrue(status.get(0).applied(), "0001 is applied");
        assertFalse(status.get(1).applied(), "0002 is not recorded");
        if (db.dialect().supportsTransactionalDdl()) {
            // the migration's transaction rolled back: the first statement's row is gone with it
            assertEquals(0, PublisherQuery.objects(db).count());
        } else {
            // MariaDB/MySQL: no transaction around a migration (DDL would commit it anyway); the error says what
            // stayed applied and how to recover
            assertEquals(1, PublisherQuery.objects(db).count());
            assertTrue(error.getMessage().contains("cannot roll DDL back")
                    && error.getMessage().contains("Written before the failure")
                    && error.getMessage().contains("INSERT INTO no_such_table")
                    && error.getMessage().contains("migrate --fake 0002_broken"), error.getMessage());
        }
    }

    /**
     * Every operation ran but the history row could not be written (here the migration moved the history table
     * away): where DDL is transactional that is one more failure rolled back; elsewhere the error must say the schema
     * is migrated and that migrate --fake, not a second run, records it.
     */
    @Test
    void aFailureToRecordTheMigrationIsReportedAsSuch() {
        makeMigrations(directory).write(null, false);
        String history = db.dialect().quote("quarry_migrations");
        String away = db.dialect().quote("quarry_migrations_away");
        writeSql("0002_history_away", List.of(insertPublisher("Before the history"),
                "ALTER TABLE " + history + " RENAME TO " + away), List.of());
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        String message = error.getMessage();
        assertFalse(message.contains("in operation"), message);
        if (db.dialect().supportsTransactionalDdl()) {
            assertTrue(message.startsWith("Apply 0002_history_away failed while recording it in the history table "
                    + "quarry_migrations") && message.contains("rolled back"), message);
            assertEquals(0, PublisherQuery.objects(db).count());
            assertEquals("[Apply 0002_history_away]", migrator.plan(null).toString());
        } else {
            assertTrue(message.startsWith("Apply 0002_history_away: every operation ran, but recording it in the "
                    + "history table quarry_migrations failed") && message.contains("migrate --fake 0002_history_away"),
                    message);
            db.executor().execute("ALTER TABLE " + away + " RENAME TO " + history); // the history writable again
            assertEquals("[Apply 0002_history_away]", migrator.plan(null).toString(), "not recorded");
            assertEquals("[Apply 0002_history_away]", migrator.migrate("0002_history_away", true).toString());
            assertEquals(1, PublisherQuery.objects(db).count(), "ran once");
            assertEquals(List.of(), migrator.plan(null));
        }
    }

    /**
     * The migration lock is a session lock on PostgreSQL and MariaDB: the whole run stays on the one connection that
     * holds it, so an application whose pool has a single connection can migrate at start (it waited for a second
     * connection before, until the pool's timeout).
     */
    @Test
    void aPoolOfOneConnectionCanMigrate() {
        makeMigrations(directory).write(null, false);
        writeSql("0002_publisher_rows", List.of(insertPublisher("Through one connection")), List.of(deletePublishers()));
        HikariConfig config = new HikariConfig();
        config.setDataSource(db.executor().dataSource());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database single = Database.connect(pool);
            Migrator migrator = new Migrator(single, MigrationLoader.fromDirectory(directory));
            assertEquals("[Apply 0001_initial, Apply 0002_publisher_rows]", migrator.migrate(null).toString());
            assertEquals(1, PublisherQuery.objects(single).count());
            assertEquals("[Unapply 0002_publisher_rows]", migrator.migrate("0001_initial").toString());
            assertEquals(0, PublisherQuery.objects(single).count());
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "the connection went back");
        }
    }

    /** migrate runs each migration in a transaction of its own, so it refuses to run inside one. */
    @Test
    void migrateInsideAtomicIsRefused() {
        makeMigrations(directory).write(null, false);
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        MigrationException error = assertThrows(MigrationException.class, () -> db.atomic(() -> migrator.migrate(null)));
        assertTrue(error.getMessage().contains("inside atomic"), error.getMessage());
        assertEquals("[Apply 0001_initial]", migrator.plan(null).toString(), "nothing applied");
    }

    @Test
    void concurrentRunsApplyEachMigrationOnce() throws Exception {
        makeMigrations(directory).write(null, false);
        writeSql("0002_publisher_rows", List.of(insertPublisher("Once")), List.of(deletePublishers()));
        List<Migration> migrations = MigrationLoader.fromDirectory(directory);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Migrator.Step>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<List<Migrator.Step>> run = () -> new Migrator(db, migrations).migrate(null);
                runs.add(pool.submit(run));
            }
            int applied = 0;
            for (Future<List<Migrator.Step>> run : runs) {
                applied += run.get().size();
            }
            assertEquals(2, applied, "each migration applied by exactly one of the runs");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, PublisherQuery.objects(db).count(), "the data migration ran once");
    }

    @Test
    void sqlmigratePrintsTheStatementsWithoutRunningThem() {
        makeMigrations(directory).write(null, false);
        Migrator migrator = new Migrator(db, MigrationLoader.fromDirectory(directory));
        List<String> forwards = migrator.sql("0001_initial", false);
        assertTrue(forwards.stream().anyMatch(sql -> sql.startsWith("CREATE TABLE " + db.dialect().quote("novel"))),
                forwards.toString());
        List<String> backwards = migrator.sql("0001_initial", true);
        assertTrue(backwards.stream().anyMatch(sql -> sql.contains("DROP TABLE")), backwards.toString());
        assertThrows(QuarryException.class, () -> AuthorQuery.objects(db).count(), "nothing was created");
    }

    private String insertPublisher(String name) {
        return "INSERT INTO " + db.dialect().quote("publisher") + " (" + db.dialect().quote("name") + ") VALUES ('"
                + name + "')";
    }

    private String deletePublishers() {
        return "DELETE FROM " + db.dialect().quote("publisher");
    }

    private void writeSql(String name, List<String> sql, List<String> reverse) {
        List<Migration> existing = MigrationLoader.fromDirectory(directory);
        String last = existing.get(existing.size() - 1).name();
        Migration migration = new Migration(name, List.of(last), List.of(new RunSql(sql, reverse)), "");
        MigrationLoader.write(directory, migration);
    }
}
