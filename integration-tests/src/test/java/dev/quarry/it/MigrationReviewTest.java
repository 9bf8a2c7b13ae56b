package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AddIndex;
import dev.quarry.migrations.operations.AddUnique;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.DeleteModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RemoveIndex;
import dev.quarry.migrations.operations.RemoveUnique;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.migrations.operations.SchemaChange;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import dev.quarry.schema.SchemaStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations applied and rolled back on each database in the combinations a review found wrong: renames and
 * alterations of columns and tables that other tables refer to, with indexes, unique constraints and foreign keys
 * that must all be there (and work) afterwards, and the rows written before read back after.
 */
class MigrationReviewTest extends FreshDatabaseTest {
    private ProjectState state;

    private static final TableState AUTHOR = table("Author", "rv_author", id(),
            col("name", ColumnType.VARCHAR).length(20).build(),
            col("email", ColumnType.VARCHAR).length(50).nullable().unique().build());

    private static final TableState BOOK = table("Book", "rv_book", id(),
            col("title", ColumnType.VARCHAR).length(20).indexed().build(),
            col("author_id", ColumnType.LONG).references("rv_author").build(),
            col("pages", ColumnType.INTEGER).nullable().build(),
            col("code", ColumnType.VARCHAR).length(10).nullable().build());

    private static final TableState TAG = table("Tag", "rv_tag", id(),
            col("label", ColumnType.VARCHAR).length(10).build());

    /** A many-to-many join table, as Quarry creates them. */
    private static final TableState BOOK_TAGS = table("Book.tags link", "rv_book_tags", id(),
            col("book_id", ColumnType.LONG).references("rv_book").build(),
            col("tag_id", ColumnType.LONG).indexed().references("rv_tag").build())
            .withUniqueTogether(List.of(List.of("book_id", "tag_id")));

    @BeforeEach
    void createTables() {
        state = ProjectState.EMPTY;
        for (TableState table : List.of(AUTHOR, BOOK, TAG, BOOK_TAGS)) {
            forwards(new CreateModel(table));
        }
        insertRows();
    }

    private void insertRows() {
        insert("rv_author", "id, name, email", 1L, "Ann", "ann@example.com");
        insert("rv_author", "id, name, email", 2L, "Bob", null);
        insert("rv_book", "id, title, author_id, pages, code", 1L, "Dune", 1L, 412, null);
        insert("rv_book", "id, title, author_id, pages, code", 2L, "Emma", 2L, null, "E-1");
        insert("rv_tag", "id, label", 1L, "sf");
        insert("rv_book_tags", "id, book_id, tag_id", 1L, 1L, 1L);
        insert("rv_book_tags", "id, book_id, tag_id", 2L, 2L, 1L);
    }

    private static final List<String> AUTHORS = List.of("1|Ann|ann@example.com", "2|Bob|null");
    private static final List<String> BOOKS = List.of("1|Dune|1|412|null", "2|Emma|2|null|E-1");
    private static final List<String> LINKS = List.of("1|1|1", "2|2|1");

    // ---- combinations that work (regression tests of the review) --------------------------------------------------

