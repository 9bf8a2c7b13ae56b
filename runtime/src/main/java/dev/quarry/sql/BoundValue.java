package dev.quarry.sql;

import dev.quarry.meta.ColumnType;

/** A value bound to a {@code ?} parameter, with the column type that says how to bind it. */
public record BoundValue(Object value, ColumnType type) {
}
