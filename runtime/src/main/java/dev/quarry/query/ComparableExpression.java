package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.Between;
import dev.quarry.sql.Comparison.Operator;
import dev.quarry.sql.SqlNode;
import java.util.Objects;

/**
 * A value with an order: numbers, text, dates and times. Adds gt/gte/lt/lte and {@code range}.
 *
 * @param <R> the model queried
 * @param <V> the Java type of the value
 */
public class ComparableExpression<R, V extends Comparable<? super V>> extends Expression<R, V> {
    protected ComparableExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public Condition<R> gt(V value) {
        return compare(Operator.GT, value);
    }

    public Condition<R> gt(Expression<R, ? extends V> other) {
        return compare(Operator.GT, other);
    }

    public Condition<R> gte(V value) {
        return compare(Operator.GTE, value);
    }

    public Condition<R> gte(Expression<R, ? extends V> other) {
        return compare(Operator.GTE, other);
    }

    public Condition<R> lt(V value) {
        return compare(Operator.LT, value);
    }

    public Condition<R> lt(Expression<R, ? extends V> other) {
        return compare(Operator.LT, other);
    }

    public Condition<R> lte(V value) {
        return compare(Operator.LTE, value);
    }

    public Condition<R> lte(Expression<R, ? extends V> other) {
        return compare(Operator.LTE, other);
    }

    /** Django's {@code range}: from {@code low} to {@code high}, both included (SQL BETWEEN). */
    public Condition<R> between(V low, V high) {
        return new Condition<>(new Between(node(), param(Objects.requireNonNull(low, "low")),
                param(Objects.requireNonNull(high, "high"))));
    }
}