    @Test
    void renameModelReferencedByForeignKeyAndJoinTable() {
        ProjectState before = state;
        RenameModel rename = new RenameModel("rv_book", "Volume", "rv_volume");
        forwards(rename);
        assertEquals(BOOKS, rows("rv_volume"));
        assertEquals(LINKS, rows("rv_book_tags"));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 1L));
        // the join table and the renamed table altered afterwards (SQLite: rebuilt)
        forwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()));
        forwards(new AlterField("rv_volume", col("pages", ColumnType.LONG).nullable().build()));
        assertEquals(LINKS, rows("rv_book_tags"));
        assertEquals(BOOKS, rows("rv_volume"));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> db.executor().execute("DELETE FROM " + q("rv_volume") + " WHERE " + q("id") + " = 1"));
        ProjectState renamed = rename.apply(before);
        backwards(new AlterField("rv_volume", col("pages", ColumnType.LONG).nullable().build()),
                new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                        .references("rv_tag").build()).apply(renamed));
        backwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()), renamed);
        backwards(rename, before);
        assertEquals(BOOKS, rows("rv_book"));
        assertEquals(LINKS, rows("rv_book_tags"));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> db.executor().execute("DELETE FROM " + q("rv_book") + " WHERE " + q("id") + " = 1"));
        forwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        assertEquals(LINKS, rows("rv_book_tags"));
    }

    @Test
    void renamePrimaryKeyThatOthersReference() {
        ProjectState before = state;
        RenameField rename = new RenameField("rv_author", "id", "key", "author_key");
        forwards(rename);
        assertEquals(AUTHORS, rowsBy("rv_author", "author_key"));
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        forwards(new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().build()));
        forwards(new AlterField("rv_author", col("name", ColumnType.VARCHAR).length(30).build()));
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        assertEquals(BOOKS, rows("rv_book"));
        assertEquals(AUTHORS, rowsBy("rv_author", "author_key"));
        forwards(new RenameField("rv_author", "author_key", "id", "id"));
        assertEquals(AUTHORS, rows("rv_author"));
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
    }

    /**
     * A primary key widened, then the foreign key that refers to it: PostgreSQL, H2 and SQLite keep the rows and the
     * key's generation; MariaDB cannot change a column under a foreign key and says so, naming it, before any change.
     */
    @Test
    void alterPrimaryKeyTypeThatOthersReference() {
        TableState shelf = table("Shelf", "rv_shelf", intId(), col("name", ColumnType.VARCHAR).length(10).build());
        TableState slot = table("Slot", "rv_slot", id(), col("shelf_id", ColumnType.INTEGER).references("rv_shelf")
                .build());
        forwards(new CreateModel(shelf));
        forwards(new CreateModel(slot));
        db.executor().execute("INSERT INTO " + q("rv_shelf") + " (" + q("name") + ") VALUES ('a')");
        insert("rv_slot", "id, shelf_id", 1L, 1L);
        ProjectState before = state;
        AlterField pk = new AlterField("rv_shelf", new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0,
                0, 0, false, false, null, null, null));
        AlterField fk = new AlterField("rv_slot", col("shelf_id", ColumnType.LONG).references("rv_shelf").build());
        if (on(TestBackend.MARIADB)) {
            QuarryException e = assertThrows(QuarryException.class, () -> forwards(pk));
            assertTrue(e.getMessage().startsWith("Model Shelf (table rv_shelf), field id (column id): MariaDB cannot "
                    + "change the type of a column that foreign keys refer to (rv_slot.shelf_id, INTEGER to BIGINT)"),
                    e.getMessage());
            assertEquals(List.of("1|a"), rows("rv_shelf"));
            refused(() -> insert("rv_slot", "id, shelf_id", 2L, 99L));
            return;
        }
        forwards(pk);
        forwards(fk);
        assertEquals(List.of("1|a"), rows("rv_shelf"));
        assertEquals(List.of("1|1"), rows("rv_slot"));
        refused(() -> insert("rv_slot", "id, shelf_id", 2L, 99L));
        db.executor().execute("INSERT INTO " + q("rv_shelf") + " (" + q("name") + ") VALUES ('b')");
        assertEquals(List.of("1|a", "2|b"), rows("rv_shelf"));
        db.executor().execute("DELETE FROM " + q("rv_shelf") + " WHERE " + q("id") + " = 2");
        ProjectState middle = pk.apply(before);
        backwards(fk, middle);
        backwards(pk, before);
        assertEquals(List.of("1|1"), rows("rv_slot"));
        refused(() -> insert("rv_slot", "id, shelf_id", 2L, 99L));
    }

    @Test
    void alterForeignKeyNullabilityAndDefault() {
        ProjectState before = state;
        AlterField nullable = new AlterField("rv_book", col("author_id", ColumnType.LONG).nullable()
                .references("rv_author").build());
        forwards(nullable);
        insert("rv_book", "id, title, author_id", 3L, "Ubik", null);
        db.executor().execute("DELETE FROM " + q("rv_book") + " WHERE " + q("id") + " = 3");
        backwards(nullable, before);
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", null));
        AlterField withDefault = new AlterField("rv_book", col("author_id", ColumnType.LONG).defaultValue("1")
                .references("rv_author").build());
        forwards(withDefault);
        db.executor().execute("INSERT INTO " + q("rv_book") + " (" + q("id") + ", " + q("title")
                + ") VALUES (3, 'Ubik')");
        assertEquals("3|Ubik|1|null|null", rows("rv_book").get(2));
        refused(() -> insert("rv_book", "id, title, author_id", 4L, "Ubik", 99L));
        backwards(withDefault, before);
        refused(() -> db.executor().execute("INSERT INTO " + q("rv_book") + " (" + q("id") + ", " + q("title")
                + ") VALUES (4, 'Ubik')"));
    }

    @Test
    void addNotNullForeignKeyWithOneOffDefault() {
        ProjectState before = state;
        AddField add = new AddField("rv_tag", col("author_id", ColumnType.LONG).references("rv_author").build(),
                "1");
        forwards(add);
        assertEquals(List.of("1|sf|1"), rows("rv_tag"));
        refused(() -> insert("rv_tag", "id, label, author_id", 2L, "x", 99L));
        refused(() -> insert("rv_tag", "id, label", 2L, "x"));
        backwards(add, before);
        assertEquals(List.of("1|sf"), rows("rv_tag"));
    }

    @Test
    void foreignKeyAndIndexAddedInOneAlterField() {
        ProjectState before = state;
        AlterField both = new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().indexed()
                .references("rv_author").build());
        db.executor().execute("UPDATE " + q("rv_book") + " SET " + q("pages") + " = 1");
        forwards(both);
        refused(() -> insert("rv_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 99L));
        assertTrue(indexes("rv_book").contains("rv_book_pages_idx"), indexes("rv_book").toString());
        backwards(both, before);
        insert("rv_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 99L);
        assertFalse(indexes("rv_book").contains("rv_book_pages_idx"));
    }

    @Test
    void removeSecondColumnOfUniqueServingAForeignKey() {
        // rv_book_tags: unique (book_id, tag_id) is the index of book_id's foreign key on MariaDB
        ProjectState before = state;
        RemoveField remove = new RemoveField("rv_book_tags", "tag_id");
        forwards(remove);
        assertEquals(List.of("1|1", "2|2"), rows("rv_book_tags"));
        refused(() -> insert("rv_book_tags", "id, book_id", 3L, 99L));
        insert("rv_book_tags", "id, book_id", 3L, 1L);
        db.executor().execute("DELETE FROM " + q("rv_book_tags") + " WHERE " + q("id") + " = 3");
        assertTrue(before != null);
    }

    @Test
    void renameColumnOfUniqueTogetherThenRebuild() {
        ProjectState before = state;
        RenameField rename = new RenameField("rv_book_tags", "tag_id", "label", "label_id");
        forwards(rename);
        refused(() -> insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L));
        forwards(new AlterField("rv_book_tags", col("book_id", ColumnType.LONG).nullable().references("rv_book")
                .build()));
        refused(() -> insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L));
        refused(() -> insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 99L));
        assertEquals(LINKS, rows("rv_book_tags"));
        ProjectState renamed = rename.apply(before);
        RemoveUnique unique = new RemoveUnique("rv_book_tags", List.of("book_id", "label_id"));
        ProjectState altered = state;
        forwards(unique);
        insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L);
        db.executor().execute("DELETE FROM " + q("rv_book_tags") + " WHERE " + q("id") + " = 3");
        backwards(unique, altered);
        backwards(new AlterField("rv_book_tags", col("book_id", ColumnType.LONG).nullable().references("rv_book")
                .build()), renamed);
        backwards(rename, before);
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 1L));
        assertEquals(LINKS, rows("rv_book_tags"));
    }

    @Test
    void notNullOverNullsFails() {
        AlterField pages = new AlterField("rv_book", col("pages", ColumnType.INTEGER).build());
        assertThrows(QuarryException.class, () -> forwards(pages));
        assertEquals(BOOKS, rows("rv_book"));
        AlterField code = new AlterField("rv_book", col("code", ColumnType.VARCHAR).length(2).nullable().build());
        assertThrows(QuarryException.class, () -> forwards(code));
        assertEquals(BOOKS, rows("rv_book"));
    }

    @Test
    void textToNumberWithDefaultAndIndex() {
        ProjectState before = state;
        db.executor().execute("UPDATE " + q("rv_book") + " SET " + q("code") + " = '7'");
        AlterField code = new AlterField("rv_book", col("code", ColumnType.INTEGER).indexed().defaultValue("3")
                .build());
        forwards(code);
        assertEquals(List.of("1|Dune|1|412|7", "2|Emma|2|null|7"), rows("rv_book"));
        backwards(code, before);
        assertEquals(List.of("1|Dune|1|412|7", "2|Emma|2|null|7"), rows("rv_book"));
    }

    @Test
    void deleteReferencedModelRolledBack() {
        ProjectState before = state;
        DeleteModel links = new DeleteModel("rv_book_tags");
        DeleteModel books = new DeleteModel("rv_book");
        forwards(links);
        ProjectState middle = state;
        forwards(books);
        backwards(books, middle);
        backwards(links, before);
        insert("rv_book", "id, title, author_id", 1L, "Dune", 1L);
        insert("rv_book_tags", "id, book_id, tag_id", 1L, 1L, 1L);
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 2L, 99L, 1L));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 2L, 1L, 1L));
        refused(() -> insert("rv_book", "id, title, author_id", 2L, "Emma", 99L));
        assertTrue(indexes("rv_book").contains("rv_book_title_idx"));
    }

    @Test
    void indexRemovedFromForeignKeyColumnWithTypeChange() {
        ProjectState before = state;
        AlterField tag = new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable()
                .references("rv_tag").build());
        forwards(tag);
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 99L));
        backwards(tag, before);
        assertTrue(indexes("rv_book_tags").contains("rv_book_tags_tag_id_idx"));
        refused(() -> insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 99L));
        assertEquals(LINKS, rows("rv_book_tags"));
    }

    // ---- SQLite: foreign keys off around a migration's transaction -----------------------------------------------

    /**
     * A table that a foreign key with ON DELETE CASCADE (or SET NULL) points to, written by hand, altered: SQLite's
     * rebuild drops the table, which ran those actions with foreign keys on (the rows of rv_note went).
     */
    @Test
    void rebuildKeepsRowsOfTablesWithCascadingForeignKeys() {
        Migrator migrator = new Migrator(db, List.of(initialWithNotes(), migration("0002_alter", "0001_initial",
                new AlterField("rv_author", col("name", ColumnType.VARCHAR).length(30).build()),
                new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().build()))));
        migrator.migrate("0001_initial");
        insertRows();
        insert("rv_note", "id, author_id, book_id", 1L, 1L, 1L);
        insert("rv_note", "id, author_id, book_id", 2L, 2L, 2L);
        migrator.migrate(null);
        assertEquals(List.of("1|1|1", "2|2|2"), rows("rv_note"));
        assertEquals(BOOKS, rows("rv_book"));
        assertEquals(LINKS, rows("rv_book_tags"));
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        migrator.migrate("0001_initial");
        assertEquals(List.of("1|1|1", "2|2|2"), rows("rv_note"));
        assertEquals(LINKS, rows("rv_book_tags"));
        refused(() -> insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> insert("rv_note", "id, author_id", 3L, 99L));
    }

    /** With foreign keys off during the migration, a row that breaks one still fails the migration (SQLite: all of it). */
    @Test
    void aMigrationThatBreaksAForeignKeyFails() {
        Migrator migrator = new Migrator(db, List.of(initialWithNotes(), migration("0002_dangling", "0001_initial",
                new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().build()),
                new RunSql(List.of("INSERT INTO " + q("rv_book") + " (" + q("id") + ", " + q("title") + ", "
                        + q("author_id") + ") VALUES (3, 'Ubik', 99)"), List.of()))));
        migrator.migrate("0001_initial");
        insertRows();
        MigrationException e = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        if (db.dialect().supportsTransactionalDdl()) {
            assertEquals(BOOKS, rows("rv_book"));
        } else {
            assertTrue(e.getMessage().contains("at the statement\n    INSERT INTO"), e.getMessage());
        }
        assertEquals(List.of("1|Dune|1|412|null", "2|Emma|2|null|E-1"), rows("rv_book").subList(0, 2));
        assertEquals(1, migrator.status().stream().filter(Migrator.Status::applied).count());
        if (on(TestBackend.SQLITE)) {
            assertTrue(e.getMessage().contains("checking the foreign keys") && e.getMessage().contains(
                    "a row of rv_book (rowid 3) refers to a missing row of rv_author"), e.getMessage());
            assertEquals(1L, foreignKeysEnforced(), "foreign keys are on again");
        }
    }

    /** The tables of {@link #createTables}, created by a first migration, with rv_note written by hand. */
    private Migration initialWithNotes() {
        for (String table : List.of("rv_book_tags", "rv_tag", "rv_book", "rv_author")) {
            forwards(new DeleteModel(table));
        }
        String id = q("id");
        String note = "CREATE TABLE " + q("rv_note") + " (" + id + " BIGINT NOT NULL PRIMARY KEY, " + q("author_id")
                + " BIGINT NULL, " + q("book_id") + " BIGINT NULL, FOREIGN KEY (" + q("author_id") + ") REFERENCES "
                + q("rv_author") + " (" + id + ") ON DELETE CASCADE, FOREIGN KEY (" + q("book_id") + ") REFERENCES "
                + q("rv_book") + " (" + id + ") ON DELETE SET NULL)";
        return migration("0001_initial", null, new CreateModel(AUTHOR), new CreateModel(BOOK), new CreateModel(TAG),
                new CreateModel(BOOK_TAGS), new RunSql(List.of(note), List.of("DROP TABLE " + q("rv_note"))));
    }

    private static Migration migration(String name, String dependency, Operation... operations) {
        return new Migration(name, dependency == null ? List.of() : List.of(dependency), List.of(operations), "");
    }

    private long foreignKeysEnforced() {
        String sql = "PRAGMA foreign_keys";
        return db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    // ---- running operations ----------------------------------------------------------------------------------------

    private final class Running implements SchemaChange {
        private final SchemaStatements ddl = new SchemaStatements(db.dialect());
        private final List<String> executed = new ArrayList<>();

        @Override
        public SchemaStatements ddl() {
            return ddl;
        }

        @Override
        public void execute(List<String> statements) {
            for (String statement : statements) {
                executed.add(statement);
                db.executor().execute(statement);
            }
        }

        @Override
        public Database database() {
            return db;
        }
    }

    private List<String> forwards(Operation operation) {
        ProjectState before = state;
        Running running = new Running();
        inMigrationTransaction(() -> operation.forwards(running, before));
        state = operation.apply(before);
        return running.executed;
    }

    private List<String> backwards(Operation operation, ProjectState before) {
        assertTrue(operation.reversible(before), operation.describe() + " is reversible");
        Running running = new Running();
        inMigrationTransaction(() -> operation.backwards(running, before));
        state = before;
        return running.executed;
    }

    private void inMigrationTransaction(Runnable work) {
        if (db.dialect().supportsTransactionalDdl()) {
            db.atomic(work);
        } else {
            work.run();
        }
    }

    // ---- data and catalog ------------------------------------------------------------------------------------------

    private boolean on(TestBackend backend) {
        return TestBackend.current() == backend;
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

    private List<String> rows(String table) {
        return rowsBy(table, "id");
    }

    /** The rows of a table ordered by a column, each as its values joined by {@code |}. */
    private List<String> rowsBy(String table, String orderBy) {
        String sql = "SELECT * FROM " + q(table) + " ORDER BY " + q(orderBy);
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

    private Set<String> indexes(String table) {
        return db.executor().run("getIndexInfo " + table, connection -> {
            Set<String> names = new TreeSet<>();
            try (ResultSet result = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                    connection.getSchema(), table, false, false)) {
                while (result.next()) {
                    if (result.getString("INDEX_NAME") != null) {
                        names.add(result.getString("INDEX_NAME"));
                    }
                }
            }
            return names;
        });
    }

    private static void refused(Runnable work) {
        assertThrows(QuarryException.class, work::run);
    }

    // ---- states ----------------------------------------------------------------------------------------------------

    private static TableState table(String model, String name, ColumnState... columns) {
        return new TableState(model, name, List.of(columns), List.of());
    }

    private static ColumnState id() {
        return new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0, 0, 0, false, false, null, null,
                null);
    }

    private static ColumnState intId() {
        return new ColumnState("id", "id", ColumnType.INTEGER, false, true, true, 0, 0, 0, false, false, null, null,
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
            return new ColumnState(name, name, type, nullable, false, false, length, 0, 0, unique, indexed,
                    defaultValue, references, references == null ? null : "id");
        }
    }
}
