package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.Arithmetic;
import dev.quarry.sql.Arithmetic.Operator;
import dev.quarry.sql.Param;
import dev.quarry.sql.SqlNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A number: comparisons plus arithmetic with numbers and other numeric expressions (Django's {@code F() * 1.1}).
 * The result keeps this expression's type: {@code price.times(1.1)} is still a BigDecimal expression.
 *
 * @param <R> the model queried
 * @param <V> the Java number type
 */
public class NumberExpression<R, V extends Number & Comparable<? super V>> extends ComparableExpression<R, V> {
    protected NumberExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    public NumberExpression<R, V> plus(Number value) {
        return arithmetic(Operator.PLUS, numberParam(value));
    }

    public NumberExpression<R, V> plus(NumberExpression<R, ?> other) {
        return arithmetic(Operator.PLUS, other.node());
    }

    public NumberExpression<R, V> minus(Number value) {
        return arithmetic(Operator.MINUS, numberParam(value));
    }

    public NumberExpression<R, V> minus(NumberExpression<R, ?> other) {
        return arithmetic(Operator.MINUS, other.node());
    }

    public NumberExpression<R, V> times(Number value) {
        return arithmetic(Operator.TIMES, numberParam(value));
    }

    public NumberExpression<R, V> times(NumberExpression<R, ?> other) {
        return arithmetic(Operator.TIMES, other.node());
    }

    /** Division as the database does it: integer division for integer operands. */
    public NumberExpression<R, V> dividedBy(Number value) {
        return arithmetic(Operator.DIVIDED_BY, numberParam(value));
    }

    public NumberExpression<R, V> dividedBy(NumberExpression<R, ?> other) {
        return arithmetic(Operator.DIVIDED_BY, other.node());
    }

    /**
     * The same value typed as BigDecimal, to compare or combine it with a decimal expression
     * ({@code BookQuery.price().lt(BookQuery.pages().asDecimal())}); the SQL is unchanged.
     */
    public NumberExpression<R, BigDecimal> asDecimal() {
        return new NumberExpression<>(node(), ColumnType.DECIMAL, null);
    }

    /** The same value typed as Double (see {@link #asDecimal()}). */
    public NumberExpression<R, Double> asDouble() {
        return new NumberExpression<>(node(), ColumnType.DOUBLE, null);
    }

    /** The same value typed as Long (see {@link #asDecimal()}). */
    public NumberExpression<R, Long> asLong() {
        return new NumberExpression<>(node(), ColumnType.LONG, null);
    }

    private NumberExpression<R, V> arithmetic(Operator operator, SqlNode right) {
        return new NumberExpression<>(new Arithmetic(node(), operator, right, type()), type(), null);
    }

    private static Param numberParam(Number value) {
        Objects.requireNonNull(value, "arithmetic with null; use a number");
        ColumnType type;
        if (value instanceof Integer) {
            type = ColumnType.INTEGER;
        } else if (value instanceof Long) {
            type = ColumnType.LONG;
        } else if (value instanceof Short || value instanceof Byte) {
            type = ColumnType.SHORT;
        } else if (value instanceof Double) {
            type = ColumnType.DOUBLE;
        } else if (value instanceof Float) {
            type = ColumnType.FLOAT;
        } else if (value instanceof BigDecimal) {
            type = ColumnType.DECIMAL;
        } else if (value instanceof BigInteger big) {
            return new Param(new BigDecimal(big), ColumnType.DECIMAL);
        } else {
            throw new IllegalArgumentException("Unsupported number type " + value.getClass().getName());
        }
        return new Param(value, type);
    }
}
