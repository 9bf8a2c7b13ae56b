package dev.quarry.sql;

import dev.quarry.meta.ColumnType;

/** A value in the tree; always rendered as a bound parameter. */
public record Param(Object value, ColumnType type) implements SqlNode {
    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderParam(writer, this);
    }
}
