package dev.quarry.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.migrations.autodetect.NonInteractiveQuestioner;
import dev.quarry.migrations.operations.RunSql;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files found in directories and jars of the class path, in name order, and refused when malformed. */
class MigrationLoaderTest {
    @TempDir
    Path temp;

    private static final Migration FIRST = new Migration("0001_initial", List.of(),
            List.of(new RunSql(List.of("SELECT 1"), List.of())), "");
    private static final Migration SECOND = new Migration("0002_more", List.of("0001_initial"),
            List.of(new RunSql(List.of("SELECT 2"), null)), "");

    @Test
    void migrationsAreReadFromAJarOnTheClassPath() throws IOException {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // directory entries, as the jar and Gradle's Jar tasks write them: how the directory is found
            out.putNextEntry(new JarEntry("quarry/"));
            out.putNextEntry(new JarEntry(MigrationLoader.RESOURCE_DIRECTORY + "/"));
            for (Migration migration : List.of(SECOND, FIRST)) {
                out.putNextEntry(new JarEntry(MigrationLoader.RESOURCE_DIRECTORY + "/" + migration.name() + ".json"));
                out.write(migration.toJson().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(MigrationLoader.RESOURCE_DIRECTORY + "/README.txt"));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Migration> found = MigrationLoader.fromClassPath(loader);
            assertEquals(List.of("0001_initial", "0002_more"), found.stream().map(Migration::name).toList());
            assertEquals(SECOND.operations(), found.get(1).operations());
            assertEquals(Migration.checksum(SECOND.toJson()), found.get(1).checksum());
        }
    }

