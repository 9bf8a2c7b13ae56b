package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;

/**
 * A LocalDateTime, Instant or OffsetDateTime column: comparisons and date/time parts.
 */
public final class DateTimeField<R, V extends Comparable<? super V>> extends DateTimeExpression<R, V>
        implements Field<R, V> {
    public DateTimeField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public DateTimeField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
