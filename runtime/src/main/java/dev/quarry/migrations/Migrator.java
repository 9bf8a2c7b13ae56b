package dev.quarry.migrations;

import dev.quarry.Database;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RunJava;
import dev.quarry.migrations.operations.SchemaChange;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.schema.MigrationForeignKeys;
import dev.quarry.schema.SchemaStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's {@code migrate}: applies the pending migrations in dependency order (or rolls back to a named migration,
 * or to {@link #ZERO}), each in its own transaction where the database's DDL is transactional, recording each in
 * the history table, under a lock so that concurrent runs apply each migration exactly once.
 */
public final class Migrator {
    /** The target that rolls every migration back. */
    public static final String ZERO = "zero";

    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);

    private final Database db;
    private final MigrationGraph graph;
    private final MigrationHistory history;

    public Migrator(Database db, List<Migration> migrations) {
        this.db = db;
        this.graph = new MigrationGraph(migrations);
        this.history = new MigrationHistory(db);
    }

    /** The migrations of the class path ({@value MigrationLoader#RESOURCE_DIRECTORY}). */
    public static Migrator fromClassPath(Database db, ClassLoader loader) {
        return new Migrator(db, MigrationLoader.fromClassPath(loader));
    }

    /** One migration to apply or roll back. */
    public record Step(Migration migration, boolean backwards) {
        @Override
        public String toString() {
            return (backwards ? "Unapply " : "Apply ") + migration.name();
        }
    }

    /**
     * A migration and whether it is applied ({@code showmigrations}).
     *
     * @param problem why migrate would refuse to run while the history says this (the file changed after it was
     *     applied, or the file of an applied migration is gone), else null
     */
    public record Status(String name, boolean applied, String appliedAt, String problem) {
        @Override
        public String toString() {
            return (applied ? "[X] " : "[ ] ") + name + (applied ? " (applied " + appliedAt + ")" : "")
                    + (problem == null ? "" : " ! " + problem);
        }
    }

    /**
     * Every migration, applied or not, in order; then the applied migrations whose file is gone. Nothing is
     * created: on a database without the history table, every migration is pending.
     */
    public List<Status> status() {
        Map<String, MigrationHistory.Applied> applied = new LinkedHashMap<>(history.appliedIfAny());
        List<Status> statuses = new ArrayList<>();
        for (Migration migration : graph.ordered()) {
            MigrationHistory.Applied row = applied.remove(migration.name());
            if (row == null) {
                statuses.add(new Status(migration.name(), false, null, null));
            } else {
                String problem = migration.checksum().equals(row.checksum()) ? null
                        : "changed after it was applied (checksum " + row.checksum() + " then, "
                                + migration.checksum() + " now): restore the file, migrate refuses to run until then";
                statuses.add(new Status(migration.name(), true, row.appliedAt(), problem));
            }
        }
        for (MigrationHistory.Applied gone : applied.values()) {
            statuses.add(new Status(gone.name(), true, gone.appliedAt(),
                    "its file is gone: restore it, migrate refuses to run until then"));
        }
        return statuses;
    }

    /** What {@link #migrate} would do ({@code migrate --plan}), nothing changed. */
    public List<Step> plan(String target) {
        Map<String, MigrationHistory.Applied> applied = history.appliedIfAny();
        checkHistory(applied);
        return plan(target, applied.keySet());
    }

    /** Applies the pending migrations (target null: all of them) or rolls back to {@code target}. */
    public List<Step> migrate(String target) {
        return migrate(target, false);
    }

    /**
     * As {@link #migrate(String)}; with {@code fake} the history is updated without running the operations
     * ({@code migrate --fake}: for a schema changed by hand).
     */
    public List<Step> migrate(String target, boolean fake) {
        if (db.executor().inTransaction()) {
            throw new MigrationException("migrate cannot run inside atomic(...): it runs each migration in a "
                    + "transaction of its own");
        }
        // One connection for the whole run: the lock is a session lock on PostgreSQL and MariaDB, and a pool of
        // one connection must not wait for a second while the lock holds the first.
        try (Connection connection = db.executor().dataSource().getConnection()) {
            connection.setAutoCommit(true);
            return db.executor().pinned(connection, () -> migrateLocked(target, fake));
        } catch (SQLException e) {
            throw new MigrationException("Cannot get a connection to migrate: " + e.getMessage(), e);
        }
    }

    private List<Step> migrateLocked(String target, boolean fake) {
        history.ensureTable();
        try (MigrationLock lock = MigrationLock.acquire(db, history, LOCK_TIMEOUT)) {
            Map<String, MigrationHistory.Applied> applied = history.applied(); // read under the lock
            checkHistory(applied);
            List<Step> steps = plan(target, applied.keySet());
            if (!fake) {
                // --fake runs no operation: it records a rollback made by hand
                requireReversible(steps, applied.keySet());
            }
            Set<String> done = new HashSet<>(applied.keySet());
            ReplayedStates states = new ReplayedStates();
            for (Step step : steps) {
                if (fake) {
                    record(step);
                } else {
                    run(step, stateBefore(step, done, states));
                }
                track(step, done);
            }
            return steps;
        }
    }

    /** The SQL of one migration for this database, forwards or backwards ({@code sqlmigrate}). */
    public List<String> sql(String name, boolean backwards) {
        Migration migration = graph.get(name);
        ProjectState before = stateBefore(migration);
        Collecting collecting = new Collecting(new SchemaStatements(db.dialect()));
        if (backwards) {
            List<ProjectState> states = statesBeforeEach(migration, before);
            List<Operation> operations = migration.operations();
            for (int i = operations.size() - 1; i >= 0; i--) {
                Operation operation = operations.get(i);
                // a data migration's class may not be on the class path of sqlmigrate: it is printed as a comment
                if (!(operation instanceof RunJava) && !operation.reversible(states.get(i))) {
                    collecting.execute(List.of("-- irreversible: " + operation.describe()));
                } else {
                    operation.backwards(collecting, states.get(i));
                }
            }
        } else {
            List<ProjectState> states = statesBeforeEach(migration, before);
            for (int i = 0; i < states.size(); i++) {
                migration.operations().get(i).forwards(collecting, states.get(i));
            }
        }
        return collecting.statements;
    }

    private List<Step> plan(String target, Set<String> applied) {
        List<Step> steps = new ArrayList<>();
        if (ZERO.equals(target)) {
            List<Migration> reversed = new ArrayList<>(graph.ordered());
            java.util.Collections.reverse(reversed);
            for (Migration migration : reversed) {
                if (applied.contains(migration.name())) {
                    steps.add(new Step(migration, true));
                }
            }
            return steps;
        }
        List<Migration> wanted;
        if (target == null) {
            graph.requireOneLeaf();
            wanted = graph.ordered();
        } else {
            wanted = graph.upTo(target);
        }
        Set<String> keep = new HashSet<>();
        wanted.forEach(m -> keep.add(m.name()));
        if (target != null) {
            // rolling back to target: what is applied beyond it goes, the last applied first
            List<Migration> reversed = new ArrayList<>(graph.ordered());
            java.util.Collections.reverse(reversed);
            for (Migration migration : reversed) {
                if (applied.contains(migration.name()) && !keep.contains(migration.name())) {
                    steps.add(new Step(migration, true));
                }
            }
        }
        for (Migration migration : wanted) {
            if (!applied.contains(migration.name())) {
                steps.add(new Step(migration, false));
            }
        }
        return steps;
    }

    /** Applied migrations must still be there, unchanged. */
    private void checkHistory(Map<String, MigrationHistory.Applied> applied) {
        for (MigrationHistory.Applied row : applied.values()) {
            Migration migration;
            try {
                migration = graph.get(row.name());
            } catch (MigrationException missing) {
                throw new MigrationException("Migration " + row.name() + " is applied to this database (history "
                        + "table " + MigrationHistory.TABLE + ") but its file is gone: restore it", missing);
            }
            if (!migration.checksum().equals(row.checksum())) {
                throw new MigrationException("Migration " + row.name() + " was changed after it was applied to this "
                        + "database (checksum " + row.checksum() + " then, " + migration.checksum() + " now). A "
                        + "migration that ran must not change: restore the file and put the change in a new "
                        + "migration (makemigrations)");
            }
        }
    }

    /** An irreversible operation stops a rollback before anything changes. */
    private void requireReversible(List<Step> steps, Set<String> applied) {
        Map<Step, String> irreversible = irreversible(steps, applied);
        if (!irreversible.isEmpty()) {
            Map.Entry<Step, String> first = irreversible.entrySet().iterator().next();
            throw new MigrationException("Cannot roll back " + first.getKey().migration().name() + ": "
                    + first.getValue() + ". Nothing was changed.");
        }
    }

    /**
     * The steps of a plan (from {@link #plan(String)}) that cannot run, each with why
     * ({@code operation 1 (Run SQL (1 statement)) is irreversible}): what {@code migrate --plan} shows with them.
     * Only rollback steps can be irreversible.
     */
    public Map<Step, String> irreversible(List<Step> plan) {
        return irreversible(plan, history.appliedIfAny().keySet());
    }

    private Map<Step, String> irreversible(List<Step> steps, Set<String> applied) {
        Map<Step, String> irreversible = new LinkedHashMap<>();
        Set<String> done = new HashSet<>(applied);
        ReplayedStates states = new ReplayedStates();
        for (Step step : steps) {
            if (step.backwards()) {
                String why = irreversible(step.migration(), stateBefore(step, done, states));
                if (why != null) {
                    irreversible.put(step, why);
                }
            }
            track(step, done);
        }
        return irreversible;
    }

    private static String irreversible(Migration migration, ProjectState before) {
        List<ProjectState> states = statesBeforeEach(migration, before);
        for (int i = 0; i < migration.operations().size(); i++) {
            Operation operation = migration.operations().get(i);
            if (!operation.reversible(states.get(i))) {
                return "operation " + (i + 1) + " (" + operation.describe() + ") is irreversible";
            }
        }
        return null;
    }

    private void run(Step step, ProjectState before) {
        Migration migration = step.migration();
        List<ProjectState> states = statesBeforeEach(migration, before);
        Running running = new Running(db, new SchemaStatements(db.dialect()));
        MigrationForeignKeys foreignKeys = MigrationForeignKeys.of(db);
        Runnable work = () -> {
            List<Operation> operations = migration.operations();
            if (step.backwards()) {
                for (int i = operations.size() - 1; i >= 0; i--) {
                    running.operation = operations.get(i);
                    operations.get(i).backwards(running, states.get(i));
                }
            } else {
                for (int i = 0; i < operations.size(); i++) {
                    running.operation = operations.get(i);
                    operations.get(i).forwards(running, states.get(i));
                }
            }
            running.operation = null;
            running.checking = true;
            foreignKeys.check();
            running.checking = false;
            running.recording = true;
            record(step);
        };
        if (db.dialect().supportsTransactionalDdl()) {
            try {
                foreignKeys.around(() -> db.atomic(work));
            } catch (RuntimeException e) { // a statement, or the code of a data migration
                throw new MigrationException(step + " failed " + running.where() + ": " + e.getMessage() + ". Its "
                        + "transaction was rolled back: the database and the history are as they were before it", e);
            }
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            throw running.recording ? notRecorded(step, e) : failedMidway(step, running, e);
        }
    }

    /** Non-transactional DDL: what stayed applied, and how to recover. */
    private MigrationException failedMidway(Step step, Running running, RuntimeException e) {
        String name = step.migration().name();
        String recover = step.backwards()
                ? "\nThe history table still lists " + name + " as applied. To recover, redo those statements by "
                        + "hand and run migrate again, or complete the rollback by hand and delete its row: DELETE "
                        + "FROM " + MigrationHistory.TABLE + " WHERE name = '" + name + "'."
                : "\nThe history table does not record " + name + ". To recover, undo those statements by hand and "
                        + "run migrate again, or complete the migration by hand and record it with migrate --fake "
                        + name + ".";
        return new MigrationException(step + " failed " + running.where()
                + (running.current == null ? "" : " at the statement\n    " + running.current) + "\n"
                + e.getMessage() + "\n" + db.dialect().name()
                + " cannot roll DDL back, so the statements before it stay applied"
                + (running.done.isEmpty() ? " (there were none)" : ":\n    " + String.join(";\n    ",
                        running.done)) + recover, e);
    }

    /** Non-transactional DDL: every operation ran, only the history's row is not written (or not deleted). */
    private MigrationException notRecorded(Step step, RuntimeException e) {
        String name = step.migration().name();
        String fix = step.backwards()
                ? "delete its row: DELETE FROM " + MigrationHistory.TABLE + " WHERE name = '" + name + "'"
                : "record it with migrate --fake " + name;
        return new MigrationException(step + ": every operation ran, but recording it in the history table "
                + MigrationHistory.TABLE + " failed: " + e.getMessage() + "\nThe schema is " + (step.backwards()
                        ? "rolled back" : "migrated") + " and the history does not say so. Once the history table "
                + "is writable, " + fix + ", rather than running " + name + " again.", e);
    }

    private void record(Step step) {
        if (step.backwards()) {
            history.recordUnapplied(step.migration());
        } else {
            history.recordApplied(step.migration());
        }
    }

    /**
     * The schema a step runs on: every migration applied at that moment, in the graph's order, the step's own
     * migration aside. Not only the migration's dependencies: after a merge, a migration of one branch runs on the
     * changes of the other (a SQLite table rebuild from its dependencies' state alone dropped the other branch's
     * columns).
     */
    private ProjectState stateBefore(Step step, Set<String> applied, ReplayedStates states) {
        return states.after(graph.ordered().stream()
                .filter(m -> applied.contains(m.name()) && !m.name().equals(step.migration().name())).toList());
    }

    /** The applied migrations once the step ran. */
    private static void track(Step step, Set<String> applied) {
        if (step.backwards()) {
            applied.remove(step.migration().name());
        } else {
            applied.add(step.migration().name());
        }
    }

    /**
     * The state before a migration as sqlmigrate prints it: every migration before it in the graph's order applied,
     * as a migrate from an empty database runs it (the other branch of a merge included).
     */
    private ProjectState stateBefore(Migration migration) {
        List<Migration> ordered = graph.ordered();
        return MigrationGraph.stateAfter(ordered.subList(0, ordered.indexOf(migration)));
    }

    /** The state before each operation of the migration. */
    private static List<ProjectState> statesBeforeEach(Migration migration, ProjectState before) {
        return MigrationGraph.statesBeforeEach(migration, before);
    }

    /** Runs the statements, remembering which ran, for the report of a failure on non-transactional DDL. */
    private static final class Running implements SchemaChange {
        private final Database db;
        private final SchemaStatements ddl;
        private final List<String> done = new ArrayList<>();
        private String current;
        private Operation operation;
        private boolean checking;
        private boolean recording;

        Running(Database db, SchemaStatements ddl) {
            this.db = db;
            this.ddl = ddl;
        }

        @Override
        public SchemaStatements ddl() {
            return ddl;
        }

        @Override
        public void execute(List<String> statements) {
            for (String statement : statements) {
                current = statement;
                db.executor().execute(statement);
                done.add(statement);
            }
            current = null;
        }

        @Override
        public Database database() {
            return db;
        }

        /** Where the migration failed: in which operation, or while recording it in the history. */
        String where() {
            if (recording) {
                return "while recording it in the history table " + MigrationHistory.TABLE;
            }
            if (checking) {
                return "after its operations, checking the foreign keys";
            }
            return "in operation " + (operation == null ? "(none)" : operation.describe());
        }
    }

    /** Collects the statements instead of running them ({@code sqlmigrate}). */
    private static final class Collecting implements SchemaChange {
        private final SchemaStatements ddl;
        private final List<String> statements = new ArrayList<>();

        Collecting(SchemaStatements ddl) {
            this.ddl = ddl;
        }

        @Override
        public SchemaStatements ddl() {
            return ddl;
        }

        @Override
        public void execute(List<String> sql) {
            statements.addAll(sql);
        }

        @Override
        public Database database() {
            return null;
        }
    }
}
