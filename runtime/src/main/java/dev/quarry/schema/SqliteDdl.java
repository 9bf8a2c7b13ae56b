package dev.quarry.schema;

import dev.quarry.dialect.Dialect;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQLite 3.35+. Its ALTER TABLE renames tables and columns, adds columns and drops plain ones; every other change
 * rebuilds the table ({@link #rebuild}). Foreign keys, unique constraints and CHECKs live in the CREATE TABLE text, so
 * only indexes have names to keep in step on a rename; the names inside a table's text stay as they were until its
 * next rebuild writes it anew (SQLite never looks them up).
 */
final class SqliteDdl extends Ddl {
    /** Turns foreign key checks of the rest of the transaction into one check at commit. */
    static final String DEFER_FOREIGN_KEYS = "PRAGMA defer_foreign_keys = ON";

    /** Where SQLite keeps the AUTOINCREMENT counter of each table: its row goes when the table is dropped. */
    private static final String SEQUENCES = "sqlite_sequence";

    SqliteDdl(Dialect dialect) {
        super(dialect);
    }

    /** SQLite names the index of a UNIQUE column itself ({@code sqlite_autoindex_<table>_N}); never dropped alone. */
    @Override
    String uniqueColumnName(String table, String column) {
        return null;
    }

    /**
     * ADD COLUMN where SQLite allows it: not unique, not a primary key, NOT NULL only with a default, and a foreign
     * key (written as a column constraint) only without a default. A rebuild otherwise.
     */
    @Override
    List<String> addColumn(TableState table, ColumnState column) {
        TableState before = SchemaStatements.withoutColumn(table, column.columnName());
        TableState after = SchemaStatements.withColumn(before, column);
        boolean simple = !column.unique() && !column.primaryKey()
                && (column.nullable() || column.defaultValue() != null)
                && !(column.isForeignKey() && column.defaultValue() != null);
        if (!simple) {
            return rebuild(before, after, null);
        }
        List<String> statements = new ArrayList<>();
        String definition = columnDefinition(column, false);
        if (column.isForeignKey()) {
            definition += " CONSTRAINT " + q(SchemaStatements.foreignKeyName(table.name(), column.columnName()))
                    + " REFERENCES " + q(column.referencesTable()) + " (" + q(column.referencesColumn()) + ")";
        }
        statements.add("ALTER TABLE " + q(table.name()) + " ADD COLUMN " + definition);
        if (hasIndex(column)) {
            statements.add(createIndex(table.name(), column.columnName()));
        }
        return statements;
    }

    /**
     * DROP COLUMN (after the column's index) where SQLite allows it: a column that is not unique, not the primary
     * key, not a foreign key and in no multi-column unique constraint. A rebuild otherwise.
     */
    @Override
    List<String> dropColumn(TableState table, ColumnState column) {
        TableState before = SchemaStatements.withColumn(table, column);
        TableState after = SchemaStatements.withoutColumn(before, column.columnName());
        boolean simple = !column.unique() && !column.primaryKey() && !column.isForeignKey()
                && before.uniqueTogether().stream().noneMatch(u -> u.contains(column.columnName()));
        if (!simple) {
            return rebuild(before, after, null);
        }
        List<String> statements = new ArrayList<>();
        if (hasIndex(column)) {
            statements.add("DROP INDEX " + q(SchemaStatements.indexName(table.name(), column.columnName())));
        }
        statements.add("ALTER TABLE " + q(table.name()) + " DROP COLUMN " + q(column.columnName()));
        return statements;
    }

    @Override
    List<String> alterColumn(TableState table, ColumnState from, ColumnState to) {
        checkAlter(table, from, to);
        return rebuild(SchemaStatements.withColumn(table, from), SchemaStatements.withColumn(table, to), to);
    }

    @Override
    List<String> addUnique(TableState table, List<String> columns) {
        return rebuild(SchemaStatements.withUnique(table, columns, false),
                SchemaStatements.withUnique(table, columns, true), null);
    }

    @Override
    List<String> dropUnique(TableState table, List<String> columns) {
        return rebuild(SchemaStatements.withUnique(table, columns, true),
                SchemaStatements.withUnique(table, columns, false), null);
    }

    /** Only indexes change by themselves here (addIndex, dropIndex): CREATE INDEX and DROP INDEX. */
    @Override
    List<String> render(TableState table, List<TableObject> dropped, ColumnChange column,
            List<TableObject> added) {
        if (!(column instanceof NoColumnChange)
                || dropped.stream().anyMatch(o -> o.kind() != Kind.INDEX)
                || added.stream().anyMatch(o -> o.kind() != Kind.INDEX)) {
            throw new IllegalStateException("SQLite changes more than an index by rebuilding the table");
        }
        return super.render(table, dropped, column, added);
    }

    /**
     * As elsewhere; a new name that differs only in case goes through another name first, as SQLite compares table
     * names without case (it refused the rename: "there is already another table ... with this name").
     */
    @Override
    List<String> renameTable(TableState table, String newName) {
        List<String> statements = super.renameTable(table, newName);
        if (!table.name().equals(newName) && table.name().equalsIgnoreCase(newName)) {
            String through = "quarry_renaming_" + newName;
            statements.set(0, "ALTER TABLE " + q(table.name()) + " RENAME TO " + q(through));
            statements.add(1, "ALTER TABLE " + q(through) + " RENAME TO " + q(newName));
        }
        return statements;
    }

    /** Indexes have no RENAME: dropped and created under the new name. */
    @Override
    List<String> renameObjects(TableState table, List<TableObject> before, List<TableObject> after) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            TableObject from = before.get(i);
            TableObject to = after.get(i);
            if (from.kind() == Kind.INDEX && !from.name().equals(to.name())) {
                statements.add("DROP INDEX " + q(from.name()));
                statements.add(createObject(table, to));
            }
        }
        return statements;
    }

    /**
     * Rebuilds table {@code from} as {@code to} (same name), keeping its rows, as the SQLite documentation's "other
     * kinds of table schema changes" but in an order that works with foreign keys on, inside the migration's
     * transaction (where {@code PRAGMA foreign_keys} cannot be changed):
     * <ol>
     *   <li>{@code PRAGMA defer_foreign_keys = ON}: violations are counted and checked at commit;</li>
     *   <li>the rows are copied to {@code quarry_old_<table>};</li>
     *   <li>the table is dropped: its implicit DELETE counts a violation for each row of another table that points to
     *       it;</li>
     *   <li>it is created anew under its own name, and the rows inserted back: each row that another table's rows
     *       point to takes their violations off the count again (SQLite only does so for rows inserted into the table
     *       the foreign keys name, which is why the new table is not built under a temporary name and renamed, as the
     *       documentation does with foreign keys off: its DROP's violations would stay counted and fail the
     *       commit);</li>
     *   <li>the copy is dropped and the indexes created.</li>
     * </ol>
     * Foreign keys of other tables stay as they are (they name the table, which exists again); a row that no longer
     * satisfies a foreign key fails the commit. The rows keep their keys, and an AUTOINCREMENT table its counter
     * (saved aside before the drop, which deletes it).
     *
     * @param filled a column made NOT NULL whose NULLs get its default while copied, or null
     */
    List<String> rebuild(TableState from, TableState to, ColumnState filled) {
        String table = to.name();
        String copy = "quarry_old_" + table;
        List<String> statements = new ArrayList<>();
        boolean counted = to.columns().stream().anyMatch(c -> c.primaryKey() && c.generated());
        String counter = copy + "_seq";
        statements.add(DEFER_FOREIGN_KEYS);
        statements.add("CREATE TABLE " + q(copy) + " AS SELECT * FROM " + q(table));
        if (counted) {
            statements.add("CREATE TABLE " + q(counter) + " AS SELECT " + q("seq") + " FROM " + q(SEQUENCES)
                    + " WHERE " + q("name") + " = " + nameLiteral(table));
        }
        statements.add("DROP TABLE " + q(table));
        List<String> create = createTable(to, Set.of());
        statements.add(create.get(0));
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ColumnState column : to.columns()) {
            if (from.column(column.columnName()).isEmpty()) {
                continue; // added: its default
            }
            columns.add(q(column.columnName()));
            boolean fill = filled != null && filled.columnName().equals(column.columnName())
                    && filled.defaultValue() != null && from.requireColumn(column.columnName()).nullable()
                    && !filled.nullable();
            values.add(fill ? "COALESCE(" + q(column.columnName()) + ", " + dialect.defaultLiteral(filled) + ")"
                    : q(column.columnName()));
        }
        statements.add("INSERT INTO " + q(table) + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + q(copy));
        statements.add("DROP TABLE " + q(copy));
        if (counted) {
            statements.addAll(restoreCounter(table, counter));
        }
        statements.addAll(create.subList(1, create.size()));
        return statements;
    }

    /**
     * The AUTOINCREMENT counter of the rebuilt table back to where it was before (the copied rows set it to the
     * largest key kept only), so that the keys of deleted rows are never given again.
     */
    private List<String> restoreCounter(String table, String counter) {
        String saved = "(SELECT " + q("seq") + " FROM " + q(counter) + ")";
        String ofTable = " WHERE " + q("name") + " = " + nameLiteral(table);
        return List.of(
                "INSERT INTO " + q(SEQUENCES) + " (" + q("name") + ", " + q("seq") + ") SELECT " + nameLiteral(table)
                        + ", " + q("seq") + " FROM " + q(counter) + " WHERE NOT EXISTS (SELECT 1 FROM " + q(SEQUENCES)
                        + ofTable + ")",
                "UPDATE " + q(SEQUENCES) + " SET " + q("seq") + " = " + saved + ofTable + " AND " + q("seq") + " < "
                        + saved,
                "DROP TABLE " + q(counter));
    }
}
