package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.Map;

/** Changes a column's definition (type, length, nullability, default, uniqueness, foreign key, index). */
public record AlterField(String table, ColumnState column) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        Ops.requireTarget("AlterField", before, table, column);
        return before.with(Ops.replaceColumn(before.requireTable(table), column.columnName(), column));
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        TableState state = before.requireTable(table);
        alter(change, before, state, state.requireColumn(column.columnName()), column);
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        ProjectState after = apply(before);
        ColumnState old = before.requireTable(table).requireColumn(column.columnName());
        alter(change, after, after.requireTable(table), column, old);
    }

    /** The index is its own statement: the column change first, then the index added or dropped. */
    private static void alter(SchemaChange change, ProjectState before, TableState table, ColumnState from,
            ColumnState to) {
        ColumnState withoutIndexChange = Ops.indexed(to, from.indexed());
        if (!from.equals(withoutIndexChange)) {
            change.execute(change.ddl().alterColumn(before, table, from, withoutIndexChange));
        }
        if (from.indexed() != to.indexed()) {
            ProjectState altered = before.with(Ops.replaceColumn(table, from.columnName(), withoutIndexChange));
            TableState alteredTable = altered.requireTable(table.name());
            change.execute(to.indexed() ? change.ddl().addIndex(altered, alteredTable, withoutIndexChange)
                    : change.ddl().dropIndex(altered, alteredTable, withoutIndexChange));
        }
    }

    @Override
    public String describe() {
        return "Alter field " + column.field() + " of " + table + " (column " + column.columnName() + ")";
    }

    @Override
    public String nameFragment() {
        return "alter_" + table + "_" + column.columnName();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("AlterField", table);
        json.put("column", column.toJson());
        return json;
    }

    static AlterField fromJson(JsonFields fields) {
        return new AlterField(fields.string("table"), ColumnState.fromJson(fields.object("column")));
    }
}
