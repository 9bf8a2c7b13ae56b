package dev.quarry.sql;

import dev.quarry.meta.ColumnType;

/**
 * A value bound to a {@code ?} parameter, with the column type that says how to bind it. With {@code list}, the value
 * is a whole {@code List} of values of that type bound as one parameter (an array, or JSON where the database has
 * no arrays): how very large IN lists stay within the database's parameter limit.
 */
public record BoundValue(Object value, ColumnType type, boolean list) {
    public BoundValue(Object value, ColumnType type) {
        this(value, type, false);
    }
}
