package dev.quarry.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.dialect.H2Dialect;
import dev.quarry.migrations.autodetect.NonInteractiveQuestioner;
import dev.quarry.migrations.cli.QuarryCommand;
import dev.quarry.migrations.operations.RunSql;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of the migrations command line. */
class MigratorUnitTest {
    @TempDir
    Path directory;

    /** An option of another command ({@code migrate --dry-run}) is refused before anything runs, not ignored. */
    @Test
    void anOptionOfAnotherCommandIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = directory.resolve("db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QuarryCommand command = new QuarryCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader("")));
        int status = command.run(new String[] {"migrate", "--dry-run", "--url", "jdbc:h2:file:" + file,
            "--dir", directory.resolve("migrations").toString()});
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, out.toString(StandardCharsets.UTF_8) + error);
        assertTrue(error.contains("migrate has no option --dry-run"), error);
        assertTrue(!Files.exists(directory.resolve("db.mv.db")), "the database was not touched");
    }

    /**
     * GET_LOCK answers NULL on an error (the session killed while waiting, out of memory): the lock was not taken,
     * so migrate must not go on as if it were.
     */
    @Test
    void aLockStatementAnsweringNullIsNotTakenForTheLock() {
        Database h2 = Database.h2InMemory();
        Database db = Database.connect(h2.executor().dataSource(), new H2Dialect() {
            @Override
            public String acquireMigrationLockSql() {
                return "SELECT NULLIF(CAST(? AS VARCHAR), 'quarry_migrate')"; // NULL, as GET_LOCK on an error
            }

            @Override
            public String releaseMigrationLockSql() {
                return "SELECT CAST(? AS VARCHAR)";
            }
        });
        String create = "CREATE TABLE \"thing\" (\"id\" INTEGER PRIMARY KEY)";
        Migration migration = new Migration("0001_thing", List.of(), List.of(new RunSql(List.of(create), null)), "x");
        MigrationException error = assertThrows(MigrationException.class,
                () -> new Migrator(db, List.of(migration)).migrate(null));
        assertTrue(error.getMessage().contains("migration lock"), error.getMessage());
        assertTrue(new Migrator(h2, List.of(migration)).status().stream().noneMatch(Migrator.Status::applied),
                "nothing applied without the lock");
    }

    /** Any error is status 2 with its message: status 1 means "changes without a migration" to a CI job. */
    @Test
    void aFileSystemErrorIsStatusTwoWithItsMessage() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QuarryCommand command = new QuarryCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        int status = command.run(new String[] {"makemigrations", "--empty", "--dir",
            notADirectory.resolve("migrations").toString()});
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Cannot write the migration"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** A migration file misnamed by hand would be left out of every migrate without a word: it is refused. */
    @Test
    void aMisnamedMigrationFileIsRefusedNotIgnored() throws Exception {
        Path migrations = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": []}");
        Files.writeString(migrations.resolve("0002_AddBooks.json"),
                "{\"dependencies\": [\"0001_initial\"], \"operations\": []}");
        Files.writeString(migrations.resolve("README.txt"), "not a migration");
        MigrationException error = assertThrows(MigrationException.class,
                () -> MigrationLoader.fromDirectory(migrations));
        assertTrue(error.getMessage().contains("0002_AddBooks.json"), error.getMessage());
    }

    /** Past 9999 the number grows a digit (as Django's): 10000_more is written, loaded and numbered after 9999. */
    @Test
    void theTenThousandthMigrationIsNumberedWrittenAndLoaded() throws Exception {
        Path migrations = Files.createDirectories(directory.resolve("tenthousand"));
        Files.writeString(migrations.resolve("9999_last_four_digit.json"), "{\"dependencies\": [], \"operations\": []}");
        MakeMigrations.Result result = new MakeMigrations(migrations, List.of(), new NonInteractiveQuestioner())
                .write(null, true);
        assertEquals("10000_empty", result.migration().name());
        assertTrue(Files.exists(migrations.resolve("10000_empty.json")));
        List<Migration> loaded = MigrationLoader.fromDirectory(migrations);
        assertEquals(List.of("9999_last_four_digit", "10000_empty"), loaded.stream().map(Migration::name).toList());
        assertEquals(List.of("9999_last_four_digit"), loaded.get(1).dependencies());
    }

    /** {@code showmigrations 0002} would otherwise quietly show everything: a stray argument is refused. */
    @Test
    void aStrayArgumentIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QuarryCommand command = new QuarryCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        assertEquals(2, command.run(new String[] {"showmigrations", "0002_more", "--url", "jdbc:h2:mem:stray"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("showmigrations takes no argument"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, command.run(new String[] {"makemigrations", "oops", "--dry-run"}));
    }

    /** sqlmigrate prints a data migration as a comment, its class needed neither forwards nor backwards. */
    @Test
    void sqlmigrateOfADataMigrationNeedsNotItsClass() {
        Migration migration = new Migration("0001_data", List.of(),
                List.of(new dev.quarry.migrations.operations.RunJava("com.example.NotOnTheClassPath")), "x");
        Migrator migrator = new Migrator(Database.h2InMemory(), List.of(migration));
        assertEquals(List.of("-- RunJava com.example.NotOnTheClassPath.forwards (code, no SQL)"),
                migrator.sql("0001_data", false));
        assertEquals(List.of("-- RunJava com.example.NotOnTheClassPath.backwards (code, no SQL)"),
                migrator.sql("0001_data", true));
    }
}
