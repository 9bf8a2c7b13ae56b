package dev.quarry.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: what it prints, what it writes, its exit status. */
class QuarryCommandTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path migrations;

    @BeforeEach
    void forkedHistory() throws IOException {
        migrations = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": []}");
        Files.writeString(migrations.resolve("0002_left.json"),
                "{\"dependencies\": [\"0001_initial\"], \"operations\": []}");
        Files.writeString(migrations.resolve("0002_right.json"),
                "{\"dependencies\": [\"0001_initial\"], \"operations\": []}");
    }

    private int run(String... args) {
        return new QuarryCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader("")))
                .run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private long files() throws IOException {
        try (Stream<Path> listed = Files.list(migrations)) {
            return listed.count();
        }
    }

    /** makemigrations --merge --dry-run wrote the merge migration all the same. */
    @Test
    void mergeWithDryRunPrintsTheMergeAndWritesNothing() throws IOException {
        assertEquals(0, run("makemigrations", "--merge", "--dry-run", "--dir", migrations.toString()), output());
        assertTrue(output().contains("Would write " + migrations.resolve("0003_merge_0002_0002.json")), output());
        assertTrue(output().contains("\"dependencies\": [\"0002_left\", \"0002_right\"]"), output());
        assertEquals(3, files(), "nothing written");
    }

    /** --check writes nothing either, and says (status 1) that the history needs a merge. */
    @Test
    void mergeWithCheckWritesNothingAndFailsWhileTheHistoryForks() throws IOException {
        assertEquals(1, run("makemigrations", "--merge", "--check", "--dir", migrations.toString()), output());
        assertTrue(output().contains("The history needs a merge"), output());
        assertEquals(3, files(), "nothing written");
    }

    /** --name was ignored by --merge. */
    @Test
    void mergeTakesTheNameGiven() {
        assertEquals(0, run("makemigrations", "--merge", "--name", "join_branches", "--dir", migrations.toString()),
                output());
        assertTrue(Files.exists(migrations.resolve("0003_join_branches.json")), output());
        assertEquals(0, run("makemigrations", "--merge", "--check", "--dir", migrations.toString()), output());
        assertTrue(output().contains("Nothing to merge"), output());
    }

    /** A URL no driver takes was "Cannot connect to detect the database type: No suitable driver found for ...". */
    @Test
    void aUrlNoDriverTakesIsExplainedWithTheUrlAndItsPasswordHidden() {
        assertEquals(2, run("migrate", "--url", "jdbc:nosuch://db.example/app?user=app&password=secret", "--dir",
                migrations.toString()));
        assertTrue(output().contains("Cannot connect to jdbc:nosuch://db.example/app?user=app&password=****: "),
                output());
        assertTrue(output().contains("No JDBC driver on the class path takes this URL"), output());
        assertFalse(output().contains("secret"), output());
        assertFalse(output().contains("\tat "), "no stack trace: " + output());
    }

    /** A server that is not there: the URL and what to check, no stack trace. */
    @Test
    void anUnreachableServerIsExplainedWithTheUrl() {
        assertEquals(2, run("showmigrations", "--url", "jdbc:h2:tcp://127.0.0.1:1/nothing", "--user", "sa",
                "--dir", migrations.toString()));
        assertTrue(output().contains("Cannot connect to jdbc:h2:tcp://127.0.0.1:1/nothing as sa: "), output());
        assertTrue(output().contains("that the database server is running and reachable"), output());
        assertFalse(output().contains("\tat "), "no stack trace: " + output());
    }

    @Test
    void passwordsInUrlsAreHidden() {
        assertEquals("jdbc:postgresql://app:****@db/app",
                ConnectionProblem.redacted("jdbc:postgresql://app:pw@db/app"));
        assertEquals("jdbc:sqlserver://db;user=a;password=****;x=1",
                ConnectionProblem.redacted("jdbc:sqlserver://db;user=a;password=pw;x=1"));
    }

    /** sqlmigrate can do without a database: the message says how. */
    @Test
    void sqlmigrateWithoutADatabaseNamesTheDialectOption() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("QUARRY_URL") == null, "QUARRY_URL is set");
        assertEquals(2, run("sqlmigrate", "0001_initial", "--dir", migrations.toString()));
        assertTrue(output().contains("give --url JDBC_URL (or set QUARRY_URL), or --dialect h2|"), output());
    }

    /** As in Django, the start of a name is enough when only one migration starts so ("No migration 0002" before). */
    @Test
    void aMigrationIsNamedByTheStartOfItsName() throws IOException {
        Path linear = Files.createDirectories(directory.resolve("linear"));
        Files.writeString(linear.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": [{\"op\": "
                + "\"RunSql\", \"sql\": [\"CREATE TABLE t (id INT)\"], \"reverseSql\": [\"DROP TABLE t\"]}]}");
        Files.writeString(linear.resolve("0002_more.json"), "{\"dependencies\": [\"0001_initial\"], \"operations\": "
                + "[{\"op\": \"RunSql\", \"sql\": [\"CREATE TABLE u (id INT)\"], "
                + "\"reverseSql\": [\"DROP TABLE u\"]}]}");
        assertEquals(0, run("sqlmigrate", "0002", "--backwards", "--dialect", "h2", "--dir", linear.toString()),
                output());
        assertTrue(output().contains("DROP TABLE u;"), output());
        String url = "jdbc:h2:" + directory.resolve("db");
        assertEquals(0, run("migrate", "--url", url, "--dir", linear.toString()), output());
        assertEquals(0, run("migrate", "0001", "--url", url, "--dir", linear.toString()), output());
        assertTrue(output().contains("Unapply 0002_more"), output());
    }

    /** The start of several names is refused, naming them; nothing is guessed. */
    @Test
    void theStartOfSeveralNamesIsRefused() {
        assertEquals(2, run("sqlmigrate", "0002", "--dialect", "h2", "--dir", migrations.toString()));
        assertTrue(output().contains("More than one migration starts with 0002: [0002_left, 0002_right]"), output());
        assertEquals(2, run("sqlmigrate", "0003", "--dialect", "h2", "--dir", migrations.toString()));
        assertTrue(output().contains("No migration 0003"), output());
    }

    /**
     * An answer that answers no question (a misspelt name) was not reported at all, though the docs said so: the
     * migration was written as if the answer had not been given. Now nothing is written and the line is named.
     */
    @Test
    void anAnswerThatAnswersNoQuestionStopsTheRunBeforeWriting() throws IOException {
        Path history = Files.createDirectories(directory.resolve("history"));
        // the class path has no models: the table is deleted, a change that asks nothing
        Files.writeString(history.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": [{\"op\": "
                + "\"CreateModel\", \"model\": \"Book\", \"table\": \"book\", \"columns\": [{\"field\": \"id\", "
                + "\"column\": \"id\", \"type\": \"LONG\", \"primaryKey\": true, \"generated\": true}]}]}");
        assertEquals(2, run("makemigrations", "--no-input", "--answer", "rename-field book.titel=heading", "--dir",
                history.toString()), output());
        assertTrue(output().contains("Nothing was written: answer line 1: rename-field book.titel=heading answered "
                + "no question"), output());
        assertEquals(List.of("0001_initial.json"), names(history));

        assertEquals(0, run("makemigrations", "--dry-run", "--answer", "rename-field book.titel=heading", "--dir",
                history.toString()), output());
        assertTrue(output().contains("Not used: answer line 1: rename-field book.titel=heading answered no "
                + "question"), output());
        assertTrue(output().contains("Would write"), output());
    }

    /** A missing answers file said "Cannot read the answers file /x: /x". */
    @Test
    void aMissingAnswersFileIsNamed() {
        Path missing = directory.resolve("answers.txt");
        assertEquals(2, run("makemigrations", "--answers", missing.toString(), "--dir", migrations.toString()));
        assertTrue(output().contains("No answers file " + missing.toAbsolutePath()), output());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** migrate --dir with a misspelt directory said "No migrations to apply", status 0. */
    @Test
    void aMissingMigrationsDirectoryIsAnError() {
        Path missing = directory.resolve("migratoins");
        assertEquals(2, run("migrate", "--url", "jdbc:h2:" + directory.resolve("db"), "--dir", missing.toString()));
        assertTrue(output().contains("No migrations directory " + missing.toAbsolutePath()), output());
        assertEquals(2, run("sqlmigrate", "0001_initial", "--dialect", "h2", "--dir", missing.toString()));
    }

    /** With the user in the URL, --password (or QUARRY_PASSWORD) was dropped: the login failed as if it were wrong. */
    @Test
    void aPasswordIsUsedWithTheUserInTheUrl() throws Exception {
        String url = "jdbc:h2:" + directory.resolve("secured");
        try (java.sql.Connection created = java.sql.DriverManager.getConnection(url, "owner", "pw")) {
            created.getMetaData();
        }
        Path linear = Files.createDirectories(directory.resolve("linear"));
        Files.writeString(linear.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": []}");
        assertEquals(0, run("showmigrations", "--url", url + ";USER=owner", "--password", "pw", "--dir",
                linear.toString()), output());
        assertTrue(output().contains("[ ] 0001_initial"), output());
    }

    /** migrate --plan listed a rollback that migrate refuses as if it would run: it marks the irreversible step. */
    @Test
    void thePlanOfARollbackMarksWhatIsIrreversible() throws IOException {
        Path linear = Files.createDirectories(directory.resolve("linear"));
        Files.writeString(linear.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": [{\"op\": "
                + "\"RunSql\", \"sql\": [\"CREATE TABLE t (id INT)\"]}]}");
        String url = "jdbc:h2:" + directory.resolve("db");
        assertEquals(0, run("migrate", "--url", url, "--dir", linear.toString()), output());
        assertEquals(0, run("migrate", "zero", "--plan", "--url", url, "--dir", linear.toString()), output());
        assertTrue(output().contains("  Unapply 0001_initial (IRREVERSIBLE: operation 1 (Run SQL (1 statement)) is "
                + "irreversible; migrate would refuse this rollback, --fake would not)"), output());
        assertEquals(2, run("migrate", "zero", "--url", url, "--dir", linear.toString()), output());
        assertTrue(output().contains("Cannot roll back 0001_initial: operation 1 (Run SQL (1 statement)) is "
                + "irreversible. Nothing was changed."), output());
    }

    /**
     * sqlmigrate's SQLite statements left out what migrate runs around them (foreign keys off): run by hand, a table
     * rebuild could cascade into other tables. The output says so first; other databases' output is unchanged.
     */
    @Test
    void sqliteSqlSaysWhatMigrateRunsAroundIt() throws IOException {
        Path linear = Files.createDirectories(directory.resolve("linear"));
        Files.writeString(linear.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": [{\"op\": "
                + "\"RunSql\", \"sql\": [\"CREATE TABLE t (id INT)\"], \"reverseSql\": [\"DROP TABLE t\"]}]}");
        assertEquals(0, run("sqlmigrate", "0001_initial", "--dialect", "sqlite", "--dir", linear.toString()),
                output());
        assertEquals(QuarryCommand.SQLITE_NOTE + System.lineSeparator() + "CREATE TABLE t (id INT);"
                + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("sqlmigrate", "0001_initial", "--dialect", "postgresql", "--dir", linear.toString()));
        assertEquals("CREATE TABLE t (id INT);" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    /**
     * makemigrations run from another working directory (the default --dir is relative) wrote a second 0001_initial
     * although the class path had the application's migrations.
     */
    @Test
    void aDirectoryWithoutTheMigrationsOfTheClassPathIsRefused() throws IOException {
        Path classes = directory.resolve("classes");
        Files.createDirectories(classes.resolve("quarry/migrations"));
        Files.copy(migrations.resolve("0001_initial.json"), classes.resolve("quarry/migrations/0001_initial.json"));
        Path elsewhere = directory.resolve("elsewhere");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(application);
            assertEquals(2, run("makemigrations", "--empty", "--dir", elsewhere.toString()), output());
            assertTrue(output().contains("No migrations in " + elsewhere.toAbsolutePath() + ", but the class path "
                    + "has migrations in [" + classes.toUri().toURL() + "quarry/migrations]"), output());
            assertFalse(Files.exists(elsewhere), "nothing written");

            out.reset();
            err.reset();
            Path linear = Files.createDirectories(directory.resolve("linear"));
            Files.copy(migrations.resolve("0001_initial.json"), linear.resolve("0001_initial.json"));
            assertEquals(0, run("makemigrations", "--empty", "--dir", linear.toString()), output());
            assertTrue(Files.exists(linear.resolve("0002_empty.json")), "the directory with migrations is used");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
