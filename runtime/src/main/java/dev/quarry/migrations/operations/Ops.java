package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers the operations share. */
final class Ops {
    private Ops() {
    }

    /** The start of an operation's JSON object. */
    static Map<String, Object> json(String op, String table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("op", op);
        if (table != null) {
            json.put("table", table);
        }
        return json;
    }

    /**
     * Fails when the column is a foreign key to a table that neither {@code state} nor {@code table} (the one the
     * column is in, which may point to itself) is: a hand-written operation in the wrong order, which the database
     * would refuse too.
     */
    static void requireTarget(String op, ProjectState state, String table, ColumnState column) {
        if (column.isForeignKey() && !column.referencesTable().equals(table)
                && state.table(column.referencesTable()).isEmpty()) {
            throw new IllegalArgumentException(op + ": " + table + "." + column.columnName() + " points to table "
                    + column.referencesTable() + ", which does not exist at this point of the migrations");
        }
    }

    /** The table with one column replaced (found by its column name). */
    static TableState replaceColumn(TableState table, String columnName, ColumnState replacement) {
        List<ColumnState> columns = new ArrayList<>();
        boolean found = false;
        for (ColumnState column : table.columns()) {
            if (column.columnName().equals(columnName)) {
                columns.add(replacement);
                found = true;
            } else {
                columns.add(column);
            }
        }
        if (!found) {
            table.requireColumn(columnName); // throws, naming the columns there are
        }
        return table.withColumns(columns);
    }

    /** The table without one column, and without the unique constraints that used it. */
    static TableState removeColumn(TableState table, String columnName) {
        table.requireColumn(columnName);
        List<ColumnState> columns = new ArrayList<>(table.columns());
        columns.removeIf(column -> column.columnName().equals(columnName));
        List<List<String>> unique = table.uniqueTogether().stream().filter(u -> !u.contains(columnName)).toList();
        return table.withColumns(columns).withUniqueTogether(unique);
    }

    /** The column with another index flag. */
    static ColumnState indexed(ColumnState column, boolean indexed) {
        return new ColumnState(column.field(), column.columnName(), column.type(), column.nullable(),
                column.primaryKey(), column.generated(), column.maxLength(), column.precision(), column.scale(),
                column.unique(), indexed, column.defaultValue(), column.referencesTable(), column.referencesColumn());
    }

    /** The column with another default. */
    static ColumnState withDefault(ColumnState column, String defaultValue) {
        return new ColumnState(column.field(), column.columnName(), column.type(), column.nullable(),
                column.primaryKey(), column.generated(), column.maxLength(), column.precision(), column.scale(),
                column.unique(), column.indexed(), defaultValue, column.referencesTable(), column.referencesColumn());
    }
}
