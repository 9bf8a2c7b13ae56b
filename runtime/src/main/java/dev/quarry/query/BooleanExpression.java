package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.SqlNode;

/**
 * A boolean.
 *
 * @param <R> the model queried
 */
public class BooleanExpression<R> extends Expression<R, Boolean> {
    protected BooleanExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public Condition<R> isTrue() {
        return eq(Boolean.TRUE);
    }

    public Condition<R> isFalse() {
        return eq(Boolean.FALSE);
    }
}
