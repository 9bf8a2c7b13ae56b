package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.Map;

/** Creates a model's table with its columns, constraints and indexes. */
public record CreateModel(TableState table) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        if (before.table(table.name()).isPresent()) {
            throw new IllegalArgumentException("CreateModel: table " + table.name() + " exists already");
        }
        table.columns().forEach(column -> Ops.requireTarget("CreateModel", before, table.name(), column));
        return before.with(table);
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        change.execute(change.ddl().createTable(before, table));
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        change.execute(change.ddl().dropTable(apply(before), table));
    }

    @Override
    public String describe() {
        return "Create model " + table.model() + " (table " + table.name() + ")";
    }

    @Override
    public String nameFragment() {
        return table.name();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("CreateModel", null);
        json.putAll(table.toJson());
        return json;
    }

    static CreateModel fromJson(JsonFields fields) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        for (String key : new String[] {"model", "table", "columns", "uniqueTogether"}) {
            Object value = key.equals("columns") || key.equals("uniqueTogether") ? fields.list(key)
                    : fields.optionalString(key);
            if (value != null) {
                copy.put(key, value);
            }
        }
        return new CreateModel(TableState.fromJson(copy));
    }
}
