package dev.quarry.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeMigrationsMojoTest {
    @TempDir
    Path dir;
    Path migrations;
    Goals goals;

    @BeforeEach
    void setUp() {
        migrations = dir.resolve("src/main/resources/quarry/migrations");
        goals = new Goals(migrations);
    }

    @Test
    void writesTheInitialMigrationFromTheCompiledModelsThenFindsNoChanges() throws Exception {
        goals.makemigrations().execute();
        assertEquals(List.of("0001_initial.json"), files());
        assertEquals(List.of("Wrote " + migrations.resolve("0001_initial.json"), "  - Create model Widget (table "
                + "widget)"), goals.log.at("INFO"));
        assertTrue(read("0001_initial.json").contains("\"op\": \"CreateModel\""));
        // the command line it ran: batch mode answers no questions
        assertTrue(goals.log.at("DEBUG").contains("QuarryCommand makemigrations --dir " + migrations.toAbsolutePath()
                + " --no-input"), goals.log.lines::toString);

        Goals again = new Goals(migrations);
        again.makemigrations().execute();
        assertEquals(List.of("No changes detected"), again.log.at("INFO"));
        MakeMigrationsMojo check = again.makemigrations();
        check.check = true;
        check.execute();
        assertEquals(List.of("0001_initial.json"), files());
    }

    @Test
    void checkFailsTheBuildWhenTheModelsHaveChangesWithoutAMigration() throws Exception {
        MakeMigrationsMojo check = goals.makemigrations();
        check.check = true;
        MojoFailureException failure = assertThrows(MojoFailureException.class, check::execute);
        assertTrue(failure.getMessage().startsWith("The models of widgets have changes without a migration: run "
                + "mvn compile quarry:makemigrations"), failure::getMessage);
        assertEquals(List.of("Changes without a migration: " + migrations.resolve("0001_initial.json"),
                "  - Create model Widget (table widget)"), goals.log.at("INFO"));
        assertFalse(Files.exists(migrations), "nothing written");
    }

    @Test
    void dryRunPrintsTheMigrationAndWritesNothing() throws Exception {
        MakeMigrationsMojo dryRun = goals.makemigrations();
        dryRun.dryRun = true;
        dryRun.execute();
        String out = goals.log.text("INFO");
        assertTrue(out.startsWith("Would write " + migrations.resolve("0001_initial.json")), out);
        assertTrue(out.contains("\"op\": \"CreateModel\""), out);
        assertFalse(Files.exists(migrations));
    }

    @Test
    void anEmptyMigrationWithAName() throws Exception {
        goals.makemigrations().execute();
        MakeMigrationsMojo empty = goals.makemigrations();
        empty.empty = true;
        empty.name = "seed_widgets";
        empty.execute();
        assertEquals(List.of("0001_initial.json", "0002_seed_widgets.json"), files());
        assertTrue(read("0002_seed_widgets.json").contains("\"0001_initial\""));
    }

    @Test
    void interactiveMavenAsksAboutARenameAndWritesTheAnswer() throws Exception {
        renamedModelInHistory();
        goals.interactive = true;
        goals.input = "y\n";
        goals.makemigrations().execute();
        List<String> out = goals.log.at("INFO");
        // the prompt is shown before the answer is read, though the line is not finished
        assertTrue(out.contains("Rename gadget to widget? [y/n] "), out::toString);
        assertTrue(goals.log.at("DEBUG").stream().noneMatch(l -> l.contains("--no-input")));
        assertEquals(List.of("0001_initial.json", "0002_rename_gadget_widget.json"), files(), out::toString);
        assertTrue(read("0002_rename_gadget_widget.json").contains("\"op\": \"RenameModel\""));
    }

    /** A dry run shows the file a run would write: it asks as the run would (it said "Not asked", dropping). */
    @Test
    void interactiveDryRunAsksAsTheRunWouldAndWritesNothing() throws Exception {
        renamedModelInHistory();
        goals.interactive = true;
        goals.input = "y\n";
        MakeMigrationsMojo dryRun = goals.makemigrations();
        dryRun.dryRun = true;
        dryRun.execute();
        List<String> out = goals.log.at("INFO");
        assertTrue(out.contains("Rename gadget to widget? [y/n] "), out::toString);
        assertTrue(out.contains("Would write " + migrations.resolve("0002_rename_gadget_widget.json")),
                out::toString);
        assertEquals("", goals.log.text("WARN"));
        assertEquals(List.of("0001_initial.json"), files());
    }

    @Test
    void interactiveRunStopsWhenTheInputEnds() throws Exception {
        renamedModelInHistory();
        goals.interactive = true;
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> goals.makemigrations().execute());
        assertTrue(error.getMessage().contains("the input ended before an answer; nothing was written"),
                error::getMessage);
        assertEquals(List.of("0001_initial.json"), files());
    }

    @Test
    void batchModeAnswersNoToARenameAndSaysSo() throws Exception {
        renamedModelInHistory();
        goals.makemigrations().execute();
        String notes = goals.log.text("WARN");
        assertTrue(notes.startsWith("Not asked (non-interactive): Gadget (table gadget) may have been renamed to "
                + "Widget (table widget); answered no, so table gadget is DROPPED"), notes);
        assertTrue(notes.contains("answer \"rename-model gadget=widget\""), notes);
        assertEquals(2, files().size());
        String written = read(files().get(1));
        assertTrue(written.contains("\"op\": \"DeleteModel\"") && written.contains("\"op\": \"CreateModel\""),
                written);
    }

    @Test
    void anAnswerLineOrAnAnswersFileAnswersInBatchMode() throws Exception {
        renamedModelInHistory();
        MakeMigrationsMojo dryRun = goals.makemigrations();
        dryRun.answer = "rename-model gadget=widget";
        dryRun.dryRun = true;
        dryRun.execute();
        assertTrue(goals.log.text("INFO").contains("\"op\": \"RenameModel\""));

        Path answers = Files.writeString(dir.resolve("answers.txt"), "rename-model gadget=widget\n");
        MakeMigrationsMojo fromFile = goals.makemigrations();
        fromFile.answers = answers.toFile();
        fromFile.execute();
        assertEquals(List.of("0001_initial.json", "0002_rename_gadget_widget.json"), files());
        assertEquals("", goals.log.text("WARN"));
    }

    @Test
    void twoLeavesAreRefusedUntilMerged() throws Exception {
        goals.makemigrations().execute();
        MakeMigrationsMojo empty = goals.makemigrations();
        empty.empty = true;
        empty.name = "first_branch";
        empty.execute();
        Files.copy(migrations.resolve("0002_first_branch.json"), migrations.resolve("0002_second_branch.json"));

        MojoExecutionException conflict = assertThrows(MojoExecutionException.class,
                () -> goals.makemigrations().execute());
        assertTrue(conflict.getMessage().contains("0002_first_branch") && conflict.getMessage().contains("merge"),
                conflict::getMessage);

        MakeMigrationsMojo checkMerge = goals.makemigrations();
        checkMerge.merge = true;
        checkMerge.check = true;
        MojoFailureException forked = assertThrows(MojoFailureException.class, checkMerge::execute);
        assertTrue(forked.getMessage().contains("-Dquarry.merge"), forked::getMessage);
        assertEquals(3, files().size(), "-Dquarry.check writes no merge: " + files());

        MakeMigrationsMojo merge = goals.makemigrations();
        merge.merge = true;
        merge.execute();
        assertEquals(4, files().size(), files()::toString);
        assertTrue(files().get(3).startsWith("0003_merge"), files()::toString);
        goals.makemigrations().execute(); // one leaf again
    }

    @Test
    void refusesToRunBeforeTheModelsAreCompiled() {
        goals.outputDirectory = dir.resolve("target/classes").toString();
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> goals.makemigrations().execute());
        assertEquals("widgets is not compiled (no " + dir.resolve("target/classes") + "): makemigrations reads the "
                + "compiled models, run mvn compile quarry:makemigrations", error.getMessage());
        assertFalse(Files.exists(migrations));
    }

    @Test
    void warnsWhenSourcesAreNewerThanTheClasses() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/main/java"));
        Files.writeString(sources.resolve("Widget.java"), "// changed after the compile");
        MakeMigrationsMojo mojo = goals.makemigrations();
        mojo.project.addCompileSourceRoot(sources.toString());
        mojo.execute();
        assertTrue(goals.log.text("WARN").startsWith("Sources of widgets changed after the last compile"),
                goals.log.lines::toString);
    }

    @Test
    void skipsProjectsWithoutQuarryOrModelsAndPomProjects() throws Exception {
        goals.classPath = List.of(Goals.location(org.h2.Driver.class));
        goals.makemigrations().execute();
        assertEquals(List.of("Skipped: widgets does not depend on quarry-runtime"), goals.log.at("INFO"));

        Goals library = new Goals(migrations);
        library.classPath = List.of(Goals.location(dev.quarry.migrations.cli.QuarryCommand.class));
        library.makemigrations().execute();
        assertEquals(List.of("Skipped: widgets has no models (no META-INF/quarry/models on its class path) and no "
                + "migrations directory " + migrations), library.log.at("INFO"));

        Goals parent = new Goals(migrations);
        parent.packaging = "pom";
        parent.makemigrations().execute();
        MakeMigrationsMojo skipped = goals.makemigrations();
        skipped.skip = true;
        skipped.execute();
        assertEquals(List.of(), parent.log.at("INFO"));
        assertFalse(Files.exists(migrations));
    }

    @Test
    void theThreadsContextClassLoaderIsRestored() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        goals.makemigrations().execute();
        assertSame(before, Thread.currentThread().getContextClassLoader());
        assertThrows(MojoExecutionException.class, () -> goals.sqlmigrate("9999_missing").execute());
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    /** A history whose one model is Gadget (table gadget), with Widget's columns: a rename candidate. */
    private void renamedModelInHistory() throws Exception {
        new Goals(migrations).makemigrations().execute();
        Path initial = migrations.resolve("0001_initial.json");
        Files.writeString(initial, Files.readString(initial).replace("\"Widget\"", "\"Gadget\"")
                .replace("\"widget\"", "\"gadget\""));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(migrations.resolve(file), StandardCharsets.UTF_8);
    }
}
