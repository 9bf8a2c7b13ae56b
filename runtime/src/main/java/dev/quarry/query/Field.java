package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;
import dev.quarry.sql.Param;
import dev.quarry.sql.SqlNode;

/**
 * A path to a column of model {@code R}: what {@code BookQuery.title()} returns. Besides its lookups, a field can be
 * the target of a query-set update.
 *
 * @param <R> the model queried
 * @param <V> the Java type of the field
 */
public interface Field<R, V> {
    /** The column's metadata. */
    ColumnMeta column();

    /** The SQL tree of the path: a column reference. */
    SqlNode node();

    /** The column as the SQL tree references it. */
    default ColumnRef ref() {
        return (ColumnRef) node();
    }

    /** {@code field = value} for {@code update(...)}. */
    default Assignment<R> set(V value) {
        return value == null ? setNull() : new Assignment<>(ref(), new Param(value, column().type()));
    }

    /** {@code field = expression}, e.g. {@code BookQuery.price().set(BookQuery.price().times(1.1))}. */
    default Assignment<R> set(Expression<R, ? extends V> value) {
        return new Assignment<>(ref(), value.node());
    }

    /** {@code field = NULL}. */
    default Assignment<R> setNull() {
        return new Assignment<>(ref(), new Param(null, column().type()));
    }

    /** The reference of a column of the queried model itself (its table name is its alias). */
    static ColumnRef rootRef(ColumnMeta column) {
        return ColumnRef.of(column);
    }
}
