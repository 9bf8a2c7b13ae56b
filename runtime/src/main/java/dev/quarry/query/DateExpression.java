package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.Extract;
import dev.quarry.sql.SqlNode;

/**
 * A date (or date-time): comparisons plus Django's date-part transforms, each a number you can compare:
 * {@code BookQuery.published().year().gte(2000)}. Parts of an {@code Instant} or {@code OffsetDateTime} are taken
 * at UTC.
 *
 * @param <R> the model queried
 * @param <V> LocalDate, LocalDateTime, Instant or OffsetDateTime
 */
public class DateExpression<R, V extends Comparable<? super V>> extends ComparableExpression<R, V> {
    protected DateExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public NumberExpression<R, Integer> year() {
        return part(DatePart.YEAR);
    }

    /** 1 to 4. */
    public NumberExpression<R, Integer> quarter() {
        return part(DatePart.QUARTER);
    }

    /** 1 to 12. */
    public NumberExpression<R, Integer> month() {
        return part(DatePart.MONTH);
    }

    /** Day of the month, 1 to 31. */
    public NumberExpression<R, Integer> day() {
        return part(DatePart.DAY);
    }

    /** Day of the week as Django counts it: 1 = Sunday ... 7 = Saturday. */
    public NumberExpression<R, Integer> weekDay() {
        return part(DatePart.WEEK_DAY);
    }

    protected final NumberExpression<R, Integer> part(DatePart part) {
        return new NumberExpression<>(new Extract(part, node(), type()), ColumnType.INTEGER, null);
    }
}
