package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.ColumnRef;

/**
 * A column compared by equality only: UUID, enum, byte[].
 */
public final class ValueField<R, V> extends Expression<R, V> implements Field<R, V> {
    public ValueField(ColumnMeta column) {
        this(Field.rootRef(column));
    }

    /** A path to the column under a given table alias (through relations). */
    public ValueField(ColumnRef ref) {
        super(ref, ref.column().type(), ref.column());
    }
}
