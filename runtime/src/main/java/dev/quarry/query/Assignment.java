package dev.quarry.query;

import dev.quarry.sql.ColumnRef;
import dev.quarry.sql.SqlNode;

/**
 * {@code column = value} in a query-set update: {@code BookQuery.price().set(BookQuery.price().times(2))}.
 *
 * @param <R> the model updated
 */
public final class Assignment<R> {
    private final ColumnRef column;
    private final SqlNode value;

    Assignment(ColumnRef column, SqlNode value) {
        this.column = column;
        this.value = value;
    }

    public ColumnRef column() {
        return column;
    }

    public SqlNode value() {
        return value;
    }
}
