package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.Database;
import dev.quarry.DatabaseException;
import dev.quarry.QuarryException;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.DataMigration;
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
import dev.quarry.migrations.operations.RunJava;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.migrations.operations.SchemaChange;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import dev.quarry.schema.SchemaStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every migration operation applied and rolled back on each database, through {@link SchemaStatements}, on tables of
 * its own (defined as migration states here, not the shared test models): rows written before an operation read back
 * after it and after its rollback, and constraints, foreign keys and indexes work as the state says. Each operation
 * runs in a transaction of its own where DDL is transactional, as {@code migrate} runs a migration.
 */
class MigrationOperationsTest extends DatabaseTest {
    /** Every table the tests create, referring tables first: what {@link #dropOwnTables} drops. */
    private static final List<String> OWN_TABLES = List.of("mo_extra", "mo_review", "mo_book", "mo_author",
            "mo_writer", "mo_publisher");

    private ProjectState state;

    // ---- the schema the tests start from ---------------------------------------------------------------------------

    private static final TableState PUBLISHER = table("Publisher", "mo_publisher", id(),
            col("name", ColumnType.VARCHAR).length(30).build());

    private static final TableState AUTHOR = table("Author", "mo_author", id(),
            col("name", ColumnType.VARCHAR).length(20).build(),
            col("email", ColumnType.VARCHAR).length(50).nullable().unique().build(),
            col("country", ColumnType.VARCHAR).length(2).nullable().indexed().build());

    private static final TableState BOOK = table("Book", "mo_book", id(),
            col("title", ColumnType.VARCHAR).length(20).indexed().build(),
            col("author_id", ColumnType.LONG).references("mo_author").build(),
            col("pages", ColumnType.INTEGER).nullable().build(),
            col("code", ColumnType.VARCHAR).length(10).nullable().build(),
            col("editor_id", ColumnType.LONG).nullable().build());

    private static final TableState REVIEW = table("Review", "mo_review", id(),
            col("book_id", ColumnType.LONG).nullable().indexed().references("mo_book").build(),
            col("stars", ColumnType.INTEGER).build());

    @BeforeEach
    void createOwnTables() {
        dropOwnTables();
        state = ProjectState.EMPTY;
        for (TableState table : List.of(PUBLISHER, AUTHOR, BOOK, REVIEW)) {
            forwards(new CreateModel(table));
        }
        insert("mo_publisher", "id, name", 1L, "Gollancz");
        insert("mo_author", "id, name, email, country", 1L, "Ann", "ann@example.com", "fr");
        insert("mo_author", "id, name, email, country", 2L, "Bob", null, null);
        insert("mo_book", "id, title, author_id, pages, code, editor_id", 1L, "Dune", 1L, 412, null, null);
        insert("mo_book", "id, title, author_id, pages, code, editor_id", 2L, "Emma", 2L, null, "E-1", null);
        insert("mo_review", "id, book_id, stars", 1L, 1L, 5);
        insert("mo_review", "id, book_id, stars", 2L, 2L, 4);
    }

    @AfterEach
    void dropOwnTables() {
        inMigrationTransaction(() -> {
            db.dialect().beforeDroppingTables().ifPresent(db.executor()::execute);
            for (String table : OWN_TABLES) {
                db.executor().execute("DROP TABLE IF EXISTS " + q(table));
            }
        });
    }

    private static final List<String> AUTHORS = List.of("1|Ann|ann@example.com|fr", "2|Bob|null|null");
    private static final List<String> BOOKS = List.of("1|Dune|1|412|null|null", "2|Emma|2|null|E-1|null");
    private static final List<String> REVIEWS = List.of("1|1|5", "2|2|4");

    /** The rows written before each test, as they read back. */
    private void assertRowsKept() {
        assertEquals(AUTHORS, rows("mo_author"));
        assertEquals(BOOKS, rows("mo_book"));
        assertEquals(REVIEWS, rows("mo_review"));
    }

    // ---- CreateModel, DeleteModel ----------------------------------------------------------------------------------

    @Test
    void createModelAndDeleteModelRollBack() {
        TableState extra = table("Extra", "mo_extra", id(),
                col("author_id", ColumnType.LONG).indexed().references("mo_author").build(),
                col("label", ColumnType.VARCHAR).length(10).build());
        extra = extra.withUniqueTogether(List.of(List.of("author_id", "label")));
        ProjectState before = state;
        CreateModel create = new CreateModel(extra);
        forwards(create);
        insert("mo_extra", "id, author_id, label", 1L, 1L, "x");
        refused(() -> insert("mo_extra", "id, author_id, label", 2L, 1L, "x"));
        refused(() -> insert("mo_extra", "id, author_id, label", 3L, 99L, "y"));
        assertTrue(indexes("mo_extra").contains("mo_extra_author_id_idx"), indexes("mo_extra").toString());
        backwards(create, before);
        assertFalse(exists("mo_extra"));

        ProjectState beforeDelete = state;
        DeleteModel delete = new DeleteModel("mo_review");
        forwards(delete);
        assertFalse(exists("mo_review"));
        assertEquals(BOOKS, rows("mo_book"));
        backwards(delete, beforeDelete);
        assertEquals(List.of(), rows("mo_review"), "a deleted table comes back empty");
        insert("mo_review", "id, book_id, stars", 3L, 1L, 3);
        refused(() -> insert("mo_review", "id, book_id, stars", 4L, 99L, 3));
        assertTrue(indexes("mo_review").contains("mo_review_book_id_idx"));
    }

