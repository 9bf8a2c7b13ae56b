package dev.quarry.schema;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB 10.5+ and MySQL 8. Differences from PostgreSQL:
 * <ul>
 *   <li>Constraints are indexes: a column declared {@code UNIQUE} gets a unique index named after the column, a
 *       unique constraint is dropped with DROP INDEX.</li>
 *   <li>A foreign key needs an index that starts with its column: where the table has none, InnoDB creates one named
 *       after the constraint ({@code <table>_<column>_fk}), drops it when another index comes that can serve, and
 *       refuses to drop the last index a foreign key uses. {@link #objects} counts that index, so a change that
 *       drops the serving index adds it back in the same statement.</li>
 *   <li>A column changes with MODIFY COLUMN and its whole definition; the type of a column under a foreign key
 *       cannot change, so the foreign key is dropped and added again.</li>
 *   <li>A foreign key cannot be renamed, nor dropped and added under one name in one statement: it is dropped in a
 *       statement of its own first.</li>
 * </ul>
 * Each change is otherwise one ALTER TABLE, which MariaDB applies whole or not at all: as DDL cannot roll back here,
 * fewer statements leave fewer half-done states.
 */
final class MariaDbDdl extends Ddl {
    MariaDbDdl(Dialect dialect) {
        super(dialect);
    }

    /** The unique index of a column declared UNIQUE is named after the column. */
    @Override
    String uniqueColumnName(String table, String column) {
        return column;
    }

    /** With the index InnoDB keeps for a foreign key that no other index can serve. */
    @Override
    List<TableObject> objects(TableState table) {
        List<TableObject> objects = super.objects(table);
        for (ColumnState column : table.columns()) {
            if (column.isForeignKey() && !servedByAnotherIndex(table, column)) {
                objects.add(TableObject.index(SchemaStatements.foreignKeyName(table.name(), column.columnName()),
                        column.columnName()));
            }
        }
        return objects;
    }

    /** Whether an index other than the foreign key's own starts with the column. */
    private static boolean servedByAnotherIndex(TableState table, ColumnState column) {
        return column.primaryKey() || column.unique() || column.indexed()
                || table.uniqueTogether().stream().anyMatch(u -> u.get(0).equals(column.columnName()));
    }

    /**
     * InnoDB refuses to change the type (or length) of a column that a foreign key refers to, even with
     * foreign_key_checks off ("Cannot change column ... used in a foreign key constraint"): said before anything runs.
     */
    @Override
    void checkAlterOfReferenced(ProjectState state, TableState table, ColumnState from, ColumnState to) {
        List<String> referencing = referencing(state, table.name(), from.columnName());
        if (!referencing.isEmpty() && !dialect.sqlType(from).equals(dialect.sqlType(to))) {
            throw new QuarryException("Model " + table.model() + " (table " + table.name() + "), field "
                    + from.field() + " (column " + from.columnName() + "): " + dialect.name() + " cannot change "
                    + "the type of a column that foreign keys refer to (" + String.join(", ", referencing) + ", "
                    + dialect.sqlType(from) + " to " + dialect.sqlType(to) + "). Write the change as RunSql: drop "
                    + "those foreign keys, change this column and the columns that refer to it, add the foreign keys "
                    + "again");
        }
    }

    @Override
    List<String> render(TableState table, List<TableObject> dropped, ColumnChange column,
            List<TableObject> added) {
        List<String> statements = new ArrayList<>();
        String name = table.name();
        if (column instanceof Alter alter && alter.from().nullable() && !alter.to().nullable()) {
            statements.addAll(fillNulls(name, alter.to()));
        }
        List<String> droppedKeys = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (TableObject object : dropped) {
            if (object.kind() == Kind.FOREIGN_KEY) {
                droppedKeys.add("DROP FOREIGN KEY " + q(object.name()));
            } else {
                clauses.add("DROP INDEX " + q(object.name()));
            }
        }
        if (column instanceof Add add) {
            clauses.add("ADD COLUMN " + columnDefinition(add.column(), true));
        } else if (column instanceof Drop drop) {
            clauses.add("DROP COLUMN " + q(drop.column().columnName()));
        } else if (column instanceof Alter alter && columnChanged(alter.from(), alter.to())) {
            clauses.add("MODIFY COLUMN " + modifiedDefinition(alter.to()));
        }
        for (Kind kind : new Kind[] {Kind.INDEX, Kind.UNIQUE, Kind.FOREIGN_KEY}) {
            for (TableObject object : added) {
                if (object.kind() == kind) {
                    clauses.add(addClause(table, object));
                }
            }
        }
        if (!droppedKeys.isEmpty()) {
            statements.add("ALTER TABLE " + q(name) + " " + String.join(", ", droppedKeys));
        }
        if (!clauses.isEmpty()) {
            statements.add("ALTER TABLE " + q(name) + " " + String.join(", ", clauses));
        }
        return statements;
    }

    private String addClause(TableState table, TableObject object) {
        return switch (object.kind()) {
            case FOREIGN_KEY -> "ADD " + foreignKeyConstraint(table.name(), table.requireColumn(object.column()));
            case UNIQUE -> "ADD CONSTRAINT " + q(object.name()) + " UNIQUE (" + columnList(object.columns()) + ")";
            case INDEX -> "ADD INDEX " + q(object.name()) + " (" + q(object.column()) + ")";
        };
    }

    /** Whether MODIFY COLUMN is needed: the type, default or nullability changed (uniqueness is an index). */
    private boolean columnChanged(ColumnState from, ColumnState to) {
        return !modifiedDefinition(from).equals(modifiedDefinition(to));
    }

    /** The definition MODIFY COLUMN takes: all of it but UNIQUE (an index) and PRIMARY KEY (which it keeps). */
    private String modifiedDefinition(ColumnState column) {
        if (column.primaryKey()) {
            return q(column.columnName()) + " " + dialect.sqlType(column) + " NOT NULL"
                    + (column.generated() ? " AUTO_INCREMENT" : "");
        }
        return columnDefinition(column, false);
    }

    /**
     * Foreign keys are dropped and added under their new names (MariaDB cannot rename them), indexes renamed with
     * RENAME INDEX, all in one ALTER TABLE after the statement that drops the foreign keys.
     */
    @Override
    List<String> renameObjects(TableState table, List<TableObject> before, List<TableObject> after) {
        List<String> droppedKeys = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        List<String> addedKeys = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            TableObject from = before.get(i);
            TableObject to = after.get(i);
            if (from.name().equals(to.name())) {
                continue;
            }
            if (from.kind() == Kind.FOREIGN_KEY) {
                droppedKeys.add("DROP FOREIGN KEY " + q(from.name()));
                addedKeys.add(addClause(table, to));
            } else {
                clauses.add("RENAME INDEX " + q(from.name()) + " TO " + q(to.name()));
            }
        }
        clauses.addAll(addedKeys);
        List<String> statements = new ArrayList<>();
        if (!droppedKeys.isEmpty()) {
            statements.add("ALTER TABLE " + q(table.name()) + " " + String.join(", ", droppedKeys));
        }
        if (!clauses.isEmpty()) {
            statements.add("ALTER TABLE " + q(table.name()) + " " + String.join(", ", clauses));
        }
        return statements;
    }
}
