package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;

/**
 * A numeric column: comparisons, ranges and arithmetic.
 */
public final class NumberField<R, V extends Number & Comparable<? super V>> extends NumberExpression<R, V>
        implements Field<R, V> {
    public NumberField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public NumberField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
