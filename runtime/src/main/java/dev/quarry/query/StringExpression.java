package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.Like;
import dev.quarry.sql.Like.Match;
import dev.quarry.sql.SqlNode;
import java.util.Objects;

/**
 * Text: Django's string lookups. {@code %} and {@code _} in the argument match themselves; the {@code i} forms
 * ignore case.
 *
 * @param <R> the model queried
 */
public class StringExpression<R> extends ComparableExpression<R, String> {
    protected StringExpression(SqlNode node, ColumnType type, ColumnMeta column) {
        super(node, type, column);
    }

    /** Equal ignoring case; {@code iexact(null)} means IS NULL, as in Django. */
    public Condition<R> iexact(String value) {
        return value == null ? isNull() : like(Match.EXACT, value, true);
    }

    public Condition<R> contains(String value) {
        return like(Match.CONTAINS, value, false);
    }

    public Condition<R> icontains(String value) {
        return like(Match.CONTAINS, value, true);
    }

    public Condition<R> startsWith(String value) {
        return like(Match.STARTS_WITH, value, false);
    }

    public Condition<R> istartsWith(String value) {
        return like(Match.STARTS_WITH, value, true);
    }

    public Condition<R> endsWith(String value) {
        return like(Match.ENDS_WITH, value, false);
    }

    public Condition<R> iendsWith(String value) {
        return like(Match.ENDS_WITH, value, true);
    }

    private Condition<R> like(Match match, String value, boolean caseInsensitive) {
        Objects.requireNonNull(value, "a text lookup needs text; use isNull() to find NULLs");
        return new Condition<>(new Like(node(), match, value, caseInsensitive));
    }
}
