package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;

/**
 * A boolean column.
 */
public final class BooleanField<R> extends BooleanExpression<R> implements Field<R, Boolean> {
    public BooleanField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public BooleanField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
