package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.Comparison;
import dev.quarry.sql.In;
import dev.quarry.sql.IsNull;
import dev.quarry.sql.Param;
import dev.quarry.sql.SqlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed value in a query: a column path such as {@code BookQuery.title()}, or something computed from columns
 * ({@code BookQuery.price().times(2)}, {@code BookQuery.published().year()}). The lookups available depend on the
 * subclass, so a lookup that does not fit the value's type does not compile.
 *
 * @param <R> the model queried (the root of the path)
 * @param <V> the Java type of the value
 */
public class Expression<R, V> {
    private final SqlNode node;
    private final ColumnType type;
    private final ColumnMeta column;

    /**
     * @param column the column whose values this expression reads as is (used to convert enums in projections),
     *     or null for computed values
     */
    protected Expression(SqlNode node, ColumnType type, ColumnMeta column) {
        this.node = Objects.requireNonNull(node);
        this.type = Objects.requireNonNull(type);
        this.column = column;
    }

    /** The SQL tree of this value (used by the query compiler). */
    public final SqlNode node() {
        return node;
    }

    /** The column type that binds and reads values of this expression. */
    public final ColumnType type() {
        return type;
    }

    /** The column this expression reads unchanged, or null when it is computed. */
    public final ColumnMeta column() {
        return column;
    }

    /** Django's {@code exact}; {@code eq(null)} on a variable holding null means IS NULL. */
    public Condition<R> eq(V value) {
        return value == null ? isNull() : compare(Comparison.Operator.EQ, value);
    }

    /** Equal to another column or expression of the same type (Django's {@code F}). */
    public Condition<R> eq(Expression<R, ? extends V> other) {
        return compare(Comparison.Operator.EQ, other);
    }

    /** Not equal; {@code ne(null)} means IS NOT NULL. Rows where this value is NULL do not match {@code ne(x)}. */
    public Condition<R> ne(V value) {
        return value == null ? isNotNull() : compare(Comparison.Operator.NE, value);
    }

    public Condition<R> ne(Expression<R, ? extends V> other) {
        return compare(Comparison.Operator.NE, other);
    }

    /** In the collection; an empty collection matches no row, and a query that needs it to is not run at all. */
    public Condition<R> in(Collection<? extends V> values) {
        List<Param> params = new ArrayList<>(values.size());
        for (V value : values) {
            params.add(param(Objects.requireNonNull(value, "in() values cannot contain null; use isNull()")));
        }
        return new Condition<>(new In(node, type, params));
    }

    @SafeVarargs
    public final Condition<R> in(V... values) {
        return in(Arrays.asList(values));
    }

    public Condition<R> isNull() {
        return new Condition<>(new IsNull(node, true));
    }

    public Condition<R> isNotNull() {
        return new Condition<>(new IsNull(node, false));
    }

    /** Django's {@code isnull=True/False}. */
    public Condition<R> isNull(boolean isNull) {
        return isNull ? isNull() : isNotNull();
    }

    public Ordering<R> asc() {
        return new Ordering<>(node, false);
    }

    public Ordering<R> desc() {
        return new Ordering<>(node, true);
    }

    // ---- for subclasses --------------------------------------------------------------------------------------------

    /** A bound parameter of this expression's type. */
    protected final Param param(Object value) {
        return new Param(value, type);
    }

    protected final Condition<R> compare(Comparison.Operator operator, V value) {
        return new Condition<>(new Comparison(node, operator, param(Objects.requireNonNull(value,
                "a comparison with null has no answer in SQL; use isNull()"))));
    }

    protected final Condition<R> compare(Comparison.Operator operator, Expression<R, ?> other) {
        return new Condition<>(new Comparison(node, operator, other.node()));
    }

    @Override
    public String toString() {
        return column != null ? column.qualifiedName() : type + " expression";
    }
}