    // ---- AddField, RemoveField -------------------------------------------------------------------------------------

    @Test
    void addNullableForeignKeyWithIndexAndRollBack() {
        ProjectState before = state;
        AddField add = new AddField("mo_review", col("author_id", ColumnType.LONG).nullable().indexed()
                .references("mo_author").build(), null);
        forwards(add);
        assertEquals(List.of("1|1|5|null", "2|2|4|null"), rows("mo_review"));
        db.executor().execute("UPDATE " + q("mo_review") + " SET " + q("author_id") + " = 2");
        refused(() -> insert("mo_review", "id, book_id, stars, author_id", 3L, 1L, 1, 99L));
        assertTrue(indexes("mo_review").contains("mo_review_author_id_idx"));
        backwards(add, before);
        assertRowsKept();
        assertFalse(columns("mo_review").contains("author_id"));
        assertFalse(indexes("mo_review").contains("mo_review_author_id_idx"));
    }

    @Test
    void addNotNullColumnWithOneOffDefaultToTableWithRows() {
        ProjectState before = state;
        AddField add = new AddField("mo_book", col("isbn", ColumnType.VARCHAR).length(20).build(), "unknown");
        forwards(add);
        assertEquals(List.of("1|Dune|1|412|null|null|unknown", "2|Emma|2|null|E-1|null|unknown"), rows("mo_book"));
        // the one-off default filled the rows; the column keeps no default and takes no NULL
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L));
        refused(() -> insert("mo_book", "id, title, author_id, isbn", 3L, "Ubik", 1L, null));
        insert("mo_book", "id, title, author_id, isbn", 3L, "Ubik", 1L, "978");
        assertEquals(AUTHORS, rows("mo_author"));
        backwards(add, before);
        assertEquals(List.of("1|Dune|1|412|null|null", "2|Emma|2|null|E-1|null", "3|Ubik|1|null|null|null"),
                rows("mo_book"));
        assertEquals(REVIEWS, rows("mo_review"));
    }

    @Test
    void addUniqueColumnToReferencedTableAndRollBack() {
        ProjectState before = state;
        AddField add = new AddField("mo_author", col("nick", ColumnType.VARCHAR).length(10).nullable().unique()
                .build(), null);
        forwards(add);
        assertEquals(List.of("1|Ann|ann@example.com|fr|null", "2|Bob|null|null|null"), rows("mo_author"));
        db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("nick") + " = 'a' WHERE " + q("id")
                + " = 1");
        refused(() -> db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("nick") + " = 'a'"));
        assertReferencesHold();
        backwards(add, before);
        assertRowsKept();
        assertReferencesHold();
    }

    @Test
    void removeUniqueColumnAndRollBack() {
        ProjectState before = state;
        RemoveField remove = new RemoveField("mo_author", "email");
        forwards(remove);
        assertEquals(List.of("1|Ann|fr", "2|Bob|null"), rows("mo_author"));
        assertReferencesHold();
        backwards(remove, before);
        assertEquals(List.of("1|Ann|fr|null", "2|Bob|null|null"), rows("mo_author"),
                "added back at the end, without values");
        db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("email") + " = 'a' WHERE " + q("id")
                + " = 1");
        refused(() -> db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("email") + " = 'a'"));
        assertTrue(indexes("mo_author").contains("mo_author_country_idx"));
        assertReferencesHold();
    }

    @Test
    void removePlainIndexedColumnAndRollBack() {
        ProjectState before = state;
        RemoveField remove = new RemoveField("mo_author", "country");
        List<String> ddl = forwards(remove);
        if (on(TestBackend.SQLITE)) {
            assertEquals(List.of("DROP INDEX \"mo_author_country_idx\"",
                    "ALTER TABLE \"mo_author\" DROP COLUMN \"country\""), ddl, "no rebuild");
        }
        assertEquals(List.of("1|Ann|ann@example.com", "2|Bob|null"), rows("mo_author"));
        assertFalse(indexes("mo_author").contains("mo_author_country_idx"));
        assertReferencesHold();
        backwards(remove, before);
        assertEquals(List.of("1|Ann|ann@example.com|null", "2|Bob|null|null"), rows("mo_author"));
        assertTrue(indexes("mo_author").contains("mo_author_country_idx"));
        refused(() -> insert("mo_author", "id, name, country", 3L, "Cy", "fra"));
        assertReferencesHold();
    }

    @Test
    void removeIndexedForeignKeyAndRollBack() {
        ProjectState before = state;
        RemoveField remove = new RemoveField("mo_review", "book_id");
        forwards(remove);
        assertEquals(List.of("1|5", "2|4"), rows("mo_review"));
        assertFalse(indexes("mo_review").contains("mo_review_book_id_idx"));
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 2");
        backwards(remove, before);
        assertEquals(List.of("1|5|null", "2|4|null"), rows("mo_review"), "added back at the end, without values");
        assertTrue(indexes("mo_review").contains("mo_review_book_id_idx"));
        insert("mo_review", "id, book_id, stars", 3L, 1L, 2);
        refused(() -> insert("mo_review", "id, book_id, stars", 4L, 2L, 2));
    }

    @Test
    void removeColumnOfUniqueConstraintsBringsThemBack() {
        forwards(new AddUnique("mo_book", List.of("code", "pages")));
        forwards(new AddUnique("mo_book", List.of("title", "code")));
        ProjectState before = state;
        RemoveField remove = new RemoveField("mo_book", "code");
        forwards(remove);
        assertEquals(List.of(), state.requireTable("mo_book").uniqueTogether());
        insert("mo_book", "id, title, author_id, pages", 3L, "Dune", 1L, 412);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        backwards(remove, before);
        assertEquals(List.of("1|Dune|1|412|null|null", "2|Emma|2|null|null|null"), rows("mo_book"));
        insert("mo_book", "id, title, author_id, pages, code", 3L, "Ubik", 1L, 300, "U");
        refused(() -> insert("mo_book", "id, title, author_id, pages, code", 4L, "Other", 1L, 300, "U"));
        refused(() -> insert("mo_book", "id, title, author_id, pages, code", 4L, "Ubik", 2L, 1, "U"));
        insert("mo_book", "id, title, author_id, pages, code", 4L, "Other", 2L, 1, "U");
    }

    // ---- AlterField ------------------------------------------------------------------------------------------------

    @Test
    void widenVarcharAndIntegerAndRollBack() {
        ProjectState before = state;
        String longTitle = "A Title Of Thirty Characters!!";
        refused(() -> insert("mo_book", "id, title, author_id", 3L, longTitle, 1L));
        refusedUnlessSqlite(() -> insert("mo_book", "id, title, author_id, pages", 3L, "Big", 1L, 5_000_000_000L));
        AlterField title = new AlterField("mo_book", col("title", ColumnType.VARCHAR).length(50).indexed().build());
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).nullable().build());
        forwards(title);
        ProjectState afterTitle = state;
        forwards(pages);
        assertRowsKept();
        insert("mo_book", "id, title, author_id, pages", 3L, longTitle, 1L, 5_000_000_000L);
        assertEquals(List.of("3|" + longTitle + "|1|5000000000|null|null"),
                rows("mo_book").subList(2, 3));
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        backwards(pages, afterTitle);
        backwards(title, before);
        assertRowsKept();
        refused(() -> insert("mo_book", "id, title, author_id", 3L, longTitle, 1L));
        refusedUnlessSqlite(() -> insert("mo_book", "id, title, author_id, pages", 3L, "Big", 1L, 5_000_000_000L));
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
    }

    @Test
    void nullableToNotNullFillsTheDefaultAndRollsBack() {
        ProjectState before = state;
        AlterField code = new AlterField("mo_book", col("code", ColumnType.VARCHAR).length(10).defaultValue("none")
                .build());
        forwards(code);
        assertEquals(List.of("1|Dune|1|412|none|null", "2|Emma|2|null|E-1|null"), rows("mo_book"));
        refused(() -> insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, null));
        insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L);
        assertEquals("3|Ubik|1|null|none|null", rows("mo_book").get(2), "the default applies");
        backwards(code, before);
        insert("mo_book", "id, title, author_id, code", 4L, "Solaris", 1L, null);
        insert("mo_book", "id, title, author_id", 5L, "Ada", 1L);
        assertEquals(List.of("4|Solaris|1|null|null|null", "5|Ada|1|null|null|null"), rows("mo_book").subList(3, 5),
                "nullable again, and without the default");
        assertReferencesHold();

        ProjectState beforeName = state;
        AlterField name = new AlterField("mo_author", col("name", ColumnType.VARCHAR).length(20).nullable().build());
        forwards(name);
        insert("mo_author", "id, name", 3L, null);
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        backwards(name, beforeName);
        refused(() -> insert("mo_author", "id, name", 3L, null));
        assertEquals(AUTHORS, rows("mo_author"));
        assertReferencesHold();
    }

    @Test
    void foreignKeyAddedRetargetedAndRemoved() {
        ProjectState before = state;
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 1");
        AlterField toAuthor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        forwards(toAuthor);
        refused(() -> insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        insert("mo_author", "id, name", 3L, "Cy");
        insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 3L);
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3"));

        ProjectState beforeRetarget = state;
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        AlterField toPublisher = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_publisher").build());
        forwards(toPublisher);
        refused(() -> insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 2L));
        insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 1L);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        backwards(toPublisher, beforeRetarget);
        backwards(toAuthor, before);
        assertTrue(indexes("mo_book").stream().noneMatch(name -> name.startsWith("mo_book_editor_id_fk")),
                "no index left by the foreign key: " + indexes("mo_book"));
        insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1", "3|Ubik|1|null|null|99"),
                rows("mo_book"));
        assertEquals(REVIEWS, rows("mo_review"));
    }

    @Test
    void addingAForeignKeyOverDanglingValuesIsRefusedAndChangesNothing() {
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 99");
        ProjectState before = state;
        AlterField toAuthor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        assertThrows(DatabaseException.class, () -> forwards(toAuthor));
        assertEquals(before, state);
        assertEquals(List.of("1|Dune|1|412|null|99", "2|Emma|2|null|E-1|99"), rows("mo_book"));
        assertEquals(REVIEWS, rows("mo_review"));
        insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 98L);
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
    }

    @Test
    void uniqueAddedAndRemovedOnColumns() {
        ProjectState before = state;
        AlterField emailNotUnique = new AlterField("mo_author", col("email", ColumnType.VARCHAR).length(50)
                .nullable().build());
        forwards(emailNotUnique);
        insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com");
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        AlterField codeUnique = new AlterField("mo_book", col("code", ColumnType.VARCHAR).length(10).nullable()
                .unique().build());
        ProjectState beforeCode = state;
        forwards(codeUnique);
        refused(() -> insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, "E-1"));
        backwards(codeUnique, beforeCode);
        insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, "E-1");
        backwards(emailNotUnique, before);
        refused(() -> insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertEquals(AUTHORS, rows("mo_author"));
        assertReferencesHold();
    }

    /** H2 lets a foreign key take over a unique index; MariaDB needs an index under every foreign key. */
    @Test
    void uniqueAddedAndRemovedOnForeignKeyColumns() {
        ProjectState before = state;
        AlterField bookUnique = new AlterField("mo_review", col("book_id", ColumnType.LONG).nullable().indexed()
                .unique().references("mo_book").build());
        forwards(bookUnique);
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 1L, 1));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        backwards(bookUnique, before);
        insert("mo_review", "id, book_id, stars", 3L, 1L, 1);
        refused(() -> insert("mo_review", "id, book_id, stars", 4L, 99L, 1));
        assertTrue(indexes("mo_review").contains("mo_review_book_id_idx"));

        ProjectState beforeAuthor = state;
        AlterField authorUnique = new AlterField("mo_book", col("author_id", ColumnType.LONG).unique()
                .references("mo_author").build());
        forwards(authorUnique);
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L));
        backwards(authorUnique, beforeAuthor);
        insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L);
        refused(() -> insert("mo_book", "id, title, author_id", 4L, "Ada", 99L));
        assertEquals(AUTHORS, rows("mo_author"));
    }

    // ---- AddIndex, RemoveIndex, AddUnique, RemoveUnique ------------------------------------------------------------

    @Test
    void indexesAddedAndRemoved() {
        ProjectState before = state;
        AddIndex pages = new AddIndex("mo_book", "pages");
        forwards(pages);
        assertTrue(indexes("mo_book").contains("mo_book_pages_idx"));
        backwards(pages, before);
        assertFalse(indexes("mo_book").contains("mo_book_pages_idx"));

        // on foreign key columns: H2's foreign key may use the index, MariaDB's needs one
        AddIndex author = new AddIndex("mo_book", "author_id");
        forwards(author);
        assertTrue(indexes("mo_book").contains("mo_book_author_id_idx"));
        ProjectState indexed = state;
        RemoveIndex removeAuthor = new RemoveIndex("mo_book", "author_id");
        forwards(removeAuthor);
        assertFalse(indexes("mo_book").contains("mo_book_author_id_idx"));
        if (on(TestBackend.MARIADB)) {
            assertTrue(indexes("mo_book").contains("mo_book_author_id_fk"), "the foreign key's index, back");
        }
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        backwards(removeAuthor, indexed);
        assertTrue(indexes("mo_book").contains("mo_book_author_id_idx"));

        ProjectState beforeReview = state;
        RemoveIndex review = new RemoveIndex("mo_review", "book_id");
        forwards(review);
        assertFalse(indexes("mo_review").contains("mo_review_book_id_idx"));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        backwards(review, beforeReview);
        assertTrue(indexes("mo_review").contains("mo_review_book_id_idx"));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        assertRowsKept();
    }

    @Test
    void uniqueConstraintsAddedAndRemoved() {
        ProjectState before = state;
        AddUnique add = new AddUnique("mo_book", List.of("author_id", "title"));
        forwards(add);
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        insert("mo_book", "id, title, author_id", 3L, "Dune", 2L);
        ProjectState added = state;
        RemoveUnique remove = new RemoveUnique("mo_book", List.of("author_id", "title"));
        forwards(remove);
        insert("mo_book", "id, title, author_id", 4L, "Dune", 1L);
        refused(() -> backwards(remove, added)); // the duplicate is there
        assertEquals(4, rows("mo_book").size());
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 4");
        backwards(remove, added);
        refused(() -> insert("mo_book", "id, title, author_id", 4L, "Dune", 1L));
        refused(() -> insert("mo_book", "id, title, author_id", 4L, "Solaris", 99L));
        backwards(add, before);
        insert("mo_book", "id, title, author_id", 4L, "Dune", 1L);
        assertEquals(REVIEWS, rows("mo_review"));
    }

    // ---- RenameField, RenameModel ----------------------------------------------------------------------------------

    @Test
    void renameFieldsKeepsDataIndexesAndForeignKeys() {
        ProjectState before = state;
        RenameField title = new RenameField("mo_book", "title", "name", "name");
        RenameField author = new RenameField("mo_book", "author_id", "writer", "writer_id");
        forwards(title);
        ProjectState afterTitle = state;
        forwards(author);
        assertEquals(BOOKS, rows("mo_book"));
        assertEquals(List.of("id", "name", "writer_id", "pages", "code", "editor_id"), columns("mo_book"));
        assertTrue(indexes("mo_book").contains("mo_book_name_idx"), indexes("mo_book").toString());
        refused(() -> insert("mo_book", "id, name, writer_id", 3L, "Ubik", 99L));
        insert("mo_book", "id, name, writer_id", 3L, "Ubik", 2L);
        // the renamed objects are found by their new names
        forwards(new RemoveIndex("mo_book", "name"));
        assertFalse(indexes("mo_book").contains("mo_book_name_idx"));
        forwards(new AddIndex("mo_book", "name"));
        forwards(new AlterField("mo_book", col("writer_id", ColumnType.LONG).build()));
        insert("mo_book", "id, name, writer_id", 4L, "Orphan", 99L);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " >= 3");
        forwards(new AlterField("mo_book", col("writer_id", ColumnType.LONG).references("mo_author").build()));
        backwards(author, afterTitle);
        backwards(title, before);
        assertRowsKept();
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
    }

    @Test
    void renameModelReferencedByAForeignKey() {
        ProjectState before = state;
        RenameModel rename = new RenameModel("mo_author", "Writer", "mo_writer");
        forwards(rename);
        assertFalse(exists("mo_author"));
        assertEquals(AUTHORS, rows("mo_writer"));
        assertEquals(BOOKS, rows("mo_book"));
        assertTrue(indexes("mo_writer").contains("mo_writer_country_idx"), indexes("mo_writer").toString());
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> insert("mo_writer", "id, name, email", 3L, "Cy", "ann@example.com"));
        insert("mo_writer", "id, name", 3L, "Cy");
        insert("mo_book", "id, title, author_id", 3L, "Ubik", 3L);
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_writer") + " WHERE " + q("id") + " = 3"));

        // the old names are free: a new table of that name with the same constraints and indexes
        TableState again = table("Author", "mo_author", id(),
                col("email", ColumnType.VARCHAR).length(50).nullable().unique().build(),
                col("country", ColumnType.VARCHAR).length(2).nullable().indexed().build(),
                col("book_id", ColumnType.LONG).nullable().references("mo_book").build());
        ProjectState beforeAgain = state;
        CreateModel create = new CreateModel(again);
        forwards(create);
        insert("mo_author", "id, email, book_id", 1L, "ann@example.com", 1L);
        backwards(create, beforeAgain);

        // and the renamed table's objects are found by their new names
        ProjectState renamed = state;
        RemoveIndex country = new RemoveIndex("mo_writer", "country");
        forwards(country);
        AlterField email = new AlterField("mo_writer", col("email", ColumnType.VARCHAR).length(50).nullable()
                .build());
        forwards(email);
        backwards(email, country.apply(renamed));
        backwards(country, renamed);
        assertTrue(indexes("mo_writer").contains("mo_writer_country_idx"));

        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        db.executor().execute("DELETE FROM " + q("mo_writer") + " WHERE " + q("id") + " = 3");
        backwards(rename, before);
        assertRowsKept();
        assertTrue(indexes("mo_author").contains("mo_author_country_idx"));
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertReferencesHold();
    }

    /**
     * A table with foreign keys, an index and a unique constraint of its own, pointed to by another table, renamed:
     * its constraints follow under the new names, and a new table can take the old name and the old constraint
     * names (schema-wide on PostgreSQL and H2, database-wide for MariaDB's foreign keys).
     */
    @Test
    void renameModelWithForeignKeysOfItsOwn() {
        forwards(new AddUnique("mo_book", List.of("author_id", "title")));
        forwards(new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable().references("mo_publisher")
                .build()));
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 1");
        ProjectState before = state;
        RenameModel rename = new RenameModel("mo_book", "Volume", "mo_volume");
        forwards(rename);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1"), rows("mo_volume"));
        assertEquals(REVIEWS, rows("mo_review"));
        assertTrue(indexes("mo_volume").contains("mo_volume_title_idx"), indexes("mo_volume").toString());
        refused(() -> insert("mo_volume", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> insert("mo_volume", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> insert("mo_volume", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        insert("mo_review", "id, book_id, stars", 3L, 2L, 1);

        ProjectState renamed = state;
        CreateModel again = new CreateModel(BOOK.withUniqueTogether(List.of(List.of("author_id", "title"))));
        forwards(again);
        insert("mo_book", "id, title, author_id", 1L, "Dune", 2L);
        refused(() -> insert("mo_book", "id, title, author_id", 2L, "Dune", 2L));
        refused(() -> insert("mo_book", "id, title, author_id", 2L, "Ubik", 99L));
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        backwards(again, renamed);

        // found by their new names
        ProjectState beforeRemove = state;
        RemoveUnique unique = new RemoveUnique("mo_volume", List.of("author_id", "title"));
        forwards(unique);
        insert("mo_volume", "id, title, author_id", 3L, "Dune", 1L);
        db.executor().execute("DELETE FROM " + q("mo_volume") + " WHERE " + q("id") + " = 3");
        backwards(unique, beforeRemove);

        db.executor().execute("DELETE FROM " + q("mo_review") + " WHERE " + q("id") + " = 3");
        backwards(rename, before);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1"), rows("mo_book"));
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
    }

    @Test
    void renameUniqueColumnThenDropItsUniqueness() {
        ProjectState before = state;
        RenameField rename = new RenameField("mo_author", "email", "mail", "mail");
        forwards(rename);
        assertEquals(AUTHORS, rows("mo_author"));
        refused(() -> insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com"));
        ProjectState renamed = state;
        AlterField notUnique = new AlterField("mo_author", col("mail", ColumnType.VARCHAR).length(50).nullable()
                .build());
        forwards(notUnique);
        insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com");
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        backwards(notUnique, renamed);
        refused(() -> insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com"));
        backwards(rename, before);
        assertEquals(AUTHORS, rows("mo_author"));
        refused(() -> insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertReferencesHold();
    }

    /** Numbers to text and back: PostgreSQL needs USING for text to a number, the others convert by themselves. */
    @Test
    void typeChangedAcrossFamiliesKeepsValues() {
        ProjectState before = state;
        AlterField text = new AlterField("mo_book", col("pages", ColumnType.VARCHAR).length(10).nullable().build());
        forwards(text);
        assertEquals(BOOKS, rows("mo_book"));
        insert("mo_book", "id, title, author_id, pages", 3L, "Ubik", 1L, "many");
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        ProjectState asText = state;
        AlterField number = new AlterField("mo_book", col("pages", ColumnType.INTEGER).nullable().build());
        forwards(number);
        assertEquals(BOOKS, rows("mo_book"));
        backwards(number, asText);
        backwards(text, before);
        assertRowsKept();
        String sql = "SELECT " + q("pages") + " + 1 FROM " + q("mo_book") + " WHERE " + q("id") + " = 1";
        assertEquals(413L, (long) db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }), "a number again");
    }

    // ---- SQLite's table rebuild ------------------------------------------------------------------------------------

    /**
     * A table that other tables point to, with indexes, unique constraints and a foreign key of its own, altered:
     * on SQLite a rebuild, after which everything is there and works (checked by behaviour on every database).
     */
    @Test
    void rebuildOfAReferencedTableKeepsIndexesUniqueConstraintsAndForeignKeys() {
        forwards(new AddUnique("mo_book", List.of("author_id", "title")));
        ProjectState before = state;
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).nullable().build());
        List<String> ddl = forwards(pages);
        if (on(TestBackend.SQLITE)) {
            assertTrue(ddl.contains("DROP TABLE \"mo_book\""), ddl.toString());
            assertEquals(List.of("mo_book_title_idx", "sqlite_autoindex_mo_book_1"),
                    pragma("index_list", "mo_book", "name"));
            assertEquals(List.of("mo_author"), pragma("foreign_key_list", "mo_book", "table"));
            assertEquals(List.of("mo_book"), pragma("foreign_key_list", "mo_review", "table"));
            assertEquals(List.of(), pragma("foreign_key_check", null, "table"));
        }
        assertRowsKept();
        assertTrue(indexes("mo_book").contains("mo_book_title_idx"));
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 1"));
        insert("mo_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 5_000_000_000L);
        insert("mo_review", "id, book_id, stars", 3L, 3L, 1);
        db.executor().execute("DELETE FROM " + q("mo_review") + " WHERE " + q("id") + " = 3");
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        backwards(pages, before);
        assertRowsKept();
        refused(() -> insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        if (on(TestBackend.SQLITE)) {
            assertEquals(List.of("mo_book"), pragma("foreign_key_list", "mo_review", "table"));
            assertEquals(List.of("mo_book_title_idx", "sqlite_autoindex_mo_book_1"),
                    pragma("index_list", "mo_book", "name"));
        }
    }

    @Test
    void sqliteRebuildThatBreaksAForeignKeyFailsAtCommitAndChangesNothing() {
        assumeTrue(on(TestBackend.SQLITE));
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 99");
        List<String> statements = new SchemaStatements(db.dialect()).alterColumn(state, state.requireTable("mo_book"),
                state.requireTable("mo_book").requireColumn("editor_id"),
                col("editor_id", ColumnType.LONG).nullable().references("mo_author").build());
        assertEquals(SqliteDdlText.REBUILD_START, List.of(statements.get(0), statements.get(1), statements.get(3)));
        assertThrows(DatabaseException.class, () -> db.atomic(() -> statements.forEach(db.executor()::execute)));
        assertEquals(List.of("1|Dune|1|412|null|99", "2|Emma|2|null|E-1|99"), rows("mo_book"));
        assertEquals(List.of("mo_author"), pragma("foreign_key_list", "mo_book", "table"));
        assertEquals(List.of("mo_book"), pragma("foreign_key_list", "mo_review", "table"));
        assertFalse(exists("quarry_old_mo_book"));
    }

    /** The first statements of a rebuild of mo_book. */
    private static final class SqliteDdlText {
        static final List<String> REBUILD_START = List.of("PRAGMA defer_foreign_keys = ON",
                "CREATE TABLE \"quarry_old_mo_book\" AS SELECT * FROM \"mo_book\"", "DROP TABLE \"mo_book\"");
    }

    // ---- RunSql, RunJava -------------------------------------------------------------------------------------------

    @Test
    void runSqlAndRunJava() {
        ProjectState before = state;
        RunSql sql = new RunSql(List.of("INSERT INTO " + q("mo_publisher") + " (" + q("id") + ", " + q("name")
                + ") VALUES (2, 'Tor')"), List.of("DELETE FROM " + q("mo_publisher") + " WHERE " + q("id") + " = 2"));
        forwards(sql);
        assertEquals(List.of("1|Gollancz", "2|Tor"), rows("mo_publisher"));
        backwards(sql, before);
        assertEquals(List.of("1|Gollancz"), rows("mo_publisher"));

        RunJava java = new RunJava(DoublePages.class.getName());
        forwards(java);
        assertEquals(List.of("1|Dune|1|824|null|null", "2|Emma|2|null|E-1|null"), rows("mo_book"));
        backwards(java, before);
        assertRowsKept();
    }

    /** A data migration of the test: doubles the page counts, and halves them back. */
    public static final class DoublePages implements DataMigration {
        @Override
        public void forwards(Database db) {
            update(db, " * 2");
        }

        @Override
        public void backwards(Database db) {
            update(db, " / 2");
        }

        private static void update(Database db, String operation) {
            String pages = db.dialect().quote("pages");
            db.executor().execute("UPDATE " + db.dialect().quote("mo_book") + " SET " + pages + " = " + pages
                    + operation);
        }

        @Override
        public boolean reversible() {
            return true;
        }
    }

    // ---- exact DDL -------------------------------------------------------------------------------------------------

    @Test
    void ddlTextOnH2AndPostgres() {
        assumeTrue(on(TestBackend.H2) || on(TestBackend.POSTGRES));
        ProjectState before = state;
        AddField add = new AddField("mo_review", col("author_id", ColumnType.LONG).nullable().indexed()
                .references("mo_author").build(), null);
        assertEquals(List.of(
                "ALTER TABLE \"mo_review\" ADD COLUMN \"author_id\" BIGINT NULL",
                "CREATE INDEX \"mo_review_author_id_idx\" ON \"mo_review\" (\"author_id\")",
                "ALTER TABLE \"mo_review\" ADD CONSTRAINT \"mo_review_author_id_fk\" FOREIGN KEY (\"author_id\")"
                        + " REFERENCES \"mo_author\" (\"id\")"), forwards(add));
        assertEquals(List.of("ALTER TABLE \"mo_review\" DROP CONSTRAINT \"mo_review_author_id_fk\"",
                "ALTER TABLE \"mo_review\" DROP COLUMN \"author_id\""), backwards(add, before));

        AddField isbn = new AddField("mo_book", col("isbn", ColumnType.VARCHAR).length(20).build(), "unknown");
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD COLUMN \"isbn\" VARCHAR(20) DEFAULT 'unknown' NOT NULL",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"isbn\" DROP DEFAULT"), forwards(isbn));
        backwards(isbn, before);

        String type = on(TestBackend.H2) ? "SET DATA TYPE" : "TYPE";
        AlterField title = new AlterField("mo_book", col("title", ColumnType.VARCHAR).length(50).indexed().build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"title\" " + type + " VARCHAR(50)"),
                forwards(title));
        backwards(title, before);
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).defaultValue("0").build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" " + type + " BIGINT",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" SET DEFAULT 0",
                "UPDATE \"mo_book\" SET \"pages\" = 0 WHERE \"pages\" IS NULL",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" SET NOT NULL"), forwards(pages));
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" DROP DEFAULT",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" " + type + " INTEGER",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" DROP NOT NULL"), backwards(pages, before));
        assertEquals("2|Emma|2|0|E-1|null", rows("mo_book").get(1), "the NULL got the default");
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("pages") + " = NULL WHERE " + q("id") + " = 2");

        AlterField editor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_editor_id_fk\" FOREIGN KEY"
                + " (\"editor_id\") REFERENCES \"mo_author\" (\"id\")"), forwards(editor));
        backwards(editor, before);

        AlterField email = new AlterField("mo_author", col("email", ColumnType.VARCHAR).length(50).nullable()
                .build());
        List<String> dropUnique = forwards(email);
        if (on(TestBackend.POSTGRES)) {
            assertEquals(List.of("ALTER TABLE \"mo_author\" DROP CONSTRAINT \"mo_author_email_key\""), dropUnique);
            assertEquals(List.of("ALTER TABLE \"mo_author\" ADD CONSTRAINT \"mo_author_email_key\" UNIQUE"
                    + " (\"email\")"), backwards(email, before));
        } else {
            assertEquals(1, dropUnique.size());
            assertTrue(dropUnique.get(0).startsWith("EXECUTE IMMEDIATE 'ALTER TABLE \"mo_author\" DROP CONSTRAINT"
                    + " \"' || (SELECT c.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"), dropUnique.get(0));
            assertEquals(List.of("ALTER TABLE \"mo_author\" ADD UNIQUE (\"email\")"), backwards(email, before));
        }

        AddUnique unique = new AddUnique("mo_book", List.of("author_id", "title"));
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_author_id_title_uniq\" UNIQUE"
                + " (\"author_id\", \"title\")"), forwards(unique));
        String dropUniqueTogether = "ALTER TABLE \"mo_book\" DROP CONSTRAINT \"mo_book_author_id_title_uniq\"";
        if (on(TestBackend.POSTGRES)) {
            assertEquals(List.of(dropUniqueTogether), backwards(unique, before));
        } else {
            // H2's foreign key on author_id may have taken over the constraint's index
            assertEquals(List.of("ALTER TABLE \"mo_book\" DROP CONSTRAINT \"mo_book_author_id_fk\"",
                    dropUniqueTogether, "ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_author_id_fk\" FOREIGN KEY"
                            + " (\"author_id\") REFERENCES \"mo_author\" (\"id\")"), backwards(unique, before));
        }

        RenameModel rename = new RenameModel("mo_author", "Writer", "mo_writer");
        List<String> renameDdl = new ArrayList<>(List.of("ALTER TABLE \"mo_author\" RENAME TO \"mo_writer\""));
        if (on(TestBackend.POSTGRES)) {
            renameDdl.add("ALTER TABLE \"mo_writer\" RENAME CONSTRAINT \"mo_author_email_key\" TO"
                    + " \"mo_writer_email_key\"");
        }
        renameDdl.add("ALTER INDEX \"mo_author_country_idx\" RENAME TO \"mo_writer_country_idx\"");
        assertEquals(renameDdl, forwards(rename));
        backwards(rename, before);

        RenameField field = new RenameField("mo_review", "book_id", "volume", "volume_id");
        assertEquals(List.of("ALTER TABLE \"mo_review\" RENAME COLUMN \"book_id\" TO \"volume_id\"",
                "ALTER INDEX \"mo_review_book_id_idx\" RENAME TO \"mo_review_volume_id_idx\"",
                "ALTER TABLE \"mo_review\" RENAME CONSTRAINT \"mo_review_book_id_fk\" TO \"mo_review_volume_id_fk\""),
                forwards(field));
        backwards(field, before);

        RemoveIndex index = new RemoveIndex("mo_author", "country");
        assertEquals(List.of("DROP INDEX \"mo_author_country_idx\""), forwards(index));
        assertEquals(List.of("CREATE INDEX \"mo_author_country_idx\" ON \"mo_author\" (\"country\")"),
                backwards(index, before));
        assertRowsKept();
    }

    // ---- running operations ----------------------------------------------------------------------------------------

    /** Runs the statements of an operation with the executor, recording them. */
    private final class Migrator implements SchemaChange {
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

    /** Applies the operation to the database and to {@link #state}; its statements. */
    private List<String> forwards(Operation operation) {
        ProjectState before = state;
        Migrator migrator = new Migrator();
        inMigrationTransaction(() -> operation.forwards(migrator, before));
        state = operation.apply(before);
        return migrator.executed;
    }

    /** Rolls the operation back; {@code before} is the state it was applied to. */
    private List<String> backwards(Operation operation, ProjectState before) {
        assertTrue(operation.reversible(before), operation.describe() + " is reversible");
        Migrator migrator = new Migrator();
        inMigrationTransaction(() -> operation.backwards(migrator, before));
        state = before;
        return migrator.executed;
    }

    private void inMigrationTransaction(Runnable work) {
        if (db.dialect().supportsTransactionalDdl()) {
            db.atomic(work);
        } else {
            work.run();
        }
    }

    // ---- data and catalog ------------------------------------------------------------------------------------------

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

    private List<String> columns(String table) {
        String sql = "SELECT * FROM " + q(table) + " WHERE 1 = 0";
        return db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i));
                }
                return names;
            }
        });
    }

    private boolean exists(String table) {
        try {
            rows(table);
            return true;
        } catch (DatabaseException e) {
            return false;
        }
    }

    /** The names of the table's indexes, from the driver's metadata. */
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

    /** One column of a SQLite PRAGMA's rows. */
    private List<String> pragma(String pragma, String table, String column) {
        String sql = "PRAGMA " + pragma + (table == null ? "" : "(" + q(table) + ")");
        return db.executor().run(sql, connection -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(column));
                }
            }
            values.sort(null);
            return values;
        });
    }

    /** The foreign keys between the tests' tables refuse dangling values and deleting a referenced row. */
    private void assertReferencesHold() {
        refused(() -> insert("mo_book", "id, title, author_id", 90L, "Dangling", 99L));
        refused(() -> insert("mo_review", "id, book_id, stars", 90L, 99L, 1));
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 1"));
    }

    private static void refused(Runnable work) {
        assertThrows(QuarryException.class, work::run);
    }

    /** SQLite keeps any 64-bit integer in an INTEGER column: only the other databases refuse a too large one. */
    private void refusedUnlessSqlite(Runnable work) {
        if (!on(TestBackend.SQLITE)) {
            refused(work);
        }
    }

    // ---- states ----------------------------------------------------------------------------------------------------

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
