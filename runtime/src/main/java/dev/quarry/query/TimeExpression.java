package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.Extract;
import dev.quarry.sql.SqlNode;
import java.time.LocalTime;

/**
 * A time of day: comparisons plus hour, minute and second.
 *
 * @param <R> the model queried
 */
public class TimeExpression<R> extends ComparableExpression<R, LocalTime> {
    protected TimeExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public NumberExpression<R, Integer> hour() {
        return part(DatePart.HOUR);
    }

    public NumberExpression<R, Integer> minute() {
        return part(DatePart.MINUTE);
    }

    public NumberExpression<R, Integer> second() {
        return part(DatePart.SECOND);
    }

    private NumberExpression<R, Integer> part(DatePart part) {
        return new NumberExpression<>(new Extract(part, node(), type()), ColumnType.INTEGER, null);
    }
}
