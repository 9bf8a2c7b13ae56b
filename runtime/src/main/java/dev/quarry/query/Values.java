package dev.quarry.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code values(...)}: Django's dict, but typed: {@code row.get(BookQuery.title())} is a String.
 */
public final class Values {
    private final Map<Expression<?, ?>, Object> values;

    Values(Map<Expression<?, ?>, Object> values) {
        this.values = values;
    }

    /** The value of one of the projected expressions (the same instance passed to {@code values(...)}). */
    @SuppressWarnings("unchecked")
    public <V> V get(Expression<?, V> expression) {
        if (!values.containsKey(expression)) {
            throw new IllegalArgumentException(expression + " is not among the projected values " + values.keySet());
        }
        return (V) values.get(expression);
    }

    /** The values by field name (or expression description), in projection order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((expression, value) -> map.put(
                expression.column() != null ? expression.column().fieldName() : expression.toString(), value));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
