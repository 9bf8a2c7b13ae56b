package dev.quarry.sql;

import dev.quarry.meta.ColumnType;

/**
 * A part of a date/time value; each dialect renders its own extraction function. {@code sourceType} tells how the
 * value is stored (PostgreSQL must read zoned values at UTC, SQLite parses text).
 */
public record Extract(DatePart part, SqlNode source, ColumnType sourceType) implements SqlNode {
    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderExtract(writer, this);
    }
}
