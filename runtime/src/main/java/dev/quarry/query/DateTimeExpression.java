package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.SqlNode;

/**
 * A date-time: the date parts plus hour, minute and second.
 *
 * @param <R> the model queried
 * @param <V> LocalDateTime, Instant or OffsetDateTime
 */
public class DateTimeExpression<R, V extends Comparable<? super V>> extends DateExpression<R, V> {
    protected DateTimeExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public NumberExpression<R, Integer> hour() {
        return part(DatePart.HOUR);
    }

    public NumberExpression<R, Integer> minute() {
        return part(DatePart.MINUTE);
    }

    /** Whole seconds, 0 to 59. */
    public NumberExpression<R, Integer> second() {
        return part(DatePart.SECOND);
    }
}
