package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renames a field and its column, keeping the data; unique constraints follow the column. */
public record RenameField(String table, String column, String newField, String newColumn) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        TableState state = before.requireTable(table);
        if (!newColumn.equals(column) && state.column(newColumn).isPresent()) {
            // the state would hold two columns of that name, which no database table can
            throw new IllegalArgumentException("RenameField: cannot rename column " + table + "." + column + " to "
                    + newColumn + ", which exists already (field " + state.requireColumn(newColumn).field() + ")");
        }
        ColumnState renamed = state.requireColumn(column).renamed(newField, newColumn);
        TableState changed = Ops.replaceColumn(state, column, renamed);
        List<List<String>> unique = new ArrayList<>();
        for (List<String> together : changed.uniqueTogether()) {
            unique.add(together.stream().map(name -> name.equals(column) ? newColumn : name).toList());
        }
        ProjectState after = before.with(changed.withUniqueTogether(unique));
        // foreign keys that point to the renamed column (a primary key) follow it, as RenameModel's follow a table
        for (TableState other : after.tables()) {
            List<ColumnState> columns = new ArrayList<>();
            boolean follows = false;
            for (ColumnState c : other.columns()) {
                if (table.equals(c.referencesTable()) && column.equals(c.referencesColumn())) {
                    columns.add(new ColumnState(c.field(), c.columnName(), c.type(), c.nullable(), c.primaryKey(),
                            c.generated(), c.maxLength(), c.precision(), c.scale(), c.unique(), c.indexed(),
                            c.defaultValue(), table, newColumn));
                    follows = true;
                } else {
                    columns.add(c);
                }
            }
            if (follows) {
                after = after.with(after.requireTable(other.name()).withColumns(columns));
            }
        }
        return after;
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        if (!column.equals(newColumn)) {
            TableState state = before.requireTable(table);
            change.execute(change.ddl().renameColumn(before, state, state.requireColumn(column), newColumn));
        }
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        if (!column.equals(newColumn)) {
            ProjectState after = apply(before);
            TableState state = after.requireTable(table);
            change.execute(change.ddl().renameColumn(after, state, state.requireColumn(newColumn), column));
        }
    }

    @Override
    public String describe() {
        return "Rename column " + table + "." + column + " to " + newColumn + " (field " + newField + ")";
    }

    @Override
    public String nameFragment() {
        return "rename_" + table + "_" + column + "_" + newColumn;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("RenameField", table);
        json.put("column", column);
        json.put("newField", newField);
        json.put("newColumn", newColumn);
        return json;
    }

    static RenameField fromJson(JsonFields fields) {
        return new RenameField(fields.string("table"), fields.string("column"), fields.string("newField"),
                fields.string("newColumn"));
    }
}
