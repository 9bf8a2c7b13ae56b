package dev.quarry.it;

import static dev.quarry.it.MigrationStates.col;
import static dev.quarry.it.MigrationStates.id;
import static dev.quarry.it.MigrationStates.table;
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
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RemoveIndex;
import dev.quarry.migrations.operations.RemoveUnique;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.operations.RunJava;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import dev.quarry.schema.SchemaStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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

    private MigratedSchema schema;

    private TableRows tables;

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
        tables = new TableRows(db);
        schema = new MigratedSchema(db);
        dropOwnTables();
        for (TableState table : List.of(PUBLISHER, AUTHOR, BOOK, REVIEW)) {
            schema.forwards(new CreateModel(table));
        }
        tables.insert("mo_publisher", "id, name", 1L, "Gollancz");
        tables.insert("mo_author", "id, name, email, country", 1L, "Ann", "ann@example.com", "fr");
        tables.insert("mo_author", "id, name, email, country", 2L, "Bob", null, null);
        tables.insert("mo_book", "id, title, author_id, pages, code, editor_id", 1L, "Dune", 1L, 412, null, null);
        tables.insert("mo_book", "id, title, author_id, pages, code, editor_id", 2L, "Emma", 2L, null, "E-1", null);
        tables.insert("mo_review", "id, book_id, stars", 1L, 1L, 5);
        tables.insert("mo_review", "id, book_id, stars", 2L, 2L, 4);
    }

    @AfterEach
    void dropOwnTables() {
        schema.inMigrationTransaction(() -> {
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
        assertEquals(AUTHORS, tables.rows("mo_author"));
        assertEquals(BOOKS, tables.rows("mo_book"));
        assertEquals(REVIEWS, tables.rows("mo_review"));
    }

    // ---- CreateModel, DeleteModel ----------------------------------------------------------------------------------

    @Test
    void createModelAndDeleteModelRollBack() {
        TableState extra = table("Extra", "mo_extra", id(),
                col("author_id", ColumnType.LONG).indexed().references("mo_author").build(),
                col("label", ColumnType.VARCHAR).length(10).build());
        extra = extra.withUniqueTogether(List.of(List.of("author_id", "label")));
        ProjectState before = schema.state();
        CreateModel create = new CreateModel(extra);
        schema.forwards(create);
        tables.insert("mo_extra", "id, author_id, label", 1L, 1L, "x");
        refused(() -> tables.insert("mo_extra", "id, author_id, label", 2L, 1L, "x"));
        refused(() -> tables.insert("mo_extra", "id, author_id, label", 3L, 99L, "y"));
        assertTrue(tables.indexes("mo_extra").contains("mo_extra_author_id_idx"),
                tables.indexes("mo_extra").toString());
        schema.backwards(create, before);
        assertFalse(tables.exists("mo_extra"));

        ProjectState beforeDelete = schema.state();
        DeleteModel delete = new DeleteModel("mo_review");
        schema.forwards(delete);
        assertFalse(tables.exists("mo_review"));
        assertEquals(BOOKS, tables.rows("mo_book"));
        schema.backwards(delete, beforeDelete);
        assertEquals(List.of(), tables.rows("mo_review"), "a deleted table comes back empty");
        tables.insert("mo_review", "id, book_id, stars", 3L, 1L, 3);
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 4L, 99L, 3));
        assertTrue(tables.indexes("mo_review").contains("mo_review_book_id_idx"));
    }

    // ---- AddField, RemoveField -------------------------------------------------------------------------------------

    @Test
    void addNullableForeignKeyWithIndexAndRollBack() {
        ProjectState before = schema.state();
        AddField add = new AddField("mo_review", col("author_id", ColumnType.LONG).nullable().indexed()
                .references("mo_author").build(), null);
        schema.forwards(add);
        assertEquals(List.of("1|1|5|null", "2|2|4|null"), tables.rows("mo_review"));
        db.executor().execute("UPDATE " + q("mo_review") + " SET " + q("author_id") + " = 2");
        refused(() -> tables.insert("mo_review", "id, book_id, stars, author_id", 3L, 1L, 1, 99L));
        assertTrue(tables.indexes("mo_review").contains("mo_review_author_id_idx"));
        schema.backwards(add, before);
        assertRowsKept();
        assertFalse(tables.columns("mo_review").contains("author_id"));
        assertFalse(tables.indexes("mo_review").contains("mo_review_author_id_idx"));
    }

    @Test
    void addNotNullColumnWithOneOffDefaultToTableWithRows() {
        ProjectState before = schema.state();
        AddField add = new AddField("mo_book", col("isbn", ColumnType.VARCHAR).length(20).build(), "unknown");
        schema.forwards(add);
        assertEquals(List.of("1|Dune|1|412|null|null|unknown", "2|Emma|2|null|E-1|null|unknown"),
                tables.rows("mo_book"));
        // the one-off default filled the rows; the column keeps no default and takes no NULL
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L));
        refused(() -> tables.insert("mo_book", "id, title, author_id, isbn", 3L, "Ubik", 1L, null));
        tables.insert("mo_book", "id, title, author_id, isbn", 3L, "Ubik", 1L, "978");
        assertEquals(AUTHORS, tables.rows("mo_author"));
        schema.backwards(add, before);
        assertEquals(List.of("1|Dune|1|412|null|null", "2|Emma|2|null|E-1|null", "3|Ubik|1|null|null|null"),
                tables.rows("mo_book"));
        assertEquals(REVIEWS, tables.rows("mo_review"));
    }

    @Test
    void addUniqueColumnToReferencedTableAndRollBack() {
        ProjectState before = schema.state();
        AddField add = new AddField("mo_author", col("nick", ColumnType.VARCHAR).length(10).nullable().unique()
                .build(), null);
        schema.forwards(add);
        assertEquals(List.of("1|Ann|ann@example.com|fr|null", "2|Bob|null|null|null"), tables.rows("mo_author"));
        db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("nick") + " = 'a' WHERE " + q("id")
                + " = 1");
        refused(() -> db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("nick") + " = 'a'"));
        assertReferencesHold();
        schema.backwards(add, before);
        assertRowsKept();
        assertReferencesHold();
    }

    @Test
    void removeUniqueColumnAndRollBack() {
        ProjectState before = schema.state();
        RemoveField remove = new RemoveField("mo_author", "email");
        schema.forwards(remove);
        assertEquals(List.of("1|Ann|fr", "2|Bob|null"), tables.rows("mo_author"));
        assertReferencesHold();
        schema.backwards(remove, before);
        assertEquals(List.of("1|Ann|fr|null", "2|Bob|null|null"), tables.rows("mo_author"),
                "added back at the end, without values");
        db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("email") + " = 'a' WHERE " + q("id")
                + " = 1");
        refused(() -> db.executor().execute("UPDATE " + q("mo_author") + " SET " + q("email") + " = 'a'"));
        assertTrue(tables.indexes("mo_author").contains("mo_author_country_idx"));
        assertReferencesHold();
    }

    @Test
    void removePlainIndexedColumnAndRollBack() {
        ProjectState before = schema.state();
        RemoveField remove = new RemoveField("mo_author", "country");
        List<String> ddl = schema.forwards(remove);
        if (on(TestBackend.SQLITE)) {
            assertEquals(List.of("DROP INDEX \"mo_author_country_idx\"",
                    "ALTER TABLE \"mo_author\" DROP COLUMN \"country\""), ddl, "no rebuild");
        }
        assertEquals(List.of("1|Ann|ann@example.com", "2|Bob|null"), tables.rows("mo_author"));
        assertFalse(tables.indexes("mo_author").contains("mo_author_country_idx"));
        assertReferencesHold();
        schema.backwards(remove, before);
        assertEquals(List.of("1|Ann|ann@example.com|null", "2|Bob|null|null"), tables.rows("mo_author"));
        assertTrue(tables.indexes("mo_author").contains("mo_author_country_idx"));
        refused(() -> tables.insert("mo_author", "id, name, country", 3L, "Cy", "fra"));
        assertReferencesHold();
    }

    @Test
    void removeIndexedForeignKeyAndRollBack() {
        ProjectState before = schema.state();
        RemoveField remove = new RemoveField("mo_review", "book_id");
        schema.forwards(remove);
        assertEquals(List.of("1|5", "2|4"), tables.rows("mo_review"));
        assertFalse(tables.indexes("mo_review").contains("mo_review_book_id_idx"));
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 2");
        schema.backwards(remove, before);
        assertEquals(List.of("1|5|null", "2|4|null"), tables.rows("mo_review"),
                "added back at the end, without values");
        assertTrue(tables.indexes("mo_review").contains("mo_review_book_id_idx"));
        tables.insert("mo_review", "id, book_id, stars", 3L, 1L, 2);
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 4L, 2L, 2));
    }

    @Test
    void removeColumnOfUniqueConstraintsBringsThemBack() {
        schema.forwards(new AddUnique("mo_book", List.of("code", "pages")));
        schema.forwards(new AddUnique("mo_book", List.of("title", "code")));
        ProjectState before = schema.state();
        RemoveField remove = new RemoveField("mo_book", "code");
        schema.forwards(remove);
        assertEquals(List.of(), schema.state().requireTable("mo_book").uniqueTogether());
        tables.insert("mo_book", "id, title, author_id, pages", 3L, "Dune", 1L, 412);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        schema.backwards(remove, before);
        assertEquals(List.of("1|Dune|1|412|null|null", "2|Emma|2|null|null|null"), tables.rows("mo_book"));
        tables.insert("mo_book", "id, title, author_id, pages, code", 3L, "Ubik", 1L, 300, "U");
        refused(() -> tables.insert("mo_book", "id, title, author_id, pages, code", 4L, "Other", 1L, 300, "U"));
        refused(() -> tables.insert("mo_book", "id, title, author_id, pages, code", 4L, "Ubik", 2L, 1, "U"));
        tables.insert("mo_book", "id, title, author_id, pages, code", 4L, "Other", 2L, 1, "U");
    }

    // ---- AlterField ------------------------------------------------------------------------------------------------

    @Test
    void widenVarcharAndIntegerAndRollBack() {
        ProjectState before = schema.state();
        String longTitle = "A Title Of Thirty Characters!!";
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, longTitle, 1L));
        refusedUnlessSqlite(() -> tables.insert("mo_book", "id, title, author_id, pages", 3L, "Big", 1L,
                5_000_000_000L));
        AlterField title = new AlterField("mo_book", col("title", ColumnType.VARCHAR).length(50).indexed().build());
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).nullable().build());
        schema.forwards(title);
        ProjectState afterTitle = schema.state();
        schema.forwards(pages);
        assertRowsKept();
        tables.insert("mo_book", "id, title, author_id, pages", 3L, longTitle, 1L, 5_000_000_000L);
        assertEquals(List.of("3|" + longTitle + "|1|5000000000|null|null"),
                tables.rows("mo_book").subList(2, 3));
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        schema.backwards(pages, afterTitle);
        schema.backwards(title, before);
        assertRowsKept();
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, longTitle, 1L));
        refusedUnlessSqlite(() -> tables.insert("mo_book", "id, title, author_id, pages", 3L, "Big", 1L,
                5_000_000_000L));
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
    }

    @Test
    void nullableToNotNullFillsTheDefaultAndRollsBack() {
        ProjectState before = schema.state();
        AlterField code = new AlterField("mo_book", col("code", ColumnType.VARCHAR).length(10).defaultValue("none")
                .build());
        schema.forwards(code);
        assertEquals(List.of("1|Dune|1|412|none|null", "2|Emma|2|null|E-1|null"), tables.rows("mo_book"));
        refused(() -> tables.insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, null));
        tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L);
        assertEquals("3|Ubik|1|null|none|null", tables.rows("mo_book").get(2), "the default applies");
        schema.backwards(code, before);
        tables.insert("mo_book", "id, title, author_id, code", 4L, "Solaris", 1L, null);
        tables.insert("mo_book", "id, title, author_id", 5L, "Ada", 1L);
        assertEquals(List.of("4|Solaris|1|null|null|null", "5|Ada|1|null|null|null"),
                tables.rows("mo_book").subList(3, 5),
                "nullable again, and without the default");
        assertReferencesHold();

        ProjectState beforeName = schema.state();
        AlterField name = new AlterField("mo_author", col("name", ColumnType.VARCHAR).length(20).nullable().build());
        schema.forwards(name);
        tables.insert("mo_author", "id, name", 3L, null);
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        schema.backwards(name, beforeName);
        refused(() -> tables.insert("mo_author", "id, name", 3L, null));
        assertEquals(AUTHORS, tables.rows("mo_author"));
        assertReferencesHold();
    }

    @Test
    void foreignKeyAddedRetargetedAndRemoved() {
        ProjectState before = schema.state();
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 1");
        AlterField toAuthor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        schema.forwards(toAuthor);
        refused(() -> tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        tables.insert("mo_author", "id, name", 3L, "Cy");
        tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 3L);
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3"));

        ProjectState beforeRetarget = schema.state();
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        AlterField toPublisher = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_publisher").build());
        schema.forwards(toPublisher);
        refused(() -> tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 2L));
        tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 1L);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        schema.backwards(toPublisher, beforeRetarget);
        schema.backwards(toAuthor, before);
        assertTrue(tables.indexes("mo_book").stream().noneMatch(name -> name.startsWith("mo_book_editor_id_fk")),
                "no index left by the foreign key: " + tables.indexes("mo_book"));
        tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1", "3|Ubik|1|null|null|99"),
                tables.rows("mo_book"));
        assertEquals(REVIEWS, tables.rows("mo_review"));
    }

    @Test
    void addingAForeignKeyOverDanglingValuesIsRefusedAndChangesNothing() {
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 99");
        ProjectState before = schema.state();
        AlterField toAuthor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        assertThrows(DatabaseException.class, () -> schema.forwards(toAuthor));
        assertEquals(before, schema.state());
        assertEquals(List.of("1|Dune|1|412|null|99", "2|Emma|2|null|E-1|99"), tables.rows("mo_book"));
        assertEquals(REVIEWS, tables.rows("mo_review"));
        tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 98L);
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
    }

    @Test
    void uniqueAddedAndRemovedOnColumns() {
        ProjectState before = schema.state();
        AlterField emailNotUnique = new AlterField("mo_author", col("email", ColumnType.VARCHAR).length(50)
                .nullable().build());
        schema.forwards(emailNotUnique);
        tables.insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com");
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        AlterField codeUnique = new AlterField("mo_book", col("code", ColumnType.VARCHAR).length(10).nullable()
                .unique().build());
        ProjectState beforeCode = schema.state();
        schema.forwards(codeUnique);
        refused(() -> tables.insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, "E-1"));
        schema.backwards(codeUnique, beforeCode);
        tables.insert("mo_book", "id, title, author_id, code", 3L, "Ubik", 1L, "E-1");
        schema.backwards(emailNotUnique, before);
        refused(() -> tables.insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertEquals(AUTHORS, tables.rows("mo_author"));
        assertReferencesHold();
    }

    /** H2 lets a foreign key take over a unique index; MariaDB needs an index under every foreign key. */
    @Test
    void uniqueAddedAndRemovedOnForeignKeyColumns() {
        ProjectState before = schema.state();
        AlterField bookUnique = new AlterField("mo_review", col("book_id", ColumnType.LONG).nullable().indexed()
                .unique().references("mo_book").build());
        schema.forwards(bookUnique);
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 1L, 1));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        schema.backwards(bookUnique, before);
        tables.insert("mo_review", "id, book_id, stars", 3L, 1L, 1);
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 4L, 99L, 1));
        assertTrue(tables.indexes("mo_review").contains("mo_review_book_id_idx"));

        ProjectState beforeAuthor = schema.state();
        AlterField authorUnique = new AlterField("mo_book", col("author_id", ColumnType.LONG).unique()
                .references("mo_author").build());
        schema.forwards(authorUnique);
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L));
        schema.backwards(authorUnique, beforeAuthor);
        tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 1L);
        refused(() -> tables.insert("mo_book", "id, title, author_id", 4L, "Ada", 99L));
        assertEquals(AUTHORS, tables.rows("mo_author"));
    }

    // ---- AddIndex, RemoveIndex, AddUnique, RemoveUnique ------------------------------------------------------------

    @Test
    void indexesAddedAndRemoved() {
        ProjectState before = schema.state();
        AddIndex pages = new AddIndex("mo_book", "pages");
        schema.forwards(pages);
        assertTrue(tables.indexes("mo_book").contains("mo_book_pages_idx"));
        schema.backwards(pages, before);
        assertFalse(tables.indexes("mo_book").contains("mo_book_pages_idx"));

        // on foreign key columns: H2's foreign key may use the index, MariaDB's needs one
        AddIndex author = new AddIndex("mo_book", "author_id");
        schema.forwards(author);
        assertTrue(tables.indexes("mo_book").contains("mo_book_author_id_idx"));
        ProjectState indexed = schema.state();
        RemoveIndex removeAuthor = new RemoveIndex("mo_book", "author_id");
        schema.forwards(removeAuthor);
        assertFalse(tables.indexes("mo_book").contains("mo_book_author_id_idx"));
        if (on(TestBackend.MARIADB)) {
            assertTrue(tables.indexes("mo_book").contains("mo_book_author_id_fk"), "the foreign key's index, back");
        }
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        schema.backwards(removeAuthor, indexed);
        assertTrue(tables.indexes("mo_book").contains("mo_book_author_id_idx"));

        ProjectState beforeReview = schema.state();
        RemoveIndex review = new RemoveIndex("mo_review", "book_id");
        schema.forwards(review);
        assertFalse(tables.indexes("mo_review").contains("mo_review_book_id_idx"));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        schema.backwards(review, beforeReview);
        assertTrue(tables.indexes("mo_review").contains("mo_review_book_id_idx"));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        assertRowsKept();
    }

    @Test
    void uniqueConstraintsAddedAndRemoved() {
        ProjectState before = schema.state();
        AddUnique add = new AddUnique("mo_book", List.of("author_id", "title"));
        schema.forwards(add);
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        tables.insert("mo_book", "id, title, author_id", 3L, "Dune", 2L);
        ProjectState added = schema.state();
        RemoveUnique remove = new RemoveUnique("mo_book", List.of("author_id", "title"));
        schema.forwards(remove);
        tables.insert("mo_book", "id, title, author_id", 4L, "Dune", 1L);
        refused(() -> schema.backwards(remove, added)); // the duplicate is there
        assertEquals(4, tables.rows("mo_book").size());
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 4");
        schema.backwards(remove, added);
        refused(() -> tables.insert("mo_book", "id, title, author_id", 4L, "Dune", 1L));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 4L, "Solaris", 99L));
        schema.backwards(add, before);
        tables.insert("mo_book", "id, title, author_id", 4L, "Dune", 1L);
        assertEquals(REVIEWS, tables.rows("mo_review"));
    }

    // ---- RenameField, RenameModel ----------------------------------------------------------------------------------

    @Test
    void renameFieldsKeepsDataIndexesAndForeignKeys() {
        ProjectState before = schema.state();
        RenameField title = new RenameField("mo_book", "title", "name", "name");
        RenameField author = new RenameField("mo_book", "author_id", "writer", "writer_id");
        schema.forwards(title);
        ProjectState afterTitle = schema.state();
        schema.forwards(author);
        assertEquals(BOOKS, tables.rows("mo_book"));
        assertEquals(List.of("id", "name", "writer_id", "pages", "code", "editor_id"), tables.columns("mo_book"));
        assertTrue(tables.indexes("mo_book").contains("mo_book_name_idx"), tables.indexes("mo_book").toString());
        refused(() -> tables.insert("mo_book", "id, name, writer_id", 3L, "Ubik", 99L));
        tables.insert("mo_book", "id, name, writer_id", 3L, "Ubik", 2L);
        // the renamed objects are found by their new names
        schema.forwards(new RemoveIndex("mo_book", "name"));
        assertFalse(tables.indexes("mo_book").contains("mo_book_name_idx"));
        schema.forwards(new AddIndex("mo_book", "name"));
        schema.forwards(new AlterField("mo_book", col("writer_id", ColumnType.LONG).build()));
        tables.insert("mo_book", "id, name, writer_id", 4L, "Orphan", 99L);
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " >= 3");
        schema.forwards(new AlterField("mo_book", col("writer_id", ColumnType.LONG).references("mo_author").build()));
        schema.backwards(author, afterTitle);
        schema.backwards(title, before);
        assertRowsKept();
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
    }

    @Test
    void renameModelReferencedByAForeignKey() {
        ProjectState before = schema.state();
        RenameModel rename = new RenameModel("mo_author", "Writer", "mo_writer");
        schema.forwards(rename);
        assertFalse(tables.exists("mo_author"));
        assertEquals(AUTHORS, tables.rows("mo_writer"));
        assertEquals(BOOKS, tables.rows("mo_book"));
        assertTrue(tables.indexes("mo_writer").contains("mo_writer_country_idx"),
                tables.indexes("mo_writer").toString());
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> tables.insert("mo_writer", "id, name, email", 3L, "Cy", "ann@example.com"));
        tables.insert("mo_writer", "id, name", 3L, "Cy");
        tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 3L);
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_writer") + " WHERE " + q("id") + " = 3"));

        // the old names are free: a new table of that name with the same constraints and indexes
        TableState again = table("Author", "mo_author", id(),
                col("email", ColumnType.VARCHAR).length(50).nullable().unique().build(),
                col("country", ColumnType.VARCHAR).length(2).nullable().indexed().build(),
                col("book_id", ColumnType.LONG).nullable().references("mo_book").build());
        ProjectState beforeAgain = schema.state();
        CreateModel create = new CreateModel(again);
        schema.forwards(create);
        tables.insert("mo_author", "id, email, book_id", 1L, "ann@example.com", 1L);
        schema.backwards(create, beforeAgain);

        // and the renamed table's objects are found by their new names
        ProjectState renamed = schema.state();
        RemoveIndex country = new RemoveIndex("mo_writer", "country");
        schema.forwards(country);
        AlterField email = new AlterField("mo_writer", col("email", ColumnType.VARCHAR).length(50).nullable()
                .build());
        schema.forwards(email);
        schema.backwards(email, country.apply(renamed));
        schema.backwards(country, renamed);
        assertTrue(tables.indexes("mo_writer").contains("mo_writer_country_idx"));

        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        db.executor().execute("DELETE FROM " + q("mo_writer") + " WHERE " + q("id") + " = 3");
        schema.backwards(rename, before);
        assertRowsKept();
        assertTrue(tables.indexes("mo_author").contains("mo_author_country_idx"));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> tables.insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertReferencesHold();
    }

    /**
     * A table with foreign keys, an index and a unique constraint of its own, pointed to by another table, renamed:
     * its constraints follow under the new names, and a new table can take the old name and the old constraint
     * names (schema-wide on PostgreSQL and H2, database-wide for MariaDB's foreign keys).
     */
    @Test
    void renameModelWithForeignKeysOfItsOwn() {
        schema.forwards(new AddUnique("mo_book", List.of("author_id", "title")));
        schema.forwards(new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_publisher").build()));
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 1");
        ProjectState before = schema.state();
        RenameModel rename = new RenameModel("mo_book", "Volume", "mo_volume");
        schema.forwards(rename);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1"), tables.rows("mo_volume"));
        assertEquals(REVIEWS, tables.rows("mo_review"));
        assertTrue(tables.indexes("mo_volume").contains("mo_volume_title_idx"), tables.indexes("mo_volume").toString());
        refused(() -> tables.insert("mo_volume", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> tables.insert("mo_volume", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> tables.insert("mo_volume", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        tables.insert("mo_review", "id, book_id, stars", 3L, 2L, 1);

        ProjectState renamed = schema.state();
        CreateModel again = new CreateModel(BOOK.withUniqueTogether(List.of(List.of("author_id", "title"))));
        schema.forwards(again);
        tables.insert("mo_book", "id, title, author_id", 1L, "Dune", 2L);
        refused(() -> tables.insert("mo_book", "id, title, author_id", 2L, "Dune", 2L));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 2L, "Ubik", 99L));
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        schema.backwards(again, renamed);

        // found by their new names
        ProjectState beforeRemove = schema.state();
        RemoveUnique unique = new RemoveUnique("mo_volume", List.of("author_id", "title"));
        schema.forwards(unique);
        tables.insert("mo_volume", "id, title, author_id", 3L, "Dune", 1L);
        db.executor().execute("DELETE FROM " + q("mo_volume") + " WHERE " + q("id") + " = 3");
        schema.backwards(unique, beforeRemove);

        db.executor().execute("DELETE FROM " + q("mo_review") + " WHERE " + q("id") + " = 3");
        schema.backwards(rename, before);
        assertEquals(List.of("1|Dune|1|412|null|1", "2|Emma|2|null|E-1|1"), tables.rows("mo_book"));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> tables.insert("mo_book", "id, title, author_id, editor_id", 3L, "Ubik", 1L, 99L));
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        assertReferencesHold();
    }

    @Test
    void renameUniqueColumnThenDropItsUniqueness() {
        ProjectState before = schema.state();
        RenameField rename = new RenameField("mo_author", "email", "mail", "mail");
        schema.forwards(rename);
        assertEquals(AUTHORS, tables.rows("mo_author"));
        refused(() -> tables.insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com"));
        ProjectState renamed = schema.state();
        AlterField notUnique = new AlterField("mo_author", col("mail", ColumnType.VARCHAR).length(50).nullable()
                .build());
        schema.forwards(notUnique);
        tables.insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com");
        db.executor().execute("DELETE FROM " + q("mo_author") + " WHERE " + q("id") + " = 3");
        schema.backwards(notUnique, renamed);
        refused(() -> tables.insert("mo_author", "id, name, mail", 3L, "Cy", "ann@example.com"));
        schema.backwards(rename, before);
        assertEquals(AUTHORS, tables.rows("mo_author"));
        refused(() -> tables.insert("mo_author", "id, name, email", 3L, "Cy", "ann@example.com"));
        assertReferencesHold();
    }

    /** Numbers to text and back: PostgreSQL needs USING for text to a number, the others convert by themselves. */
    @Test
    void typeChangedAcrossFamiliesKeepsValues() {
        ProjectState before = schema.state();
        AlterField text = new AlterField("mo_book", col("pages", ColumnType.VARCHAR).length(10).nullable().build());
        schema.forwards(text);
        assertEquals(BOOKS, tables.rows("mo_book"));
        tables.insert("mo_book", "id, title, author_id, pages", 3L, "Ubik", 1L, "many");
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        ProjectState asText = schema.state();
        AlterField number = new AlterField("mo_book", col("pages", ColumnType.INTEGER).nullable().build());
        schema.forwards(number);
        assertEquals(BOOKS, tables.rows("mo_book"));
        schema.backwards(number, asText);
        schema.backwards(text, before);
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
        schema.forwards(new AddUnique("mo_book", List.of("author_id", "title")));
        ProjectState before = schema.state();
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).nullable().build());
        List<String> ddl = schema.forwards(pages);
        if (on(TestBackend.SQLITE)) {
            assertTrue(ddl.contains("DROP TABLE \"mo_book\""), ddl.toString());
            assertEquals(List.of("mo_book_title_idx", "sqlite_autoindex_mo_book_1"),
                    tables.pragma("index_list", "mo_book", "name"));
            assertEquals(List.of("mo_author"), tables.pragma("foreign_key_list", "mo_book", "table"));
            assertEquals(List.of("mo_book"), tables.pragma("foreign_key_list", "mo_review", "table"));
            assertEquals(List.of(), tables.pragma("foreign_key_check", null, "table"));
        }
        assertRowsKept();
        assertTrue(tables.indexes("mo_book").contains("mo_book_title_idx"));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Ubik", 99L));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        refused(() -> db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 1"));
        tables.insert("mo_book", "id, title, author_id, pages", 3L, "Ubik", 1L, 5_000_000_000L);
        tables.insert("mo_review", "id, book_id, stars", 3L, 3L, 1);
        db.executor().execute("DELETE FROM " + q("mo_review") + " WHERE " + q("id") + " = 3");
        db.executor().execute("DELETE FROM " + q("mo_book") + " WHERE " + q("id") + " = 3");
        schema.backwards(pages, before);
        assertRowsKept();
        refused(() -> tables.insert("mo_book", "id, title, author_id", 3L, "Dune", 1L));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 3L, 99L, 1));
        if (on(TestBackend.SQLITE)) {
            assertEquals(List.of("mo_book"), tables.pragma("foreign_key_list", "mo_review", "table"));
            assertEquals(List.of("mo_book_title_idx", "sqlite_autoindex_mo_book_1"),
                    tables.pragma("index_list", "mo_book", "name"));
        }
    }

    @Test
    void sqliteRebuildThatBreaksAForeignKeyFailsAtCommitAndChangesNothing() {
        assumeTrue(on(TestBackend.SQLITE));
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("editor_id") + " = 99");
        ProjectState state = schema.state();
        List<String> statements = new SchemaStatements(db.dialect()).alterColumn(state, state.requireTable("mo_book"),
                state.requireTable("mo_book").requireColumn("editor_id"),
                col("editor_id", ColumnType.LONG).nullable().references("mo_author").build());
        assertEquals(SqliteDdlText.REBUILD_START, List.of(statements.get(0), statements.get(1), statements.get(3)));
        assertThrows(DatabaseException.class, () -> db.atomic(() -> statements.forEach(db.executor()::execute)));
        assertEquals(List.of("1|Dune|1|412|null|99", "2|Emma|2|null|E-1|99"), tables.rows("mo_book"));
        assertEquals(List.of("mo_author"), tables.pragma("foreign_key_list", "mo_book", "table"));
        assertEquals(List.of("mo_book"), tables.pragma("foreign_key_list", "mo_review", "table"));
        assertFalse(tables.exists("quarry_old_mo_book"));
    }

    /** The first statements of a rebuild of mo_book. */
    private static final class SqliteDdlText {
        static final List<String> REBUILD_START = List.of("PRAGMA defer_foreign_keys = ON",
                "CREATE TABLE \"quarry_old_mo_book\" AS SELECT * FROM \"mo_book\"", "DROP TABLE \"mo_book\"");
    }

    // ---- RunSql, RunJava -------------------------------------------------------------------------------------------

    @Test
    void runSqlAndRunJava() {
        ProjectState before = schema.state();
        RunSql sql = new RunSql(List.of("INSERT INTO " + q("mo_publisher") + " (" + q("id") + ", " + q("name")
                + ") VALUES (2, 'Tor')"), List.of("DELETE FROM " + q("mo_publisher") + " WHERE " + q("id") + " = 2"));
        schema.forwards(sql);
        assertEquals(List.of("1|Gollancz", "2|Tor"), tables.rows("mo_publisher"));
        schema.backwards(sql, before);
        assertEquals(List.of("1|Gollancz"), tables.rows("mo_publisher"));

        RunJava java = new RunJava(DoublePages.class.getName());
        schema.forwards(java);
        assertEquals(List.of("1|Dune|1|824|null|null", "2|Emma|2|null|E-1|null"), tables.rows("mo_book"));
        schema.backwards(java, before);
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
        ProjectState before = schema.state();
        AddField add = new AddField("mo_review", col("author_id", ColumnType.LONG).nullable().indexed()
                .references("mo_author").build(), null);
        assertEquals(List.of(
                "ALTER TABLE \"mo_review\" ADD COLUMN \"author_id\" BIGINT NULL",
                "CREATE INDEX \"mo_review_author_id_idx\" ON \"mo_review\" (\"author_id\")",
                "ALTER TABLE \"mo_review\" ADD CONSTRAINT \"mo_review_author_id_fk\" FOREIGN KEY (\"author_id\")"
                        + " REFERENCES \"mo_author\" (\"id\")"), schema.forwards(add));
        assertEquals(List.of("ALTER TABLE \"mo_review\" DROP CONSTRAINT \"mo_review_author_id_fk\"",
                "ALTER TABLE \"mo_review\" DROP COLUMN \"author_id\""), schema.backwards(add, before));

        AddField isbn = new AddField("mo_book", col("isbn", ColumnType.VARCHAR).length(20).build(), "unknown");
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD COLUMN \"isbn\" VARCHAR(20) DEFAULT 'unknown' NOT NULL",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"isbn\" DROP DEFAULT"), schema.forwards(isbn));
        schema.backwards(isbn, before);

        String type = on(TestBackend.H2) ? "SET DATA TYPE" : "TYPE";
        AlterField title = new AlterField("mo_book", col("title", ColumnType.VARCHAR).length(50).indexed().build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"title\" " + type + " VARCHAR(50)"),
                schema.forwards(title));
        schema.backwards(title, before);
        AlterField pages = new AlterField("mo_book", col("pages", ColumnType.LONG).defaultValue("0").build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" " + type + " BIGINT",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" SET DEFAULT 0",
                "UPDATE \"mo_book\" SET \"pages\" = 0 WHERE \"pages\" IS NULL",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" SET NOT NULL"), schema.forwards(pages));
        assertEquals(List.of("ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" DROP DEFAULT",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" " + type + " INTEGER",
                "ALTER TABLE \"mo_book\" ALTER COLUMN \"pages\" DROP NOT NULL"), schema.backwards(pages, before));
        assertEquals("2|Emma|2|0|E-1|null", tables.rows("mo_book").get(1), "the NULL got the default");
        db.executor().execute("UPDATE " + q("mo_book") + " SET " + q("pages") + " = NULL WHERE " + q("id") + " = 2");

        AlterField editor = new AlterField("mo_book", col("editor_id", ColumnType.LONG).nullable()
                .references("mo_author").build());
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_editor_id_fk\" FOREIGN KEY"
                + " (\"editor_id\") REFERENCES \"mo_author\" (\"id\")"), schema.forwards(editor));
        schema.backwards(editor, before);

        AlterField email = new AlterField("mo_author", col("email", ColumnType.VARCHAR).length(50).nullable()
                .build());
        List<String> dropUnique = schema.forwards(email);
        if (on(TestBackend.POSTGRES)) {
            assertEquals(List.of("ALTER TABLE \"mo_author\" DROP CONSTRAINT \"mo_author_email_key\""), dropUnique);
            assertEquals(List.of("ALTER TABLE \"mo_author\" ADD CONSTRAINT \"mo_author_email_key\" UNIQUE"
                    + " (\"email\")"), schema.backwards(email, before));
        } else {
            assertEquals(1, dropUnique.size());
            assertTrue(dropUnique.get(0).startsWith("EXECUTE IMMEDIATE 'ALTER TABLE \"mo_author\" DROP CONSTRAINT"
                    + " \"' || (SELECT c.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"), dropUnique.get(0));
            assertEquals(List.of("ALTER TABLE \"mo_author\" ADD UNIQUE (\"email\")"), schema.backwards(email, before));
        }

        AddUnique unique = new AddUnique("mo_book", List.of("author_id", "title"));
        assertEquals(List.of("ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_author_id_title_uniq\" UNIQUE"
                + " (\"author_id\", \"title\")"), schema.forwards(unique));
        String dropUniqueTogether = "ALTER TABLE \"mo_book\" DROP CONSTRAINT \"mo_book_author_id_title_uniq\"";
        if (on(TestBackend.POSTGRES)) {
            assertEquals(List.of(dropUniqueTogether), schema.backwards(unique, before));
        } else {
            // H2's foreign key on author_id may have taken over the constraint's index
            assertEquals(List.of("ALTER TABLE \"mo_book\" DROP CONSTRAINT \"mo_book_author_id_fk\"",
                    dropUniqueTogether, "ALTER TABLE \"mo_book\" ADD CONSTRAINT \"mo_book_author_id_fk\" FOREIGN KEY"
                            + " (\"author_id\") REFERENCES \"mo_author\" (\"id\")"), schema.backwards(unique, before));
        }

        RenameModel rename = new RenameModel("mo_author", "Writer", "mo_writer");
        List<String> renameDdl = new ArrayList<>(List.of("ALTER TABLE \"mo_author\" RENAME TO \"mo_writer\""));
        if (on(TestBackend.POSTGRES)) {
            renameDdl.add("ALTER TABLE \"mo_writer\" RENAME CONSTRAINT \"mo_author_email_key\" TO"
                    + " \"mo_writer_email_key\"");
        }
        renameDdl.add("ALTER INDEX \"mo_author_country_idx\" RENAME TO \"mo_writer_country_idx\"");
        assertEquals(renameDdl, schema.forwards(rename));
        schema.backwards(rename, before);

        RenameField field = new RenameField("mo_review", "book_id", "volume", "volume_id");
        assertEquals(List.of("ALTER TABLE \"mo_review\" RENAME COLUMN \"book_id\" TO \"volume_id\"",
                "ALTER INDEX \"mo_review_book_id_idx\" RENAME TO \"mo_review_volume_id_idx\"",
                "ALTER TABLE \"mo_review\" RENAME CONSTRAINT \"mo_review_book_id_fk\" TO \"mo_review_volume_id_fk\""),
                schema.forwards(field));
        schema.backwards(field, before);

        RemoveIndex index = new RemoveIndex("mo_author", "country");
        assertEquals(List.of("DROP INDEX \"mo_author_country_idx\""), schema.forwards(index));
        assertEquals(List.of("CREATE INDEX \"mo_author_country_idx\" ON \"mo_author\" (\"country\")"),
                schema.backwards(index, before));
        assertRowsKept();
    }

    // ---- data and catalog ------------------------------------------------------------------------------------------

    /** The foreign keys between the tests' tables refuse dangling values and deleting a referenced row. */
    private void assertReferencesHold() {
        refused(() -> tables.insert("mo_book", "id, title, author_id", 90L, "Dangling", 99L));
        refused(() -> tables.insert("mo_review", "id, book_id, stars", 90L, 99L, 1));
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
}
