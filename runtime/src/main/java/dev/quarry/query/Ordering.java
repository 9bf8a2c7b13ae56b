package dev.quarry.query;

import dev.quarry.sql.OrderItem;
import dev.quarry.sql.SqlNode;

/**
 * One term of {@code orderBy}: {@code BookQuery.published().desc().nullsLast()}.
 *
 * @param <R> the model being ordered
 */
public final class Ordering<R> {
    private final OrderItem item;

    Ordering(SqlNode expression, boolean descending) {
        this(new OrderItem(expression, descending, OrderItem.Nulls.DEFAULT));
    }

    private Ordering(OrderItem item) {
        this.item = item;
    }

    public Ordering<R> nullsFirst() {
        return new Ordering<>(new OrderItem(item.expression(), item.descending(), OrderItem.Nulls.FIRST));
    }

    public Ordering<R> nullsLast() {
        return new Ordering<>(new OrderItem(item.expression(), item.descending(), OrderItem.Nulls.LAST));
    }

    /** The SQL term (used by the query compiler). */
    public OrderItem item() {
        return item;
    }
}
