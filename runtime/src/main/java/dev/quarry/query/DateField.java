package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;
import java.time.LocalDate;

/**
 * A LocalDate column: comparisons and year/month/day parts.
 */
public final class DateField<R> extends DateExpression<R, LocalDate> implements Field<R, LocalDate> {
    public DateField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public DateField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
