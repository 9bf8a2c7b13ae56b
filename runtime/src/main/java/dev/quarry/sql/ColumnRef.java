package dev.quarry.sql;

import dev.quarry.meta.ColumnMeta;

/**
 * A column of a table alias. {@code nullable} is true when the column itself is nullable or, later, when it is
 * reached through an outer join: negated lookups then add an IS NOT NULL guard (Django's exclude semantics).
 */
public record ColumnRef(String alias, ColumnMeta column, boolean nullable) implements SqlNode {
    public ColumnRef(String alias, ColumnMeta column) {
        this(alias, column, column.nullable());
    }

    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderColumn(writer, this);
    }
}
