package dev.quarry.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
