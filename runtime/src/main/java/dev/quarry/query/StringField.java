package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;

/**
 * A String column: equality, order and the text lookups (contains, icontains, startsWith...).
 */
public final class StringField<R> extends StringExpression<R> implements Field<R, String> {
    public StringField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public StringField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
