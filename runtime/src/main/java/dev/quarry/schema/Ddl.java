package dev.quarry.schema;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.dialect.H2Dialect;
import dev.quarry.dialect.MariaDbDialect;
import dev.quarry.dialect.SqliteDialect;
import dev.quarry.meta.ColumnDefinition;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The DDL of one database family, behind {@link SchemaStatements}. This base class writes standard SQL as PostgreSQL
 * takes it; {@link H2Ddl}, {@link MariaDbDdl} and {@link SqliteDdl} override what their database does differently.
 *
 * <p>Every change of a table other than a rename is written as a difference between the table before and after it:
 * the named objects of both tables ({@link #objects}: foreign keys, unique constraints, indexes, named as
 * {@link SchemaStatements} names them) are compared, the ones that go are dropped before the column changes, the ones
 * that come are created after them. A rename keeps every object and renames those whose name holds the table or
 * column name, so that names stay those a fresh {@code createTable} gives (see {@link #renameTable}).
 */
class Ddl {
    protected final Dialect dialect;

    Ddl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The DDL of the dialect's database family (a dialect subclass gets its parent's). */
    static Ddl of(Dialect dialect) {
        if (dialect instanceof SqliteDialect) {
            return new SqliteDdl(dialect);
        }
        if (dialect instanceof MariaDbDialect) {
            return new MariaDbDdl(dialect);
        }
        if (dialect instanceof H2Dialect) {
            return new H2Ddl(dialect);
        }
        return new Ddl(dialect);
    }

    protected String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** An identifier as a string literal (for catalog lookups): validated as an identifier, so no quote inside. */
    protected String nameLiteral(String identifier) {
        q(identifier);
        return "'" + identifier + "'";
    }

    // ---- the named objects of a table ------------------------------------------------------------------------------

    enum Kind { FOREIGN_KEY, UNIQUE, INDEX }

    /**
     * A foreign key, unique constraint or index of a table.
     *
     * @param name its name, null for a unique constraint the database names itself (H2's column UNIQUE)
     */
    record TableObject(Kind kind, String name, List<String> columns, String referencesTable,
            String referencesColumn) {
        static TableObject foreignKey(String name, ColumnState column) {
            return new TableObject(Kind.FOREIGN_KEY, name, List.of(column.columnName()), column.referencesTable(),
                    column.referencesColumn());
        }

        static TableObject unique(String name, List<String> columns) {
            return new TableObject(Kind.UNIQUE, name, List.copyOf(columns), null, null);
        }

        static TableObject index(String name, String column) {
            return new TableObject(Kind.INDEX, name, List.of(column), null, null);
        }

        String column() {
            return columns.get(0);
        }
    }

    /**
     * The foreign keys, unique constraints and indexes that {@link #createTable} gives the table, in a fixed order
     * (columns' unique constraints, multi-column unique constraints, indexes, foreign keys).
     */
    List<TableObject> objects(TableState table) {
        List<TableObject> objects = new ArrayList<>();
        for (ColumnState column : table.columns()) {
            if (column.unique() && !column.primaryKey()) {
                objects.add(TableObject.unique(uniqueColumnName(table.name(), column.columnName()),
                        List.of(column.columnName())));
            }
        }
        for (List<String> unique : table.uniqueTogether()) {
            objects.add(TableObject.unique(SchemaStatements.uniqueName(table.name(), unique), unique));
        }
        for (ColumnState column : table.columns()) {
            if (hasIndex(column)) {
                objects.add(TableObject.index(SchemaStatements.indexName(table.name(), column.columnName()),
                        column.columnName()));
            }
        }
        for (ColumnState column : table.columns()) {
            if (column.isForeignKey()) {
                objects.add(TableObject.foreignKey(SchemaStatements.foreignKeyName(table.name(),
                        column.columnName()), column));
            }
        }
        return objects;
    }

    /** Whether the column gets an index of its own: indexed, and not already unique or the primary key. */
    static boolean hasIndex(ColumnDefinition column) {
        return column.indexed() && !column.unique() && !column.primaryKey();
    }

    /**
     * The name the database gives the unique constraint of a column declared {@code UNIQUE} in CREATE TABLE, or null
     * when it cannot be known in advance. PostgreSQL's: {@code <table>_<column>_key}.
     */
    String uniqueColumnName(String table, String column) {
        return postgresObjectName(table, column, "key");
    }

    /**
     * PostgreSQL's name for an object it names itself (makeObjectName): {@code name1_name2_label}, the longer of the
     * two names shortened a character at a time until the whole fits in 63 bytes.
     */
    static String postgresObjectName(String name1, String name2, String label) {
        int available = 63 - label.length() - 2;
        int length1 = name1.length();
        int length2 = name2.length();
        while (length1 + length2 > available) {
            if (length1 > length2) {
                length1--;
            } else {
                length2--;
            }
        }
        return name1.substring(0, length1) + "_" + name2.substring(0, length2) + "_" + label;
    }

    // ---- CREATE TABLE, DROP TABLE ----------------------------------------------------------------------------------

    /**
     * CREATE TABLE with its constraints, then CREATE INDEX for its indexed columns. The foreign keys of the columns
     * in {@code deferredForeignKeys} are left out, to be added with {@link #addForeignKey} once their tables exist.
     */
    List<String> createTable(TableState table, Set<String> deferredForeignKeys) {
        List<String> statements = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(q(table.name())).append(" (");
        List<ColumnState> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            create.append(i == 0 ? "\n    " : ",\n    ").append(columnDefinition(columns.get(i), true));
        }
        for (List<String> unique : table.uniqueTogether()) {
            create.append(",\n    CONSTRAINT ").append(q(SchemaStatements.uniqueName(table.name(), unique)))
                    .append(" UNIQUE (").append(columnList(unique)).append(")");
        }
        for (ColumnState column : columns) {
            if (column.isForeignKey() && !deferredForeignKeys.contains(column.columnName())) {
                create.append(",\n    ").append(foreignKeyConstraint(table.name(), column));
            }
        }
        create.append("\n)").append(dialect.tableOptions());
        statements.add(create.toString());
        for (ColumnState column : columns) {
            if (hasIndex(column)) {
                statements.add(createIndex(table.name(), column.columnName()));
            }
        }
        return statements;
    }

    List<String> dropTable(TableState table) {
        return List.of("DROP TABLE " + q(table.name()));
    }

    /** {@code "title" VARCHAR(200) NOT NULL DEFAULT 'x' UNIQUE}. */
    String columnDefinition(ColumnDefinition column, boolean withUnique) {
        StringBuilder sql = new StringBuilder(q(column.columnName())).append(' ');
        if (column.primaryKey()) {
            return sql.append(column.generated() ? dialect.generatedPrimaryKeyDefinition(column)
                    : dialect.sqlType(column) + " NOT NULL PRIMARY KEY").toString();
        }
        sql.append(dialect.sqlType(column));
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(dialect.defaultLiteral(column));
        }
        sql.append(column.nullable() ? " NULL" : " NOT NULL");
        sql.append(dialect.columnChecks(column));
        if (withUnique && column.unique()) {
            sql.append(" UNIQUE");
        }
        return sql.toString();
    }

    String foreignKeyConstraint(String table, ColumnState column) {
        return "CONSTRAINT " + q(SchemaStatements.foreignKeyName(table, column.columnName())) + " FOREIGN KEY ("
                + q(column.columnName()) + ") REFERENCES " + q(column.referencesTable()) + " ("
                + q(column.referencesColumn()) + ")";
    }

    String addForeignKey(String table, ColumnState column) {
        return "ALTER TABLE " + q(table) + " ADD " + foreignKeyConstraint(table, column);
    }

    String createIndex(String table, String column) {
        return "CREATE INDEX " + q(SchemaStatements.indexName(table, column)) + " ON " + q(table) + " ("
                + q(column) + ")";
    }

    protected String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(this::q).toList());
    }

    // ---- renames ---------------------------------------------------------------------------------------------------

    /**
     * ALTER TABLE ... RENAME TO, then the constraints and indexes whose names hold the table name renamed to the
     * names a fresh CREATE TABLE would give them. Keeping the old names would work for the table itself (every
     * database here moves its constraints and indexes along, and the foreign keys of other tables keep pointing to
     * it), but would break later migrations: they find objects by name ({@code <table>_<column>_idx}), and a new
     * table with the old name would clash with the old names on the databases where they are schema-wide
     * (PostgreSQL, H2 and SQLite indexes, MariaDB foreign keys). Names Quarry never uses (primary keys, identity
     * sequences, names the database chose) keep theirs.
     */
    List<String> renameTable(TableState table, String newName) {
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + q(table.name()) + " RENAME TO " + q(newName));
        TableState renamed = table.renamed(table.model(), newName);
        statements.addAll(renameObjects(renamed, objects(table), objects(renamed)));
        return statements;
    }

    /** ALTER TABLE ... RENAME COLUMN, then the constraints and indexes named after the column renamed. */
    List<String> renameColumn(TableState table, ColumnState column, String newName) {
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + q(table.name()) + " RENAME COLUMN " + q(column.columnName()) + " TO "
                + q(newName));
        TableState renamed = SchemaStatements.withColumnRenamed(table, column.columnName(), newName);
        statements.addAll(renameObjects(renamed, objects(table), objects(renamed)));
        return statements;
    }

    /** The statements that give each object of {@code before} the name of its counterpart in {@code after}. */
    List<String> renameObjects(TableState table, List<TableObject> before, List<TableObject> after) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            TableObject from = before.get(i);
            TableObject to = after.get(i);
            if (from.name() == null || from.name().equals(to.name())) {
                continue;
            }
            statements.add(from.kind() == Kind.INDEX
                    ? "ALTER INDEX " + q(from.name()) + " RENAME TO " + q(to.name())
                    : "ALTER TABLE " + q(table.name()) + " RENAME CONSTRAINT " + q(from.name()) + " TO "
                            + q(to.name()));
        }
        return statements;
    }

    // ---- changes as differences ------------------------------------------------------------------------------------

    /** What happens to one column in a change: added, dropped, altered, or nothing (constraints only). */
    sealed interface ColumnChange permits Add, Drop, Alter, NoColumnChange {
    }

    record Add(ColumnState column) implements ColumnChange {
    }

    record Drop(ColumnState column) implements ColumnChange {
    }

    record Alter(ColumnState from, ColumnState to) implements ColumnChange {
    }

    record NoColumnChange() implements ColumnChange {
    }

    List<String> addColumn(TableState table, ColumnState column) {
        TableState before = SchemaStatements.withoutColumn(table, column.columnName());
        return change(before, SchemaStatements.withColumn(before, column), new Add(column));
    }

    List<String> dropColumn(TableState table, ColumnState column) {
        TableState before = SchemaStatements.withColumn(table, column);
        return change(before, SchemaStatements.withoutColumn(before, column.columnName()), new Drop(column));
    }

    List<String> alterColumn(TableState table, ColumnState from, ColumnState to) {
        checkAlter(table, from, to);
        return change(SchemaStatements.withColumn(table, from), SchemaStatements.withColumn(table, to),
                new Alter(from, to));
    }

    /** Refuses what alterColumn does not do: a rename, or a change of primary key. */
    static void checkAlter(TableState table, ColumnState from, ColumnState to) {
        if (!from.columnName().equals(to.columnName())) {
            throw new IllegalArgumentException("alterColumn changes one column: " + from.columnName() + " and "
                    + to.columnName() + " differ (a rename is renameColumn)");
        }
        if (from.primaryKey() != to.primaryKey() || from.generated() != to.generated()) {
            throw new QuarryException("Table " + table.name() + ", column " + from.columnName() + ": making a "
                    + "column the primary key (or not), or its values generated (or not), is not supported by "
                    + "migrations; write the change as RunSql");
        }
    }

    /** Refuses an alteration of a column that foreign keys refer to which the database cannot make (none here). */
    void checkAlterOfReferenced(ProjectState state, TableState table, ColumnState from, ColumnState to) {
    }

    /** The columns of {@code state}'s tables whose foreign keys point to the column: {@code table.column}. */
    static List<String> referencing(ProjectState state, String table, String column) {
        List<String> referencing = new ArrayList<>();
        for (TableState other : state.tables()) {
            for (ColumnState c : other.columns()) {
                if (table.equals(c.referencesTable()) && column.equals(c.referencesColumn())) {
                    referencing.add(other.name() + "." + c.columnName());
                }
            }
        }
        return referencing;
    }

    /** An index on the column (none when it is unique or the primary key: that index exists already). */
    List<String> addIndex(TableState table, ColumnState column) {
        return change(SchemaStatements.withColumn(table, SchemaStatements.indexed(column, false)),
                SchemaStatements.withColumn(table, SchemaStatements.indexed(column, true)), new NoColumnChange());
    }

    List<String> dropIndex(TableState table, ColumnState column) {
        return change(SchemaStatements.withColumn(table, SchemaStatements.indexed(column, true)),
                SchemaStatements.withColumn(table, SchemaStatements.indexed(column, false)), new NoColumnChange());
    }

    List<String> addUnique(TableState table, List<String> columns) {
        return change(SchemaStatements.withUnique(table, columns, false),
                SchemaStatements.withUnique(table, columns, true), new NoColumnChange());
    }

    List<String> dropUnique(TableState table, List<String> columns) {
        return change(SchemaStatements.withUnique(table, columns, true),
                SchemaStatements.withUnique(table, columns, false), new NoColumnChange());
    }

    /**
     * The statements that turn table {@code from} into table {@code to}: objects that go are dropped, then the
     * column changes, then objects that come are created. A foreign key whose column changes type is dropped and
     * added again around the change (MariaDB refuses to change it under a foreign key).
     */
    List<String> change(TableState from, TableState to, ColumnChange column) {
        List<TableObject> before = objects(from);
        List<TableObject> after = objects(to);
        List<TableObject> dropped = new ArrayList<>(before);
        dropped.removeAll(after);
        List<TableObject> added = new ArrayList<>(after);
        added.removeAll(before);
        Set<String> retyped = new LinkedHashSet<>();
        if (column instanceof Alter alter && !dialect.sqlType(alter.from()).equals(dialect.sqlType(alter.to()))) {
            retyped.add(alter.to().columnName());
        }
        for (TableObject kept : before) {
            if (kept.kind() == Kind.FOREIGN_KEY && after.contains(kept)
                    && (retyped.contains(kept.column()) || mustRecreate(kept, dropped))) {
                dropped.add(kept);
                added.add(kept);
            }
        }
        if (column instanceof Drop drop) {
            // the database drops the column's own unique constraint and index with it
            String name = drop.column().columnName();
            dropped.removeIf(o -> o.kind() != Kind.FOREIGN_KEY && o.columns().equals(List.of(name)));
        }
        if (column instanceof Add add) {
            // written in the column definition (ADD COLUMN ... UNIQUE)
            String name = add.column().columnName();
            added.removeIf(o -> o.kind() == Kind.UNIQUE && o.columns().equals(List.of(name)));
        }
        return render(to, dropped, column, added);
    }

    /** Whether a foreign key that stays must still be dropped and added again because of what else is dropped. */
    boolean mustRecreate(TableObject foreignKey, List<TableObject> dropped) {
        return false;
    }

    /** The statements of a change, in order: drops, the column change, creations. */
    List<String> render(TableState table, List<TableObject> dropped, ColumnChange column,
            List<TableObject> added) {
        List<String> statements = new ArrayList<>();
        String name = table.name();
        for (Kind kind : new Kind[] {Kind.FOREIGN_KEY, Kind.UNIQUE, Kind.INDEX}) {
            for (TableObject object : dropped) {
                if (object.kind() == kind) {
                    statements.add(dropObject(name, object));
                }
            }
        }
        statements.addAll(columnStatements(name, column));
        for (Kind kind : new Kind[] {Kind.INDEX, Kind.UNIQUE, Kind.FOREIGN_KEY}) {
            for (TableObject object : added) {
                if (object.kind() == kind) {
                    statements.add(createObject(table, object));
                }
            }
        }
        return statements;
    }

    String dropObject(String table, TableObject object) {
        return switch (object.kind()) {
            case FOREIGN_KEY -> "ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(object.name());
            case UNIQUE -> object.name() == null ? dropUnnamedUnique(table, object.columns())
                    : "ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(object.name());
            case INDEX -> "DROP INDEX " + q(object.name());
        };
    }

    /** Drops a unique constraint the database named itself (only H2 has them). */
    String dropUnnamedUnique(String table, List<String> columns) {
        throw new IllegalStateException("every unique constraint has a known name on " + dialect.name());
    }

    String createObject(TableState table, TableObject object) {
        return switch (object.kind()) {
            case FOREIGN_KEY -> addForeignKey(table.name(), table.requireColumn(object.column()));
            case UNIQUE -> "ALTER TABLE " + q(table.name()) + " ADD "
                    + (object.name() == null ? "" : "CONSTRAINT " + q(object.name()) + " ") + "UNIQUE ("
                    + columnList(object.columns()) + ")";
            case INDEX -> "CREATE INDEX " + q(object.name()) + " ON " + q(table.name()) + " ("
                    + q(object.column()) + ")";
        };
    }

    /** The statements that add, drop or alter the column itself. */
    List<String> columnStatements(String table, ColumnChange change) {
        if (change instanceof Add add) {
            return List.of("ALTER TABLE " + q(table) + " ADD COLUMN " + columnDefinition(add.column(), true));
        }
        if (change instanceof Drop drop) {
            return List.of("ALTER TABLE " + q(table) + " DROP COLUMN " + q(drop.column().columnName()));
        }
        if (change instanceof Alter alter) {
            return alterColumnStatements(table, alter.from(), alter.to());
        }
        return List.of();
    }

    /**
     * PostgreSQL's ALTER COLUMN, one change a statement: the default is dropped before a change of type (it might
     * not convert) and set after it; a column made NOT NULL first gets its new default where it is NULL.
     */
    List<String> alterColumnStatements(String table, ColumnState from, ColumnState to) {
        List<String> statements = new ArrayList<>();
        String alter = "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(to.columnName()) + " ";
        boolean retyped = !dialect.sqlType(from).equals(dialect.sqlType(to));
        boolean defaultChanged = !Objects.equals(from.defaultValue(), to.defaultValue());
        if (from.defaultValue() != null && (retyped || to.defaultValue() == null)) {
            statements.add(alter + "DROP DEFAULT");
        }
        if (retyped) {
            statements.add(alter + changeType(from, to));
        }
        if (to.defaultValue() != null && (retyped || defaultChanged)) {
            statements.add(alter + "SET DEFAULT " + dialect.defaultLiteral(to));
        }
        if (from.nullable() && !to.nullable()) {
            statements.addAll(fillNulls(table, to));
            statements.add(alter + "SET NOT NULL");
        } else if (!from.nullable() && to.nullable()) {
            statements.add(alter + "DROP NOT NULL");
        }
        return statements;
    }

    /** {@code TYPE BIGINT}, with {@code USING CAST(...)} where PostgreSQL has no assignment cast between them. */
    String changeType(ColumnState from, ColumnState to) {
        String type = dialect.sqlType(to);
        boolean sameFamily = family(from.type()).equals(family(to.type()));
        return "TYPE " + type + (sameFamily ? "" : " USING CAST(" + q(to.columnName()) + " AS " + type + ")");
    }

    private static String family(ColumnType type) {
        if (type.isNumeric()) {
            return "number";
        }
        return switch (type) {
            case VARCHAR, TEXT, ENUM -> "text";
            case DATETIME, INSTANT, OFFSET_DATETIME -> "timestamp";
            default -> type.name();
        };
    }

    /** Before NOT NULL: rows where the column is NULL get its new default, if it has one (as Django does). */
    List<String> fillNulls(String table, ColumnState to) {
        if (to.defaultValue() == null) {
            return List.of();
        }
        return List.of("UPDATE " + q(table) + " SET " + q(to.columnName()) + " = " + dialect.defaultLiteral(to)
                + " WHERE " + q(to.columnName()) + " IS NULL");
    }
}
