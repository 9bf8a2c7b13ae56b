package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.DatabaseException;
import dev.quarry.QuarryException;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AddIndex;
import dev.quarry.migrations.operations.AddUnique;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.TableState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * migrate applying and rolling back migrations on each database, through {@link Migrator} as users run it: rows
 * written before each migration read back after it and after its rollback.
 */
class MigrateApplyTest extends FreshDatabaseTest {

    // ---- two branches merged ---------------------------------------------------------------------------------------

    /**
     * Two migrations written on two branches, then merged: each is applied to the schema the other left (on SQLite
     * the second one's table rebuild kept the first one's column), forwards and backwards.
     */
    @Test
    void mergedBranchesEachApplyOnTheSchemaTheOtherLeft() {
        TableState note = table("Note", "ma_note", id(), col("title", ColumnType.VARCHAR).length(20).build());
        Migration initial = migration("0001_initial", List.of(), new CreateModel(note));
        Migration addBody = migration("0002_note_body", List.of("0001_initial"),
                new AddField("ma_note", col("body", ColumnType.VARCHAR).length(50).nullable().build(), null));
        Migration widen = migration("0002_widen_title", List.of("0001_initial"),
                new AlterField("ma_note", col("title", ColumnType.VARCHAR).length(40).build()));
        Migration merge = migration("0003_merge", List.of("0002_note_body", "0002_widen_title"));
        Migrator migrator = new Migrator(db, List.of(initial, addBody, widen, merge));

        migrator.migrate("0002_note_body");
        insert("ma_note", "id, title, body", 1L, "Dune", "spice");
        assertEquals("[Apply 0002_widen_title, Apply 0003_merge]", migrator.migrate(null).toString());
        assertEquals(List.of("1|Dune|spice"), rows("ma_note"), "the other branch's column is kept");
        insert("ma_note", "id, title, body", 2L, "A Title Longer Than Twenty", "long");

        db.executor().execute("DELETE FROM " + q("ma_note") + " WHERE " + q("id") + " = 2");
        migrator.migrate("0002_note_body");
        assertEquals(List.of("1|Dune|spice"), rows("ma_note"), "kept when the other branch is rolled back");
        refused(() -> insert("ma_note", "id, title", 2L, "A Title Longer Than Twenty"));

        migrator.migrate(Migrator.ZERO);
        migrator.migrate("0002_widen_title");
        insert("ma_note", "id, title", 1L, "A Title Longer Than Twenty");
        migrator.migrate(null);
        insert("ma_note", "id, title, body", 2L, "Emma", "letters");
        assertEquals(List.of("1|A Title Longer Than Twenty|null", "2|Emma|letters"), rows("ma_note"));
        migrator.migrate("0002_widen_title");
        assertEquals(List.of("1|A Title Longer Than Twenty", "2|Emma"), rows("ma_note"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Migration migration(String name, List<String> dependencies, Operation... operations) {
        Migration unsummed = new Migration(name, dependencies, List.of(operations), "");
        return new Migration(name, dependencies, List.of(operations), Migration.checksum(unsummed.toJson()));
    }

    private String q(String identifier) {
        return db.dialect().quote(identifier);
    }

    private void insert(String table, String columns, Object... values) {
        List<String> names = Arrays.stream(columns.split(",\\s*")).toList();
        String sql = "INSERT INTO " + q(table) + " (" + String.join(", ", names.stream().map(this::q).toList())
                + ") VALUES (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The rows of a table ordered by id, each as its values joined by {@code |}. */
    private List<String> rows(String table) {
        String sql = "SELECT * FROM " + q(table) + " ORDER BY " + q("id");
        return db.executor().run(sql, connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                int count = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        values.add(String.valueOf(result.getString(i)));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        });
    }

    private static void refused(Runnable work) {
        assertThrows(QuarryException.class, work::run);
    }

    private static TableState table(String model, String name, ColumnState... columns) {
        return new TableState(model, name, List.of(columns), List.of());
    }

    private static ColumnState id() {
        return new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0, 0, 0, false, false, null, null,
                null);
    }

    private static Col col(String name, ColumnType type) {
        return new Col(name, type);
    }

    /** A column state built a property at a time. */
    private static final class Col {
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

        Col(String name, ColumnType type) {
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
