package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds a column. A NOT NULL column without a default needs a value for the rows already there: {@code oneOffDefault}
 * (asked by makemigrations, as Django does) fills them, and the column keeps no default afterwards.
 */
public record AddField(String table, ColumnState column, String oneOffDefault) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        TableState state = before.requireTable(table);
        if (state.column(column.columnName()).isPresent()) {
            throw new IllegalArgumentException("AddField: " + table + "." + column.columnName() + " exists already");
        }
        Ops.requireTarget("AddField", before, table, column);
        List<ColumnState> columns = new ArrayList<>(state.columns());
        columns.add(column);
        return before.with(state.withColumns(columns));
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        TableState state = before.requireTable(table);
        if (oneOffDefault == null) {
            change.execute(change.ddl().addColumn(before, state, column));
            return;
        }
        ColumnState filled = Ops.withDefault(column, oneOffDefault);
        change.execute(change.ddl().addColumn(before, state, filled));
        ProjectState added = apply(before);
        change.execute(change.ddl().alterColumn(added, added.requireTable(table), filled, column));
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        ProjectState after = apply(before);
        change.execute(change.ddl().dropColumn(after, after.requireTable(table), column));
    }

    @Override
    public String describe() {
        return "Add field " + column.field() + " to " + table + " (column " + column.columnName() + ")"
                + (oneOffDefault == null ? "" : ", existing rows set to " + oneOffDefault);
    }

    @Override
    public String nameFragment() {
        return table + "_" + column.columnName();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("AddField", table);
        json.put("column", column.toJson());
        if (oneOffDefault != null) {
            json.put("oneOffDefault", oneOffDefault);
        }
        return json;
    }

    static AddField fromJson(JsonFields fields) {
        return new AddField(fields.string("table"), ColumnState.fromJson(fields.object("column")),
                fields.optionalString("oneOffDefault"));
    }
}
