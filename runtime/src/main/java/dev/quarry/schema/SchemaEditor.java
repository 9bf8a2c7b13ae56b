package dev.quarry.schema;

import dev.quarry.dialect.Dialect;
import dev.quarry.exec.Executor;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and drops tables from model metadata through the dialect: the start of the schema editor that migrations
 * will drive. Every statement goes through the executor, so it is logged and counted like any other.
 */
public final class SchemaEditor {
    private final Executor executor;
    private final Dialect dialect;

    public SchemaEditor(Executor executor) {
        this.executor = executor;
        this.dialect = executor.dialect();
    }

    /** Creates the tables of the models, with their indexes, in one transaction where DDL is transactional. */
    public void createTables(List<? extends ModelMeta<?>> models) {
        executor.atomic(() -> {
            for (ModelMeta<?> model : models) {
                for (String statement : createTableStatements(model)) {
                    executor.execute(statement);
                }
            }
            return null;
        });
    }

    /** Drops the tables of the models when they exist, in reverse order. */
    public void dropTables(List<? extends ModelMeta<?>> models) {
        List<? extends ModelMeta<?>> reversed = new ArrayList<>(models);
        java.util.Collections.reverse(reversed);
        for (ModelMeta<?> model : reversed) {
            executor.execute("DROP TABLE IF EXISTS " + dialect.quote(model.tableName()));
        }
    }

    /** The CREATE TABLE and CREATE INDEX statements of a model, as they would run. */
    public List<String> createTableStatements(ModelMeta<?> model) {
        List<String> statements = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(dialect.quote(model.tableName())).append(" (");
        List<ColumnMeta> columns = model.columns();
        for (int i = 0; i < columns.size(); i++) {
            create.append(i == 0 ? "\n    " : ",\n    ").append(columnDefinition(columns.get(i)));
        }
        create.append("\n)").append(dialect.tableOptions());
        statements.add(create.toString());
        for (ColumnMeta column : columns) {
            if (column.indexed() && !column.unique() && !column.primaryKey()) {
                statements.add("CREATE INDEX " + dialect.quote(indexName(model, column)) + " ON "
                        + dialect.quote(model.tableName()) + " (" + dialect.quote(column.columnName()) + ")");
            }
        }
        return statements;
    }

    /** {@code "title" VARCHAR(200) NOT NULL DEFAULT 'x' UNIQUE}. */
    public String columnDefinition(ColumnMeta column) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.columnName())).append(' ');
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
        if (column.unique()) {
            sql.append(" UNIQUE");
        }
        return sql.toString();
    }

    /**
     * {@code <table>_<column>_idx}, shortened with a stable hash when longer than 63 characters (PostgreSQL's limit),
     * so the same model always gets the same name.
     */
    static String indexName(ModelMeta<?> model, ColumnMeta column) {
        String name = model.tableName() + "_" + column.columnName() + "_idx";
        if (name.length() <= 63) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, 63 - hash.length() - 1) + "_" + hash;
    }
}
