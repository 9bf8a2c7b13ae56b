package dev.quarry.sql;

import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed statements of one model on one dialect, rendered once and cached: insert (with or without the key),
 * update and delete by primary key, and the select list. The column lists say in which order generated code binds.
 */
public final class ModelStatements {
    private final String insertWithKey;
    private final String insertWithoutKey;
    private final String updateByKey;
    private final String deleteByKey;
    private final List<ColumnMeta> insertWithKeyColumns;
    private final List<ColumnMeta> updateColumns;
    private final List<SqlNode> selectColumns;
    private final List<SqlNode> selectList;

    public ModelStatements(ModelMeta<?> meta, Dialect dialect) {
        ColumnMeta key = meta.primaryKey();
        List<ColumnMeta> values = meta.valueColumns();

        List<ColumnMeta> withKey = new ArrayList<>();
        withKey.add(key);
        withKey.addAll(values);
        this.insertWithKeyColumns = List.copyOf(withKey);
        this.insertWithKey = dialect.insert(meta.tableName(), withKey);
        this.insertWithoutKey = dialect.insert(meta.tableName(), values);

        List<ColumnMeta> update = new ArrayList<>(values);
        update.add(key);
        this.updateColumns = List.copyOf(update);
        StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.quote(meta.tableName())).append(" SET ");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(dialect.quote(values.get(i).columnName())).append(" = ?");
        }
        this.updateByKey = sql.append(" WHERE ").append(dialect.quote(key.columnName())).append(" = ?").toString();

        this.deleteByKey = "DELETE FROM " + dialect.quote(meta.tableName()) + " WHERE "
                + dialect.quote(key.columnName()) + " = ?";

        List<SqlNode> select = new ArrayList<>();
        for (ColumnMeta column : meta.columns()) {
            select.add(ColumnRef.of(column));
        }
        this.selectColumns = List.copyOf(select);
        // Every query of the model selects the same columns: render them once here instead of quoting and joining
        // them again for each query (two quoted identifiers per column; see docs/performance.md).
        String rendered = new SqlWriter(dialect).selectList(selectColumns).toStatement().sql();
        this.selectList = List.of(writer -> {
            if (writer.qualifyColumns() && writer.dialect() == dialect) {
                writer.append(rendered);
            } else {
                writer.join(selectColumns, ", ");
            }
        });
    }

    /** INSERT of the key and every value column, bound in {@link #insertWithKeyColumns()} order. */
    public String insertWithKey() { return insertWithKey; }

    public List<ColumnMeta> insertWithKeyColumns() { return insertWithKeyColumns; }

    /** INSERT of the value columns only, the database generating the key. */
    public String insertWithoutKey() { return insertWithoutKey; }

    /** UPDATE of every value column by key, bound in {@link #updateColumns()} order (values, then key). */
    public String updateByKey() { return updateByKey; }

    public List<ColumnMeta> updateColumns() { return updateColumns; }

    public String deleteByKey() { return deleteByKey; }

    /** The model's columns as select-list nodes, in {@code ModelMeta.read} order. */
    public List<SqlNode> selectColumns() { return selectColumns; }

    /** The same select list as a single node holding the SQL rendered once: what query sets select. */
    public List<SqlNode> selectList() { return selectList; }
}
