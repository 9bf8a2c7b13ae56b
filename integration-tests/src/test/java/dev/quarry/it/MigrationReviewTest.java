package dev.quarry.it;

import static dev.quarry.it.MigrationStates.col;
import static dev.quarry.it.MigrationStates.id;
import static dev.quarry.it.MigrationStates.intId;
import static dev.quarry.it.MigrationStates.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations applied and rolled back on each database in the combinations a review found wrong: renames and
 * alterations of columns and tables that other tables refer to, with indexes, unique constraints and foreign keys
 * that must all be there (and work) afterwards, and the rows written before read back after.
 */
class MigrationReviewTest extends FreshDatabaseTest {
    private MigratedSchema schema;

    private TableRows tables;

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
        tables = new TableRows(db);
        schema = new MigratedSchema(db);
        for (TableState table : List.of(AUTHOR, BOOK, TAG, BOOK_TAGS)) {
            schema.forwards(new CreateModel(table));
        }
        insertRows();
    }

    private void insertRows() {
        tables.insert("rv_author", "id, name, email", 1L, "Ann", "ann@example.com");
        tables.insert("rv_author", "id, name, email", 2L, "Bob", null);
        tables.insert("rv_book", "id, title, author_id, pages, code", 1L, "Dune", 1L, 412, null);
        tables.insert("rv_book", "id, title, author_id, pages, code", 2L, "Emma", 2L, null, "E-1");
        tables.insert("rv_tag", "id, label", 1L, "sf");
        tables.insert("rv_book_tags", "id, book_id, tag_id", 1L, 1L, 1L);
        tables.insert("rv_book_tags", "id, book_id, tag_id", 2L, 2L, 1L);
    }

    private static final List<String> AUTHORS = List.of("1|Ann|ann@example.com", "2|Bob|null");
    private static final List<String> BOOKS = List.of("1|Dune|1|412|null", "2|Emma|2|null|E-1");
    private static final List<String> LINKS = List.of("1|1|1", "2|2|1");

    // ---- combinations that work (regression tests of the review) --------------------------------------------------

    @Test
    void renameModelReferencedByForeignKeyAndJoinTable() {
        ProjectState before = schema.state();
        RenameModel rename = new RenameModel("rv_book", "Volume", "rv_volume");
        schema.forwards(rename);
        assertEquals(BOOKS, tables.rows("rv_volume"));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 1L));
        // the join table and the renamed table altered afterwards (SQLite: rebuilt)
        schema.forwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()));
        schema.forwards(new AlterField("rv_volume", col("pages", ColumnType.LONG).nullable().build()));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        assertEquals(BOOKS, tables.rows("rv_volume"));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> db.executor().execute("DELETE FROM " + q("rv_volume") + " WHERE " + q("id") + " = 1"));
        ProjectState renamed = rename.apply(before);
        schema.backwards(new AlterField("rv_volume", col("pages", ColumnType.LONG).nullable().build()),
                new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                        .references("rv_tag").build()).apply(renamed));
        schema.backwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()), renamed);
        schema.backwards(rename, before);
        assertEquals(BOOKS, tables.rows("rv_book"));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        refused(() -> db.executor().execute("DELETE FROM " + q("rv_book") + " WHERE " + q("id") + " = 1"));
        schema.forwards(new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable().indexed()
                .references("rv_tag").build()));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 99L, 1L));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
    }

    @Test
    void renamePrimaryKeyThatOthersReference() {
        ProjectState before = schema.state();
        RenameField rename = new RenameField("rv_author", "id", "key", "author_key");
        schema.forwards(rename);
        assertEquals(AUTHORS, tables.rowsBy("rv_author", "author_key"));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        schema.forwards(new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().build()));
        schema.forwards(new AlterField("rv_author", col("name", ColumnType.VARCHAR).length(30).build()));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        assertEquals(BOOKS, tables.rows("rv_book"));
        assertEquals(AUTHORS, tables.rowsBy("rv_author", "author_key"));
        schema.forwards(new RenameField("rv_author", "author_key", "id", "id"));
        assertEquals(AUTHORS, tables.rows("rv_author"));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
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
        schema.forwards(new CreateModel(shelf));
        schema.forwards(new CreateModel(slot));
        db.executor().execute("INSERT INTO " + q("rv_shelf") + " (" + q("name") + ") VALUES ('a')");
        tables.insert("rv_slot", "id, shelf_id", 1L, 1L);
        ProjectState before = schema.state();
        AlterField pk = new AlterField("rv_shelf", new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0,
                0, 0, false, false, null, null, null));
        AlterField fk = new AlterField("rv_slot", col("shelf_id", ColumnType.LONG).references("rv_shelf").build());
        if (on(TestBackend.MARIADB)) {
            QuarryException e = assertThrows(QuarryException.class, () -> schema.forwards(pk));
            assertTrue(e.getMessage().startsWith("Model Shelf (table rv_shelf), field id (column id): MariaDB cannot "
                    + "change the type of a column that foreign keys refer to (rv_slot.shelf_id, INTEGER to BIGINT)"),
                    e.getMessage());
            assertEquals(List.of("1|a"), tables.rows("rv_shelf"));
            refused(() -> tables.insert("rv_slot", "id, shelf_id", 2L, 99L));
            return;
        }
        schema.forwards(pk);
        schema.forwards(fk);
        assertEquals(List.of("1|a"), tables.rows("rv_shelf"));
        assertEquals(List.of("1|1"), tables.rows("rv_slot"));
        refused(() -> tables.insert("rv_slot", "id, shelf_id", 2L, 99L));
        db.executor().execute("INSERT INTO " + q("rv_shelf") + " (" + q("name") + ") VALUES ('b')");
        assertEquals(List.of("1|a", "2|b"), tables.rows("rv_shelf"));
        db.executor().execute("DELETE FROM " + q("rv_shelf") + " WHERE " + q("id") + " = 2");
        ProjectState middle = pk.apply(before);
        schema.backwards(fk, middle);
        schema.backwards(pk, before);
        assertEquals(List.of("1|1"), tables.rows("rv_slot"));
        refused(() -> tables.insert("rv_slot", "id, shelf_id", 2L, 99L));
    }

    @Test
    void alterForeignKeyNullabilityAndDefault() {
        ProjectState before = schema.state();
        AlterField nullable = new AlterField("rv_book", col("author_id", ColumnType.LONG).nullable()
                .references("rv_author").build());
        schema.forwards(nullable);
        tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", null);
        db.executor().execute("DELETE FROM " + q("rv_book") + " WHERE " + q("id") + " = 3");
        schema.backwards(nullable, before);
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", null));
        AlterField withDefault = new AlterField("rv_book", col("author_id", ColumnType.LONG).defaultValue("1")
                .references("rv_author").build());
        schema.forwards(withDefault);
        db.executor().execute("INSERT INTO " + q("rv_book") + " (" + q("id") + ", " + q("title")
                + ") VALUES (3, 'Ubik')");
        assertEquals("3|Ubik|1|null|null", tables.rows("rv_book").get(2));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 4L, "Ubik", 99L));
        schema.backwards(withDefault, before);
        refused(() -> db.executor().execute("INSERT INTO " + q("rv_book") + " (" + q("id") + ", " + q("title")
                + ") VALUES (4, 'Ubik')"));
    }

    @Test
    void addNotNullForeignKeyWithOneOffDefault() {
        ProjectState before = schema.state();
        AddField add = new AddField("rv_tag", col("author_id", ColumnType.LONG).references("rv_author").build(),
                "1");
        schema.forwards(add);
        assertEquals(List.of("1|sf|1"), tables.rows("rv_tag"));
        refused(() -> tables.insert("rv_tag", "id, label, author_id", 2L, "x", 99L));
        refused(() -> tables.insert("rv_tag", "id, label", 2L, "x"));
        schema.backwards(add, before);
        assertEquals(List.of("1|sf"), tables.rows("rv_tag"));
    }

    @Test
    void foreignKeyAndIndexAddedInOneAlterField() {
        ProjectState before = schema.state();
        AlterField both = new AlterField("rv_book", col("pages", ColumnType.LONG).nullable().indexed()
                .references("rv_author").build());
        db.executor().execute("UPDATE " + q("rv_book") + " SET " + q("pages") + " = 1");
        schema.forwards(both);
        refused(() -> tables.insert("rv_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 99L));
        assertTrue(tables.indexes("rv_book").contains("rv_book_pages_idx"), tables.indexes("rv_book").toString());
        schema.backwards(both, before);
        tables.insert("rv_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 99L);
        assertFalse(tables.indexes("rv_book").contains("rv_book_pages_idx"));
    }

    @Test
    void removeSecondColumnOfUniqueServingAForeignKey() {
        // rv_book_tags: unique (book_id, tag_id) is the index of book_id's foreign key on MariaDB
        ProjectState before = schema.state();
        RemoveField remove = new RemoveField("rv_book_tags", "tag_id");
        schema.forwards(remove);
        assertEquals(List.of("1|1", "2|2"), tables.rows("rv_book_tags"));
        refused(() -> tables.insert("rv_book_tags", "id, book_id", 3L, 99L));
        tables.insert("rv_book_tags", "id, book_id", 3L, 1L);
        db.executor().execute("DELETE FROM " + q("rv_book_tags") + " WHERE " + q("id") + " = 3");
        assertTrue(before != null);
    }

    @Test
    void renameColumnOfUniqueTogetherThenRebuild() {
        ProjectState before = schema.state();
        RenameField rename = new RenameField("rv_book_tags", "tag_id", "label", "label_id");
        schema.forwards(rename);
        refused(() -> tables.insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L));
        schema.forwards(new AlterField("rv_book_tags", col("book_id", ColumnType.LONG).nullable().references("rv_book")
                .build()));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 99L));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        ProjectState renamed = rename.apply(before);
        RemoveUnique unique = new RemoveUnique("rv_book_tags", List.of("book_id", "label_id"));
        ProjectState altered = schema.state();
        schema.forwards(unique);
        tables.insert("rv_book_tags", "id, book_id, label_id", 3L, 1L, 1L);
        db.executor().execute("DELETE FROM " + q("rv_book_tags") + " WHERE " + q("id") + " = 3");
        schema.backwards(unique, altered);
        schema.backwards(new AlterField("rv_book_tags", col("book_id", ColumnType.LONG).nullable().references("rv_book")
                .build()), renamed);
        schema.backwards(rename, before);
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 1L));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
    }

    @Test
    void notNullOverNullsFails() {
        AlterField pages = new AlterField("rv_book", col("pages", ColumnType.INTEGER).build());
        assertThrows(QuarryException.class, () -> schema.forwards(pages));
        assertEquals(BOOKS, tables.rows("rv_book"));
        AlterField code = new AlterField("rv_book", col("code", ColumnType.VARCHAR).length(2).nullable().build());
        assertThrows(QuarryException.class, () -> schema.forwards(code));
        assertEquals(BOOKS, tables.rows("rv_book"));
    }

    @Test
    void textToNumberWithDefaultAndIndex() {
        ProjectState before = schema.state();
        db.executor().execute("UPDATE " + q("rv_book") + " SET " + q("code") + " = '7'");
        AlterField code = new AlterField("rv_book", col("code", ColumnType.INTEGER).indexed().defaultValue("3")
                .build());
        schema.forwards(code);
        assertEquals(List.of("1|Dune|1|412|7", "2|Emma|2|null|7"), tables.rows("rv_book"));
        schema.backwards(code, before);
        assertEquals(List.of("1|Dune|1|412|7", "2|Emma|2|null|7"), tables.rows("rv_book"));
    }

    @Test
    void deleteReferencedModelRolledBack() {
        ProjectState before = schema.state();
        DeleteModel links = new DeleteModel("rv_book_tags");
        DeleteModel books = new DeleteModel("rv_book");
        schema.forwards(links);
        ProjectState middle = schema.state();
        schema.forwards(books);
        schema.backwards(books, middle);
        schema.backwards(links, before);
        tables.insert("rv_book", "id, title, author_id", 1L, "Dune", 1L);
        tables.insert("rv_book_tags", "id, book_id, tag_id", 1L, 1L, 1L);
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 2L, 99L, 1L));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 2L, 1L, 1L));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 2L, "Emma", 99L));
        assertTrue(tables.indexes("rv_book").contains("rv_book_title_idx"));
    }

    @Test
    void indexRemovedFromForeignKeyColumnWithTypeChange() {
        ProjectState before = schema.state();
        AlterField tag = new AlterField("rv_book_tags", col("tag_id", ColumnType.LONG).nullable()
                .references("rv_tag").build());
        schema.forwards(tag);
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 99L));
        schema.backwards(tag, before);
        assertTrue(tables.indexes("rv_book_tags").contains("rv_book_tags_tag_id_idx"));
        refused(() -> tables.insert("rv_book_tags", "id, book_id, tag_id", 3L, 1L, 99L));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
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
        tables.insert("rv_note", "id, author_id, book_id", 1L, 1L, 1L);
        tables.insert("rv_note", "id, author_id, book_id", 2L, 2L, 2L);
        migrator.migrate(null);
        assertEquals(List.of("1|1|1", "2|2|2"), tables.rows("rv_note"));
        assertEquals(BOOKS, tables.rows("rv_book"));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        migrator.migrate("0001_initial");
        assertEquals(List.of("1|1|1", "2|2|2"), tables.rows("rv_note"));
        assertEquals(LINKS, tables.rows("rv_book_tags"));
        refused(() -> tables.insert("rv_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> tables.insert("rv_note", "id, author_id", 3L, 99L));
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
            assertEquals(BOOKS, tables.rows("rv_book"));
        } else {
            assertTrue(e.getMessage().contains("at the statement\n    INSERT INTO"), e.getMessage());
        }
        assertEquals(List.of("1|Dune|1|412|null", "2|Emma|2|null|E-1"), tables.rows("rv_book").subList(0, 2));
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
            schema.forwards(new DeleteModel(table));
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

    // ---- refusals ---------------------------------------------------------------------------------------------------

    private static void refused(Runnable work) {
        assertThrows(QuarryException.class, work::run);
    }
}
