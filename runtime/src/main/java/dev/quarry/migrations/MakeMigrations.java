package dev.quarry.migrations;

import dev.quarry.meta.ModelMeta;
import dev.quarry.migrations.autodetect.Autodetector;
import dev.quarry.migrations.autodetect.MigrationNames;
import dev.quarry.migrations.autodetect.Questioner;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.state.ProjectState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Django's {@code makemigrations}: compares the models with the state the existing migration files build and
 * writes the difference as a new migration file, numbered after the last and depending on it. The same models and
 * files always give the same file, byte for byte.
 */
public final class MakeMigrations {
    private final Path directory;
    private final List<? extends ModelMeta<?>> models;
    private final Questioner questioner;

    /**
     * @param directory the migrations directory ({@code src/main/resources/quarry/migrations})
     * @param models every model and join table ({@code ModelRegistry.all(loader)})
     */
    public MakeMigrations(Path directory, List<? extends ModelMeta<?>> models, Questioner questioner) {
        this.directory = directory;
        this.models = models;
        this.questioner = questioner;
    }

    /** What makemigrations found: the new migration (null when nothing changed), and its operations described. */
    public record Result(Migration migration, List<String> descriptions) {
        public boolean changed() {
            return migration != null;
        }
    }

    /**
     * The migration the model changes need, not written.
     *
     * @param name a custom name, or null for one made from the operations
     * @param empty an empty migration whatever the models say (for a data migration or raw SQL to write by hand)
     */
    public Result detect(String name, boolean empty) {
        if (name != null) {
            MigrationNames.checkCustomName(name); // also when nothing changed: a bad name must not wait for a change
        }
        MigrationGraph graph = new MigrationGraph(MigrationLoader.fromDirectory(directory));
        graph.requireOneLeaf();
        List<Operation> operations = empty ? List.of()
                : Autodetector.changes(graph.finalState(), ProjectState.of(models), questioner);
        if (operations.isEmpty() && !empty) {
            return new Result(null, List.of());
        }
        return new Result(newMigration(graph, operations, name), operations.stream().map(Operation::describe)
                .toList());
    }

    /** Detects and writes the migration; returns what was written (nothing when no change was found). */
    public Result write(String name, boolean empty) {
        Result result = detect(name, empty);
        if (result.changed()) {
            MigrationLoader.write(directory, result.migration());
        }
        return result;
    }

    /**
     * A migration that joins the leaves of a history that forked (two branches each added a migration): Django's
     * {@code makemigrations --merge}, not written. Null when there is nothing to merge.
     *
     * @param name a custom name, or null for {@code merge_} and the leaves' numbers
     */
    public Migration merge(String name) {
        MigrationGraph graph = new MigrationGraph(MigrationLoader.fromDirectory(directory));
        List<Migration> leaves = graph.leaves();
        if (leaves.size() < 2) {
            return null;
        }
        List<String> dependencies = leaves.stream().map(Migration::name).toList();
        requireReplayable(graph, dependencies);
        // the leaves' numbers, whole: 10000_x is 10000, not its first four digits
        String merged = MigrationNames.name(nextNumber(graph), List.of(), name != null ? name : "merge_"
                + String.join("_", dependencies.stream().map(n -> n.substring(0, n.indexOf('_'))).toList()));
        return migration(merged, dependencies, List.of());
    }

    /** {@link #merge} written to the migrations directory; null when there is nothing to merge. */
    public Migration writeMerge(String name) {
        Migration merge = merge(name);
        if (merge != null) {
            MigrationLoader.write(directory, merge);
        }
        return merge;
    }

    /** {@link #writeMerge(String)} with the name made from the leaves' numbers. */
    public Migration writeMerge() {
        return writeMerge(null);
    }

    /**
     * The branches, replayed in the order migrate applies them, must build a state: a merge of branches that change
     * the same field (one renames it, the other alters it, say) would stop every later makemigrations and migrate.
     */
    private static void requireReplayable(MigrationGraph graph, List<String> leaves) {
        try {
            graph.finalState();
        } catch (MigrationException clash) {
            throw new MigrationException("The migrations " + leaves + " cannot be merged: applied one after the "
                    + "other, as migrate would apply them, they clash. " + clash.getMessage() + ". Change the branch "
                    + "that is not applied anywhere yet so that it no longer touches what the other changes, then "
                    + "run makemigrations --merge again. Nothing was written.", clash);
        }
    }

    private Migration newMigration(MigrationGraph graph, List<Operation> operations, String name) {
        List<String> dependencies = new ArrayList<>();
        graph.leaves().forEach(leaf -> dependencies.add(leaf.name()));
        return migration(MigrationNames.name(nextNumber(graph), operations, name), dependencies, operations);
    }

    private static Migration migration(String name, List<String> dependencies, List<Operation> operations) {
        String text = new Migration(name, dependencies, operations, "").toJson();
        return new Migration(name, dependencies, operations, Migration.checksum(text));
    }

    private static int nextNumber(MigrationGraph graph) {
        int last = 0;
        for (Migration migration : graph.ordered()) {
            last = Math.max(last, MigrationNames.number(migration.name()));
        }
        return last + 1;
    }
}
