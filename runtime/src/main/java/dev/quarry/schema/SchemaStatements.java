package dev.quarry.schema;

import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnDefinition;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DDL statements of schema changes for one dialect, from migration states: what {@code migrate} runs and
 * {@code sqlmigrate} prints, and what {@link SchemaEditor} creates tables with. Each method gets the state of the
 * schema before the change and the table as it is there (SQLite rebuilds a table for most ALTERs, so it needs the
 * whole table).
 *
 * <p>Names: foreign keys {@code <table>_<column>_fk}, multi-column unique constraints {@code <table>_<columns>_uniq},
 * indexes {@code <table>_<column>_idx} (see {@link #constraintName}); a column's own UNIQUE is named by the database
 * (PostgreSQL {@code <table>_<column>_key}, MariaDB after the column, H2 and SQLite names of their own). Renames keep
 * these names in step with the table and column names.
 *
 * <p>The statements of one call are meant to run in one transaction where DDL is transactional. On SQLite they must:
 * a table rebuild defers the foreign key checks to the commit ({@code PRAGMA defer_foreign_keys}).
 */
public final class SchemaStatements {
    private final Dialect dialect;
    private final Ddl ddl;

    public SchemaStatements(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = Ddl.of(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** CREATE TABLE with its constraints, then its indexes. */
    public List<String> createTable(ProjectState before, TableState table) {
        return ddl.createTable(table, Set.of());
    }

    /**
     * CREATE TABLE and its indexes, without the foreign keys of the given columns: those point to tables created
     * later, and are added with {@link #addForeignKey} once every table exists.
     */
    public List<String> createTable(TableState table, Set<String> deferredForeignKeys) {
        return ddl.createTable(table, deferredForeignKeys);
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} for a column whose table exists. */
    public String addForeignKey(TableState table, ColumnState column) {
        return ddl.addForeignKey(table.name(), column);
    }

    /** The table alone: the foreign keys of other tables that point to it must be gone first. */
    public List<String> dropTable(ProjectState before, TableState table) {
        return ddl.dropTable(table);
    }

    /**
     * Renames the table, and its constraints and indexes named after it. The foreign keys of other tables follow
     * the table on every database.
     */
    public List<String> renameTable(ProjectState before, TableState table, String newName) {
        return ddl.renameTable(table, newName);
    }

    /**
     * Adds the column with its constraints and index. A NOT NULL column added to a table with rows needs a default
     * (AddField gives it its one-off default, and then drops it).
     */
    public List<String> addColumn(ProjectState before, TableState table, ColumnState column) {
        return ddl.addColumn(table, column);
    }

    /** Drops the column, after its foreign key and the multi-column unique constraints that use it. */
    public List<String> dropColumn(ProjectState before, TableState table, ColumnState column) {
        return ddl.dropColumn(table, column);
    }

    /**
     * Type, nullability, default, length, uniqueness or foreign key of a column changed (its index aside: see
     * {@link #addIndex}). A column made NOT NULL with a default first gets the default where it is NULL. {@code table}
     * may hold either version of the column.
     */
    public List<String> alterColumn(ProjectState before, TableState table, ColumnState from, ColumnState to) {
        ddl.checkAlterOfReferenced(before, table, from, to);
        return ddl.alterColumn(table, from, to);
    }

    public List<String> renameColumn(ProjectState before, TableState table, ColumnState column, String newName) {
        return ddl.renameColumn(table, column, newName);
    }

    /** Indexes the column (nothing when it is unique or the primary key, which are indexed already). */
    public List<String> addIndex(ProjectState before, TableState table, ColumnState column) {
        return ddl.addIndex(table, column);
    }

    public List<String> dropIndex(ProjectState before, TableState table, ColumnState column) {
        return ddl.dropIndex(table, column);
    }

    /** A unique constraint over the columns; {@code table} may or may not list it already. */
    public List<String> addUnique(ProjectState before, TableState table, List<String> columns) {
        return ddl.addUnique(table, columns);
    }

    public List<String> dropUnique(ProjectState before, TableState table, List<String> columns) {
        return ddl.dropUnique(table, columns);
    }

    /** {@code "title" VARCHAR(200) NOT NULL DEFAULT 'x' UNIQUE}, as in CREATE TABLE. */
    public String columnDefinition(ColumnDefinition column) {
        return ddl.columnDefinition(column, true);
    }

    // ---- names -----------------------------------------------------------------------------------------------------

    public static String foreignKeyName(String table, String column) {
        return constraintName(table, column, "fk");
    }

    public static String indexName(String table, String column) {
        return constraintName(table, column, "idx");
    }

    public static String uniqueName(String table, List<String> columns) {
        return constraintName(table, String.join("_", columns), "uniq");
    }

    /**
     * {@code <table>_<columns>_<suffix>}, shortened with a stable hash when longer than 63 characters (PostgreSQL's
     * limit), so the same table always gets the same name.
     */
    public static String constraintName(String table, String columns, String suffix) {
        String name = table + "_" + columns + "_" + suffix;
        if (name.length() <= 63) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, 63 - hash.length() - 1) + "_" + hash;
    }

    // ---- tables changed, for the before and after of a change ------------------------------------------------------

    /** The table with the column replaced (by its name), or added at the end. */
    static TableState withColumn(TableState table, ColumnState column) {
        List<ColumnState> columns = new ArrayList<>(table.columns());
        boolean replaced = false;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).columnName().equals(column.columnName())) {
                columns.set(i, column);
                replaced = true;
            }
        }
        if (!replaced) {
            columns.add(column);
        }
        return table.withColumns(columns);
    }

    /** The table without the column and without the multi-column unique constraints that use it. */
    static TableState withoutColumn(TableState table, String column) {
        List<ColumnState> columns = new ArrayList<>(table.columns());
        columns.removeIf(c -> c.columnName().equals(column));
        return table.withColumns(columns)
                .withUniqueTogether(table.uniqueTogether().stream().filter(u -> !u.contains(column)).toList());
    }

    /** The table with a column renamed, in its unique constraints too. */
    static TableState withColumnRenamed(TableState table, String column, String newName) {
        List<ColumnState> columns = new ArrayList<>();
        for (ColumnState c : table.columns()) {
            columns.add(c.columnName().equals(column) ? c.renamed(c.field(), newName) : c);
        }
        List<List<String>> unique = table.uniqueTogether().stream()
                .map(u -> u.stream().map(name -> name.equals(column) ? newName : name).toList()).toList();
        return table.withColumns(columns).withUniqueTogether(unique);
    }

    /** The table with or without the unique constraint over the columns. */
    static TableState withUnique(TableState table, List<String> columns, boolean present) {
        List<List<String>> unique = new ArrayList<>(table.uniqueTogether());
        unique.remove(columns);
        if (present) {
            unique.add(columns);
        }
        return table.withUniqueTogether(unique);
    }

    /** The column with another index flag. */
    static ColumnState indexed(ColumnState column, boolean indexed) {
        return new ColumnState(column.field(), column.columnName(), column.type(), column.nullable(),
                column.primaryKey(), column.generated(), column.maxLength(), column.precision(), column.scale(),
                column.unique(), indexed, column.defaultValue(), column.referencesTable(), column.referencesColumn());
    }
}
