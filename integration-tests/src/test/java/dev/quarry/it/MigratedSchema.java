package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.SchemaChange;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.schema.SchemaStatements;
import java.util.ArrayList;
import java.util.List;

/**
 * A test database's schema changed by migration operations one at a time, as {@code migrate} runs a migration (in a
 * transaction of its own where DDL is transactional), with the project state the operations leave: for the tests
 * that apply and roll back operations on tables defined as migration states. Starts from the empty state.
 */
final class MigratedSchema {
    private final Database db;
    private ProjectState state = ProjectState.EMPTY;

    MigratedSchema(Database db) {
        this.db = db;
    }

    /** The state the operations applied so far leave. */
    ProjectState state() {
        return state;
    }

    /** Applies the operation to the database and to {@link #state()}; its statements. */
    List<String> forwards(Operation operation) {
        ProjectState before = state;
        Running running = new Running();
        inMigrationTransaction(() -> operation.forwards(running, before));
        state = operation.apply(before);
        return running.executed;
    }

    /** Rolls the operation back, after checking it is reversible; {@code before} is the state it was applied to. */
    List<String> backwards(Operation operation, ProjectState before) {
        assertTrue(operation.reversible(before), operation.describe() + " is reversible");
        Running running = new Running();
        inMigrationTransaction(() -> operation.backwards(running, before));
        state = before;
        return running.executed;
    }

    /** Runs the work in a transaction where DDL is transactional, as migrate runs a migration. */
    void inMigrationTransaction(Runnable work) {
        if (db.dialect().supportsTransactionalDdl()) {
            db.atomic(work);
        } else {
            work.run();
        }
    }

    /** Runs the statements of an operation with the executor, recording them. */
    private final class Running implements SchemaChange {
        private final SchemaStatements ddl = new SchemaStatements(db.dialect());
        private final List<String> executed = new ArrayList<>();

        @Override
        public SchemaStatements ddl() {
            return ddl;
        }

        @Override
        public void execute(List<String> statements) {
            for (String statement : statements) {
                executed.add(statement);
                db.executor().execute(statement);
            }
        }

        @Override
        public Database database() {
            return db;
        }
    }
}
