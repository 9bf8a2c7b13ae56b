package dev.quarry.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Django's {@code makemigrations}: compares the project's compiled models with the state its migration files build
 * and writes the difference as a new migration file in the migrations directory. Run it after {@code compile}
 * ({@code mvn compile quarry:makemigrations}): it reads the models' generated classes, not their sources. It asks
 * about renames and NOT NULL columns when Maven runs interactively, and answers no (or stops) in batch mode
 * ({@code -B}) unless answers are given. With {@code check} it writes nothing and fails the build when the models
 * have changes without a migration (for CI; bound to a phase after {@code compile}, e.g. {@code process-classes}).
 */
@Mojo(name = "makemigrations", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MakeMigrationsMojo extends AbstractQuarryMojo {
    /** A name for the migration instead of one made from its operations ({@code 0002_<name>}). */
    @Parameter(property = "quarry.name")
    String name;

    /** Writes nothing; fails the build when the models have changes without a migration. */
    @Parameter(property = "quarry.check", defaultValue = "false")
    boolean check;

    /** Writes nothing; prints the migration that would be written. */
    @Parameter(property = "quarry.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Writes an empty migration, for a data migration or raw SQL written by hand. */
    @Parameter(property = "quarry.empty", defaultValue = "false")
    boolean empty;

    /**
     * Writes a migration that joins the two leaves of a history that forked ({@code name} names it; with
     * {@code dryRun} it is printed, with {@code check} the build fails while the history forks).
     */
    @Parameter(property = "quarry.merge", defaultValue = "false")
    boolean merge;

    /**
     * A file of answers to makemigrations' questions, one a line: {@code rename-model OLD=NEW},
     * {@code rename-field TABLE.OLD=NEW}, {@code no-rename-model OLD=NEW}, {@code no-rename-field TABLE.OLD=NEW},
     * {@code default TABLE.COLUMN=VALUE}, {@code nulls-by-hand TABLE.COLUMN}.
     */
    @Parameter(property = "quarry.answers")
    File answers;

    /** One answer line, as in the answers file. */
    @Parameter(property = "quarry.answer")
    String answer;

    /** Where the processor lists a class path's models (ModelRegistry.INDEX_RESOURCE). */
    static final String MODEL_INDEX = "META-INF/quarry/models";

    /** A project without models or migrations (a library of the build, Quarry's own modules) has none to write. */
    @Override
    String skipReason(ClassLoader loader) {
        if (empty || merge || loader.getResource(MODEL_INDEX) != null || migrationsDirectory.isDirectory()) {
            return null;
        }
        return project.getArtifactId() + " has no models (no " + MODEL_INDEX + " on its class path) and no "
                + "migrations directory " + migrationsDirectory;
    }

    @Override
    void beforeRun() throws MojoExecutionException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            // without the compiled models every table would look deleted
            throw new MojoExecutionException(project.getArtifactId() + " is not compiled (no " + classes + "): "
                    + "makemigrations reads the compiled models, run mvn compile quarry:makemigrations");
        }
        if (newest(project.getCompileSourceRoots(), ".java").compareTo(newest(List.of(classes.toString()),
                ".class")) > 0) {
            getLog().warn("Sources of " + project.getArtifactId() + " changed after the last compile: makemigrations "
                    + "reads the compiled models, run mvn compile quarry:makemigrations to see those changes");
        }
    }

    @Override
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("makemigrations", "--dir",
                migrationsDirectory.getAbsolutePath()));
        addOption(arguments, "name", name);
        addFlag(arguments, "empty", empty);
        addFlag(arguments, "merge", merge);
        addFlag(arguments, "check", check);
        addFlag(arguments, "dry-run", dryRun);
        if (answers != null) {
            addOption(arguments, "answers", answers.getAbsolutePath());
        }
        addOption(arguments, "answer", answer);
        addFlag(arguments, "no-input", !settings.isInteractiveMode());
        return arguments;
    }

    @Override
    MojoFailureException failure() {
        if (merge) {
            return new MojoFailureException("The migration history of " + project.getArtifactId() + " forked: run "
                    + "mvn quarry:makemigrations -Dquarry.merge and commit the new file in " + migrationsDirectory);
        }
        return new MojoFailureException("The models of " + project.getArtifactId() + " have changes without a "
                + "migration: run mvn compile quarry:makemigrations and commit the new file in "
                + migrationsDirectory);
    }

    /** The newest modification time of the files with that ending under the roots (the epoch when none). */
    private static FileTime newest(List<String> roots, String ending) {
        FileTime newest = FileTime.fromMillis(0);
        for (String root : roots) {
            Path path = Path.of(root);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                Optional<FileTime> time = files.filter(f -> f.toString().endsWith(ending)).map(f -> {
                    try {
                        return Files.getLastModifiedTime(f);
                    } catch (IOException e) {
                        return FileTime.fromMillis(0);
                    }
                }).max(FileTime::compareTo);
                if (time.isPresent() && time.get().compareTo(newest) > 0) {
                    newest = time.get();
                }
            } catch (IOException e) {
                // a check for a warning only
            }
        }
        return newest;
    }
}
