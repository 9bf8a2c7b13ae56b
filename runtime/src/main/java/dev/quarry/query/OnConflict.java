package dev.quarry.query;

import dev.quarry.meta.ColumnMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bulkCreate} does with a row that would violate a unique constraint: Django's
 * {@code ignore_conflicts} and {@code update_conflicts}.
 * <pre>{@code
 * books.bulkCreate(list, OnConflict.ignore());
 * books.bulkCreate(list, OnConflict.on(BookQuery.isbn()).update(BookQuery.title(), BookQuery.price()));
 * }</pre>
 *
 * @param <T> the model
 */
public final class OnConflict<T> {
    private final List<ColumnMeta> uniqueColumns;
    private final List<ColumnMeta> updateColumns;

    private OnConflict(List<ColumnMeta> uniqueColumns, List<ColumnMeta> updateColumns) {
        this.uniqueColumns = List.copyOf(uniqueColumns);
        this.updateColumns = List.copyOf(updateColumns);
    }

    /** Skip rows that conflict with an existing row on any unique constraint (the primary key included). */
    public static <T> OnConflict<T> ignore() {
        return new OnConflict<>(List.of(), List.of());
    }

    /** Rows conflicting on these unique fields (together: one unique constraint) ... */
    @SafeVarargs
    public static <T> Target<T> on(Field<T, ?>... uniqueFields) {
        if (uniqueFields.length == 0) {
            throw new IllegalArgumentException("on() needs the fields of the unique constraint that may conflict");
        }
        return new Target<>(columns(uniqueFields));
    }

    /** The first half of {@code on(...).update(...)}. */
    public static final class Target<T> {
        private final List<ColumnMeta> uniqueColumns;

        private Target(List<ColumnMeta> uniqueColumns) {
            this.uniqueColumns = uniqueColumns;
        }

        /** ... update these fields of the existing row from the new one (an upsert). */
        @SafeVarargs
        public final OnConflict<T> update(Field<T, ?>... fields) {
            if (fields.length == 0) {
                throw new IllegalArgumentException("update() needs the fields to overwrite; use ignore() to skip");
            }
            return new OnConflict<>(uniqueColumns, columns(fields));
        }

        /** ... skip the new row. */
        public OnConflict<T> ignore() {
            return new OnConflict<>(uniqueColumns, List.of());
        }
    }

    @SafeVarargs
    private static <T> List<ColumnMeta> columns(Field<T, ?>... fields) {
        List<ColumnMeta> columns = new ArrayList<>(fields.length);
        for (Field<T, ?> field : fields) {
            columns.add(field.column());
        }
        return columns;
    }

    /** The columns of the conflicting unique constraint; empty for "any". */
    public List<ColumnMeta> uniqueColumns() {
        return uniqueColumns;
    }

    /** The columns to update on conflict; empty to skip the new row. */
    public List<ColumnMeta> updateColumns() {
        return updateColumns;
    }
}