    @Test
    void migrationsAreReadFromADirectoryOnTheClassPath() throws IOException {
        Path root = temp.resolve("classes");
        MigrationLoader.write(root.resolve(MigrationLoader.RESOURCE_DIRECTORY), FIRST);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertEquals(List.of("0001_initial"), MigrationLoader.fromClassPath(loader).stream()
                    .map(Migration::name).toList());
        }
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameAndPosition() throws IOException {
        Path directory = temp.resolve("migrations");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("0001_broken.json"), "{\n  \"dependencies\": [],\n  \"operations\": [,]\n}");
        MigrationException error = assertThrows(MigrationException.class, () -> MigrationLoader.fromDirectory(directory));
        assertTrue(error.getMessage().contains("0001_broken") && error.getMessage().contains("line 3"),
                error.getMessage());
        Files.writeString(directory.resolve("0001_broken.json"), "{\"dependencies\": [], \"operations\": [{\"op\": "
                + "\"DropEverything\"}]}");
        MigrationException unknown = assertThrows(MigrationException.class,
                () -> MigrationLoader.fromDirectory(directory));
        assertTrue(unknown.getMessage().contains("Unknown operation \"DropEverything\""), unknown.getMessage());
    }

    /** Saved by a Windows editor (a byte-order mark, CRLF): the same migration, with the same checksum. */
    @Test
    void aFileWithAByteOrderMarkAndCrlfIsTheSameMigration() throws IOException {
        Path directory = temp.resolve("windows");
        MigrationLoader.write(directory, FIRST);
        Path file = directory.resolve(FIRST.name() + ".json");
        String original = Files.readString(file);
        Migration written = MigrationLoader.fromDirectory(directory).get(0);
        Files.writeString(file, "\uFEFF" + original.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Migration edited = MigrationLoader.fromDirectory(directory).get(0);
        assertEquals(written.operations(), edited.operations());
        assertEquals(written.checksum(), edited.checksum());
    }

    @Test
    void theGraphOrdersByDependencyAndReportsConflictsAndCycles() {
        Migration branch = new Migration("0002_other", List.of("0001_initial"), List.of(), "");
        MigrationGraph graph = new MigrationGraph(List.of(SECOND, branch, FIRST));
        assertEquals(List.of("0001_initial", "0002_more", "0002_other"),
                graph.ordered().stream().map(Migration::name).toList());
        MigrationException conflict = assertThrows(MigrationException.class, graph::requireOneLeaf);
        assertTrue(conflict.getMessage().contains("makemigrations --merge"), conflict.getMessage());
        Migration loopA = new Migration("0001_a", List.of("0002_b"), List.of(), "");
        Migration loopB = new Migration("0002_b", List.of("0001_a"), List.of(), "");
        assertThrows(MigrationException.class, () -> new MigrationGraph(List.of(loopA, loopB)));
        assertThrows(MigrationException.class, () -> new MigrationGraph(List.of(SECOND)), "a missing dependency");
    }

    /** Two branches that change the same column cannot be merged: the merge would never replay. */
    @Test
    void aMergeOfBranchesThatClashIsRefusedAndNotWritten() throws IOException {
        Path directory = temp.resolve("clash");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("0001_initial.json"), """
                {"dependencies": [], "operations": [{"op": "CreateModel", "model": "Book", "table": "book", "columns": [
                  {"field": "id", "column": "id", "type": "LONG", "primaryKey": true, "generated": true},
                  {"field": "title", "column": "title", "type": "VARCHAR", "maxLength": 100}]}]}
                """);
        Files.writeString(directory.resolve("0002_rename_book_title_name.json"), """
                {"dependencies": ["0001_initial"], "operations": [{"op": "RenameField", "table": "book",
                  "column": "title", "newField": "name", "newColumn": "name"}]}
                """);
        Files.writeString(directory.resolve("0002_widen_title.json"), """
                {"dependencies": ["0001_initial"], "operations": [{"op": "AlterField", "table": "book", "column":
                  {"field": "title", "column": "title", "type": "VARCHAR", "maxLength": 200}}]}
                """);
        MakeMigrations make = new MakeMigrations(directory, List.of(), new NonInteractiveQuestioner());
        // was: 0003_merge written, after which every makemigrations and migrate failed on it
        MigrationException e = assertThrows(MigrationException.class, make::writeMerge);
        assertTrue(e.getMessage().contains("[0002_rename_book_title_name, 0002_widen_title] cannot be merged")
                && e.getMessage().contains("Migration 0002_widen_title, operation 1")
                && e.getMessage().contains("Nothing was written"), e.getMessage());
        try (var files = Files.list(directory)) {
            assertEquals(3, files.count());
        }
    }

    /** A file saved in another encoding than UTF-8 (Latin-1 here) is refused naming it, from a directory or a jar. */
    @Test
    void aFileThatIsNotUtf8IsRefusedNamingIt() throws IOException {
        Path directory = temp.resolve("latin1");
        Files.createDirectories(directory);
        String text = "{\"dependencies\": [], \"operations\": [{\"op\": \"RunSql\", "
                + "\"sql\": [\"SELECT 'caf\u00e9'\"]}]}";
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(directory.resolve("0001_initial.json"), latin1);
        // was: "Cannot read the migrations in <directory>: Input length = 1", naming no file
        MigrationException e = assertThrows(MigrationException.class, () -> MigrationLoader.fromDirectory(directory));
        assertTrue(e.getMessage().contains("0001_initial.json is not UTF-8 text (byte "
                + (text.indexOf('\u00e9') + 1) + " is not)"), e.getMessage());

        Path jar = temp.resolve("latin1.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("quarry/"));
            out.putNextEntry(new JarEntry(MigrationLoader.RESOURCE_DIRECTORY + "/"));
            out.putNextEntry(new JarEntry(MigrationLoader.RESOURCE_DIRECTORY + "/0001_initial.json"));
            out.write(latin1);
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // was: read with a replacement character in the SQL, silently
            MigrationException inJar = assertThrows(MigrationException.class,
                    () -> MigrationLoader.fromClassPath(loader));
            assertTrue(inJar.getMessage().contains("0001_initial.json is not UTF-8 text"), inJar.getMessage());
        }
    }
}
