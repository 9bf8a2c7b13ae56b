package dev.quarry.exec;

import java.sql.SQLException;

/** Turns the current row into a value: a model's generated {@code read}, or a projection. */
@FunctionalInterface
public interface RowReader<T> {
    T read(Row row) throws SQLException;
}
