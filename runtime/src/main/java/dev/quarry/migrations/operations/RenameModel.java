package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renames a model and its table; foreign keys pointing to it follow. */
public record RenameModel(String table, String newModel, String newTable) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        if (!newTable.equals(table) && before.table(newTable).isPresent()) {
            // the state would lose that table, which the database still has (its RENAME would fail at migrate)
            throw new IllegalArgumentException("RenameModel: cannot rename table " + table + " to " + newTable
                    + ", which exists already (model " + before.requireTable(newTable).model() + ")");
        }
        TableState renamed = before.requireTable(table).renamed(newModel, newTable);
        ProjectState after = before.without(table).with(renamed);
        for (TableState other : after.tables()) {
            List<ColumnState> columns = new ArrayList<>();
            boolean changed = false;
            for (ColumnState column : other.columns()) {
                if (table.equals(column.referencesTable())) {
                    columns.add(column.referencing(newTable));
                    changed = true;
                } else {
                    columns.add(column);
                }
            }
            if (changed) {
                after = after.with(other.withColumns(columns));
            }
        }
        return after;
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        if (!table.equals(newTable)) {
            change.execute(change.ddl().renameTable(before, before.requireTable(table), newTable));
        }
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        if (!table.equals(newTable)) {
            ProjectState after = apply(before);
            change.execute(change.ddl().renameTable(after, after.requireTable(newTable), table));
        }
    }

    @Override
    public String describe() {
        return "Rename model of table " + table + " to " + newModel + " (table " + newTable + ")";
    }

    @Override
    public String nameFragment() {
        return "rename_" + table + "_" + newTable;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("RenameModel", table);
        json.put("newModel", newModel);
        json.put("newTable", newTable);
        return json;
    }

    static RenameModel fromJson(JsonFields fields) {
        return new RenameModel(fields.string("table"), fields.string("newModel"), fields.string("newTable"));
    }
}
