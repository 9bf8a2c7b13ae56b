package dev.quarry.migrations.operations;

import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.List;
import java.util.Map;

/** Drops a model's table (undone by creating it again, empty). */
public record DeleteModel(String table) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        before.requireTable(table);
        List<String> referrers = before.referencesTo(table).stream().filter(e -> !e.getKey().name().equals(table))
                .map(e -> e.getKey().name() + "." + e.getValue().columnName()).toList();
        if (!referrers.isEmpty()) {
            // the state would keep foreign keys to nothing; the database refuses to drop a table others refer to
            throw new IllegalArgumentException("DeleteModel: table " + table + " is still referred to by "
                    + referrers + ": delete those tables, or remove or alter those columns, first");
        }
        return before.without(table);
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        change.execute(change.ddl().dropTable(before, before.requireTable(table)));
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        TableState created = before.requireTable(table);
        change.execute(change.ddl().createTable(apply(before), created));
    }

    @Override
    public String describe() {
        return "Delete model of table " + table;
    }

    @Override
    public String nameFragment() {
        return "delete_" + table;
    }

    @Override
    public Map<String, Object> toJson() {
        return Ops.json("DeleteModel", table);
    }

    static DeleteModel fromJson(JsonFields fields) {
        return new DeleteModel(fields.string("table"));
    }
}
