package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;
import java.time.LocalTime;

/**
 * A LocalTime column: comparisons and hour/minute/second.
 */
public final class TimeField<R> extends TimeExpression<R> implements Field<R, LocalTime> {
    public TimeField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public TimeField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
