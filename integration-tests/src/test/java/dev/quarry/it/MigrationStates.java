package dev.quarry.it;

import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.TableState;
import java.util.List;

/**
 * Migration states for the migration tests that define their tables as states rather than test models: a table of
 * columns, its id column, and a column built a property at a time, as in
 * {@code table("Book", "mo_book", id(), col("title", ColumnType.VARCHAR).length(20).indexed().build())}.
 */
final class MigrationStates {
    private MigrationStates() {
    }

    /** A table of the given columns, without indexes or unique constraints of its own. */
    static TableState table(String model, String name, ColumnState... columns) {
        return new TableState(model, name, List.of(columns), List.of());
    }

    /** A generated BIGINT primary key {@code id}. */
    static ColumnState id() {
        return new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0, 0, 0, false, false, null, null,
                null);
    }

    /** A generated INTEGER primary key {@code id}. */
    static ColumnState intId() {
        return new ColumnState("id", "id", ColumnType.INTEGER, false, true, true, 0, 0, 0, false, false, null, null,
                null);
    }

    /** A column of the given name and type, NOT NULL until said otherwise. */
    static Col col(String name, ColumnType type) {
        return new Col(name, type);
    }

    /** A column state built a property at a time. */
    static final class Col {
        private final String name;
        private final ColumnType type;
        private int length;
        private int precision;
        private int scale;
        private boolean nullable;
        private boolean unique;
        private boolean indexed;
        private String defaultValue;
        private String references;

        private Col(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        Col length(int length) {
            this.length = length;
            return this;
        }

        Col decimal(int precision, int scale) {
            this.precision = precision;
            this.scale = scale;
            return this;
        }

        Col nullable() {
            this.nullable = true;
            return this;
        }

        Col unique() {
            this.unique = true;
            return this;
        }

        Col indexed() {
            this.indexed = true;
            return this;
        }

        Col defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** A foreign key to the table's {@code id}. */
        Col references(String table) {
            this.references = table;
            return this;
        }

        ColumnState build() {
            return new ColumnState(name, name, type, nullable, false, false, length, precision, scale, unique,
                    indexed, defaultValue, references, references == null ? null : "id");
        }
    }
}
