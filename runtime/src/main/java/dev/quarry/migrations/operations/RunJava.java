package dev.quarry.migrations.operations;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.migrations.DataMigration;
import dev.quarry.migrations.state.JsonFields;
import dev.quarry.migrations.state.ProjectState;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link DataMigration} of the application, named by its class, inside {@code atomic} (as Django's
 * RunPython): a transaction of its own where the migration has none (MariaDB/MySQL, H2), so that a data migration
 * failing midway leaves none of its changes; a savepoint within the migration's transaction elsewhere.
 */
public record RunJava(String className) implements Operation {
    @Override
    public ProjectState apply(ProjectState before) {
        return before;
    }

    @Override
    public void forwards(SchemaChange change, ProjectState before) {
        if (change.database() == null) {
            change.execute(List.of("-- RunJava " + className + ".forwards (code, no SQL)"));
        } else {
            Database db = change.database();
            db.atomic(() -> instance().forwards(db));
        }
    }

    @Override
    public void backwards(SchemaChange change, ProjectState before) {
        if (change.database() == null) {
            change.execute(List.of("-- RunJava " + className + ".backwards (code, no SQL)"));
        } else {
            Database db = change.database();
            db.atomic(() -> instance().backwards(db));
        }
    }

    @Override
    public boolean reversible(ProjectState before) {
        return instance().reversible();
    }

    /** A new instance of the data migration class, loaded from the thread's context class loader. */
    public DataMigration instance() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(className, true, loader != null ? loader : RunJava.class.getClassLoader());
            if (!DataMigration.class.isAssignableFrom(type)) {
                throw new QuarryException("RunJava: " + className + " does not implement "
                        + DataMigration.class.getName());
            }
            return (DataMigration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new QuarryException("RunJava: cannot create " + className + " (a public class with a public "
                    + "no-argument constructor, on the class path of the application): " + e, e);
        }
    }

    @Override
    public String describe() {
        return "Run " + className;
    }

    @Override
    public String nameFragment() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = Ops.json("RunJava", null);
        json.put("class", className);
        return json;
    }

    static RunJava fromJson(JsonFields fields) {
        return new RunJava(fields.string("class"));
    }
}
