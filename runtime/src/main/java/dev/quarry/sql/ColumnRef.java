package dev.quarry.sql;

import dev.quarry.meta.ColumnMeta;

/**
 * A column of a table source (the queried table, or one joined through foreign keys). {@code nullable} is true when
 * the column can be NULL: nullable itself, or reached through an outer join. Negated lookups then add an IS NOT NULL
 * guard (Django's exclude semantics).
 */
public record ColumnRef(TableSource source, ColumnMeta column, boolean nullable) implements SqlNode {
    public ColumnRef(TableSource source, ColumnMeta column) {
        this(source, column, column.nullable() || source.nullable());
    }

    /** A column of the queried model's own table. */
    public static ColumnRef of(ColumnMeta column) {
        return new ColumnRef(new TableSource.Root(column.owner()), column);
    }

    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderColumn(writer, this);
    }
}
