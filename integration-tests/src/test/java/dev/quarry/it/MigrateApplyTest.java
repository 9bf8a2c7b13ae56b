package dev.quarry.it;

import static dev.quarry.it.MigrationStates.col;
import static dev.quarry.it.MigrationStates.id;
import static dev.quarry.it.MigrationStates.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.DatabaseException;
import dev.quarry.QuarryException;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.DataMigration;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.MigrationLoader;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.cli.QuarryCommand;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AddIndex;
import dev.quarry.migrations.operations.AddUnique;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.operations.RunJava;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.migrations.state.TableState;
import dev.quarry.sql.SqlStatement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate applying and rolling back migrations on each database, through {@link Migrator} as users run it: rows
 * written before each migration read back after it and after its rollback.
 */
class MigrateApplyTest extends FreshDatabaseTest {
    private TableRows tables;

    @BeforeEach
    void tableRows() {
        tables = new TableRows(db);
    }

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
        tables.insert("ma_note", "id, title, body", 1L, "Dune", "spice");
        assertEquals("[Apply 0002_widen_title, Apply 0003_merge]", migrator.migrate(null).toString());
        assertEquals(List.of("1|Dune|spice"), tables.rows("ma_note"), "the other branch's column is kept");
        tables.insert("ma_note", "id, title, body", 2L, "A Title Longer Than Twenty", "long");

        db.executor().execute("DELETE FROM " + q("ma_note") + " WHERE " + q("id") + " = 2");
        migrator.migrate("0002_note_body");
        assertEquals(List.of("1|Dune|spice"), tables.rows("ma_note"), "kept when the other branch is rolled back");
        refused(() -> tables.insert("ma_note", "id, title", 2L, "A Title Longer Than Twenty"));

        migrator.migrate(Migrator.ZERO);
        migrator.migrate("0002_widen_title");
        tables.insert("ma_note", "id, title", 1L, "A Title Longer Than Twenty");
        migrator.migrate(null);
        tables.insert("ma_note", "id, title, body", 2L, "Emma", "letters");
        assertEquals(List.of("1|A Title Longer Than Twenty|null", "2|Emma|letters"), tables.rows("ma_note"));
        migrator.migrate("0002_widen_title");
        assertEquals(List.of("1|A Title Longer Than Twenty", "2|Emma"), tables.rows("ma_note"));
    }

    /** sqlmigrate prints a migration of a merged branch as migrate runs it, on the other branch's changes too. */
    @Test
    void sqlmigrateOfAMergedBranchSeesTheOtherBranch() {
        TableState note = table("Note", "ma_note", id(), col("title", ColumnType.VARCHAR).length(20).build());
        Migrator migrator = new Migrator(db, List.of(migration("0001_initial", List.of(), new CreateModel(note)),
                migration("0002_note_body", List.of("0001_initial"),
                        new AddField("ma_note", col("body", ColumnType.VARCHAR).length(50).nullable().build(), null)),
                migration("0002_widen_title", List.of("0001_initial"),
                        new AlterField("ma_note", col("title", ColumnType.VARCHAR).length(40).build()))));
        if (on(TestBackend.SQLITE)) {
            String create = migrator.sql("0002_widen_title", false).stream()
                    .filter(sql -> sql.startsWith("CREATE TABLE " + q("ma_note"))).findFirst().orElseThrow();
            assertTrue(create.contains(q("body")), create);
        }
        assertEquals(List.of(), migrator.sql("0002_note_body", true).stream()
                .filter(sql -> sql.contains("CREATE TABLE")).toList(), "the column dropped in place");
    }

    // ---- defaults ---------------------------------------------------------------------------------------------------

    /** A default added, changed and removed is the database's default for plain INSERTs; rolled back step by step. */
    @Test
    void defaultsAddedChangedAndRemovedApplyToPlainInserts() {
        TableState counter = table("Counter", "ma_counter", id(), col("n", ColumnType.INTEGER).build(),
                col("label", ColumnType.VARCHAR).length(10).nullable().build());
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(counter)),
                migration("0002_seven", List.of("0001_initial"),
                        new AlterField("ma_counter", col("n", ColumnType.INTEGER).defaultValue("7").build())),
                migration("0003_eight", List.of("0002_seven"),
                        new AlterField("ma_counter", col("n", ColumnType.INTEGER).defaultValue("8").build()),
                        new AlterField("ma_counter", col("label", ColumnType.VARCHAR).length(10).defaultValue("x")
                                .build())),
                migration("0004_none", List.of("0003_eight"),
                        new AlterField("ma_counter", col("n", ColumnType.INTEGER).build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_counter", "id, n", 1L, 1);
        refused(() -> tables.insert("ma_counter", "id", 2L));
        migrator.migrate("0002_seven");
        tables.insert("ma_counter", "id", 2L);
        migrator.migrate("0003_eight");
        tables.insert("ma_counter", "id", 3L);
        assertEquals(List.of("1|1|x", "2|7|x", "3|8|x"), tables.rows("ma_counter"),
                "NULLs filled with the new default");
        refused(() -> tables.insert("ma_counter", "id, n, label", 4L, 1, null));
        migrator.migrate(null);
        refused(() -> tables.insert("ma_counter", "id", 4L));
        tables.insert("ma_counter", "id, n", 4L, 4);
        migrator.migrate("0003_eight");
        tables.insert("ma_counter", "id", 5L);
        migrator.migrate("0002_seven");
        tables.insert("ma_counter", "id", 6L);
        tables.insert("ma_counter", "id, n, label", 7L, 7, null);
        migrator.migrate("0001_initial");
        refused(() -> tables.insert("ma_counter", "id", 8L));
        assertEquals(List.of("1|1|x", "2|7|x", "3|8|x", "4|4|x", "5|8|x", "6|7|null", "7|7|null"),
                tables.rows("ma_counter"));
    }

    /** Defaults of every kind of literal added to columns with rows: the database applies them to plain INSERTs. */
    @Test
    void defaultsOfEveryLiteralKind() {
        TableState kinds = table("Kinds", "ma_kinds", id(), col("flag", ColumnType.BOOLEAN).nullable().build(),
                col("day", ColumnType.DATE).nullable().build(), col("moment", ColumnType.DATETIME).nullable().build(),
                col("amount", ColumnType.DECIMAL).decimal(8, 2).nullable().build(),
                col("ratio", ColumnType.DOUBLE).nullable().build(), col("note", ColumnType.TEXT).nullable().build());
        Migrator migrator = new Migrator(db, List.of(migration("0001_initial", List.of(), new CreateModel(kinds)),
                migration("0002_defaults", List.of("0001_initial"),
                        new AlterField("ma_kinds", col("flag", ColumnType.BOOLEAN).defaultValue("true").build()),
                        new AlterField("ma_kinds", col("day", ColumnType.DATE).defaultValue("2024-02-29").build()),
                        new AlterField("ma_kinds", col("moment", ColumnType.DATETIME)
                                .defaultValue("2024-02-29T12:30:00").build()),
                        new AlterField("ma_kinds", col("amount", ColumnType.DECIMAL).decimal(8, 2)
                                .defaultValue("12.50").build()),
                        new AlterField("ma_kinds", col("ratio", ColumnType.DOUBLE).defaultValue("0.5").build()),
                        new AlterField("ma_kinds", col("note", ColumnType.TEXT).defaultValue("it's").build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_kinds", "id", 1L);
        migrator.migrate(null);
        tables.insert("ma_kinds", "id", 2L);
        String sql = "SELECT " + q("flag") + ", " + q("day") + ", " + q("moment") + ", " + q("amount") + ", "
                + q("ratio") + ", " + q("note") + " FROM " + q("ma_kinds") + " ORDER BY " + q("id");
        List<String> read = db.executor().run(sql, connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(db.dialect().readBoolean(result, 1) + "|" + db.dialect().readLocalDate(result, 2) + "|"
                            + db.dialect().readLocalDateTime(result, 3) + "|"
                            + db.dialect().readBigDecimal(result, 4).stripTrailingZeros().toPlainString() + "|"
                            + result.getDouble(5) + "|" + result.getString(6));
                }
            }
            return rows;
        });
        assertEquals(List.of("true|2024-02-29|2024-02-29T12:30|12.5|0.5|it's",
                "true|2024-02-29|2024-02-29T12:30|12.5|0.5|it's"), read);
        migrator.migrate("0001_initial");
        tables.insert("ma_kinds", "id", 3L);
        assertEquals("3|null|null|null|null|null|null", tables.rows("ma_kinds").get(2));
    }

    // ---- types -----------------------------------------------------------------------------------------------------

    /** int to long to varchar to text and back, decimals widened and narrowed back: the values read back. */
    @Test
    void typesChangedAcrossFamiliesAndBack() {
        TableState measure = table("Measure", "ma_measure", id(), col("v", ColumnType.INTEGER).build(),
                col("price", ColumnType.DECIMAL).decimal(6, 2).nullable().build());
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(measure)),
                migration("0002_long", List.of("0001_initial"),
                        new AlterField("ma_measure", col("v", ColumnType.LONG).build()),
                        new AlterField("ma_measure", col("price", ColumnType.DECIMAL).decimal(12, 4).nullable()
                                .build())),
                migration("0003_varchar", List.of("0002_long"),
                        new AlterField("ma_measure", col("v", ColumnType.VARCHAR).length(30).build())),
                migration("0004_text", List.of("0003_varchar"),
                        new AlterField("ma_measure", col("v", ColumnType.TEXT).build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_measure", "id, v, price", 1L, 2_000_000_000, new BigDecimal("1234.56"));
        migrator.migrate(null);
        tables.insert("ma_measure", "id, v, price", 2L, "text", new BigDecimal("12345678.1234"));
        db.executor().execute("DELETE FROM " + q("ma_measure") + " WHERE " + q("id") + " = 2");
        migrator.migrate("0002_long");
        assertEquals(2_000_000_000L, db.executor().queryLong(new SqlStatement("SELECT " + q("v")
                + " FROM " + q("ma_measure"), List.of())));
        migrator.migrate("0001_initial");
        assertEquals(0, new BigDecimal("1234.56").compareTo(new BigDecimal(
                tables.rows("ma_measure").get(0).split("\\|")[2])), tables.rows("ma_measure").toString());
    }

    /** A varchar shortened below a value it holds fails and changes nothing; once the value fits, it applies. */
    @Test
    void varcharShortenedBelowItsValuesFailsAndChangesNothing() {
        TableState tag = table("Tag", "ma_tag", id(), col("name", ColumnType.VARCHAR).length(10).indexed().build());
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(tag)),
                migration("0002_short", List.of("0001_initial"),
                        new AlterField("ma_tag", col("name", ColumnType.VARCHAR).length(3).indexed().build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_tag", "id, name", 1L, "abc");
        tables.insert("ma_tag", "id, name", 2L, "abcdef");
        assertThrows(QuarryException.class, () -> migrator.migrate(null));
        assertEquals(List.of("1|abc", "2|abcdef"), tables.rows("ma_tag"));
        assertEquals("[Apply 0002_short]", migrator.plan(null).toString());
        tables.insert("ma_tag", "id, name", 3L, "abcdefghij");
        db.executor().execute("DELETE FROM " + q("ma_tag") + " WHERE " + q("id") + " > 1");
        migrator.migrate(null);
        refused(() -> tables.insert("ma_tag", "id, name", 2L, "abcd"));
        migrator.migrate(Migrator.ZERO);
    }

    /**
     * Generated keys keep counting past the keys of deleted rows after a change of the table (SQLite's rebuild
     * restarted AUTOINCREMENT from the largest key kept, so a deleted row's key was given again), and after its
     * rollback.
     */
    @Test
    void generatedKeysAreNotReusedAfterAChange() {
        TableState event = table("Event", "ma_event", id(), col("name", ColumnType.VARCHAR).length(10).build());
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(event)),
                migration("0002_longer", List.of("0001_initial"),
                        new AlterField("ma_event", col("name", ColumnType.VARCHAR).length(20).build()))));
        migrator.migrate("0001_initial");
        for (String name : List.of("a", "b", "c")) {
            tables.insert("ma_event", "name", name);
        }
        db.executor().execute("DELETE FROM " + q("ma_event") + " WHERE " + q("name") + " = 'c'");
        migrator.migrate(null);
        tables.insert("ma_event", "name", "d");
        db.executor().execute("DELETE FROM " + q("ma_event") + " WHERE " + q("name") + " = 'd'");
        migrator.migrate("0001_initial");
        tables.insert("ma_event", "name", "e");
        assertEquals(List.of("a", "b", "e"), tables.rows("ma_event").stream().map(row -> row.split("\\|")[1]).toList());
        assertEquals(5L, db.executor().queryLong(new SqlStatement("SELECT MAX(" + q("id") + ") FROM "
                + q("ma_event"), List.of())), tables.rows("ma_event").toString());
    }

    /** Columns of a multi-column unique constraint, one of them a foreign key, retyped and made nullable and back. */
    @Test
    void columnsOfAUniqueConstraintAltered() {
        TableState shelf = table("Shelf", "ma_shelf", id());
        TableState slot = new TableState("Slot", "ma_slot", List.of(id(),
                col("shelf_id", ColumnType.LONG).references("ma_shelf").build(),
                col("position", ColumnType.INTEGER).build()), List.of(List.of("shelf_id", "position")));
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(shelf), new CreateModel(slot)),
                migration("0002_alter", List.of("0001_initial"),
                        new AlterField("ma_slot", col("position", ColumnType.LONG).nullable().build()),
                        new AlterField("ma_slot", col("shelf_id", ColumnType.LONG).nullable().indexed()
                                .references("ma_shelf").build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_shelf", "id", 1L);
        tables.insert("ma_slot", "id, shelf_id, position", 1L, 1L, 1);
        migrator.migrate(null);
        refused(() -> tables.insert("ma_slot", "id, shelf_id, position", 2L, 1L, 1));
        refused(() -> tables.insert("ma_slot", "id, shelf_id, position", 2L, 9L, 1));
        tables.insert("ma_slot", "id, shelf_id, position", 2L, 1L, 5_000_000_000L);
        db.executor().execute("DELETE FROM " + q("ma_slot") + " WHERE " + q("id") + " = 2");
        migrator.migrate("0001_initial");
        assertEquals(List.of("1|1|1"), tables.rows("ma_slot"));
        refused(() -> tables.insert("ma_slot", "id, shelf_id, position", 2L, 1L, 1));
        refused(() -> tables.insert("ma_slot", "id, shelf_id, position", 2L, 9L, 2));
        refused(() -> tables.insert("ma_slot", "id, shelf_id, position", 2L, 1L, null));
        migrator.migrate(Migrator.ZERO);
    }

    // ---- names -----------------------------------------------------------------------------------------------------

    /** Reserved words and mixed case as table and column names, through every kind of operation and back. */
    @Test
    void reservedWordsAndMixedCaseNames() {
        TableState user = table("User", "user", id(), col("name", ColumnType.VARCHAR).length(20).unique().build());
        TableState order = table("Order", "order", id(), col("select", ColumnType.VARCHAR).length(10).build(),
                col("user_id", ColumnType.LONG).references("user").build(),
                col("Mixed", ColumnType.INTEGER).nullable().indexed().build());
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(user), new CreateModel(order)),
                migration("0002_changes", List.of("0001_initial"),
                        new AddField("order", col("group", ColumnType.VARCHAR).length(5).nullable().build(), null),
                        new AlterField("order", col("select", ColumnType.VARCHAR).length(30).build()),
                        new AlterField("user", col("name", ColumnType.VARCHAR).length(20).build()),
                        new AddIndex("order", "select"),
                        new AddUnique("order", List.of("select", "group")),
                        new RenameField("order", "select", "from", "from"),
                        new RenameField("order", "Mixed", "camelCase", "camelCase"),
                        new RenameModel("user", "Account", "UserAccount"),
                        new AlterField("order", col("camelCase", ColumnType.LONG).nullable().indexed().build()))));
        migrator.migrate("0001_initial");
        tables.insert("user", "id, name", 1L, "ann");
        tables.insert("order", "id, select, user_id, Mixed", 1L, "a", 1L, 5);
        migrator.migrate(null);
        assertEquals(List.of("1|a|1|5|null"), tables.rows("order"));
        assertEquals(List.of("1|ann"), tables.rows("UserAccount"));
        tables.insert("UserAccount", "id, name", 2L, "ann");
        tables.insert("order", "id, from, user_id, group", 2L, "b", 2L, "g");
        refused(() -> tables.insert("order", "id, from, user_id, group", 3L, "b", 2L, "g"));
        refused(() -> tables.insert("order", "id, from, user_id", 3L, "c", 99L));
        db.executor().execute("DELETE FROM " + q("order") + " WHERE " + q("id") + " = 2");
        db.executor().execute("DELETE FROM " + q("UserAccount") + " WHERE " + q("id") + " = 2");
        migrator.migrate("0001_initial");
        assertEquals(List.of("1|a|1|5"), tables.rows("order"));
        assertEquals(List.of("1|ann"), tables.rows("user"));
        refused(() -> tables.insert("user", "id, name", 2L, "ann"));
        refused(() -> tables.insert("order", "id, select, user_id", 3L, "c", 99L));
        migrator.migrate(Migrator.ZERO);
    }

    /** A table and a column renamed to another case of their names (SQLite compares table names without case). */
    @Test
    void renamesThatOnlyChangeTheCase() {
        TableState note = table("Note", "note", id(), col("title", ColumnType.VARCHAR).length(20).indexed().build());
        TableState link = table("Link", "ma_link", id(), col("note_id", ColumnType.LONG).references("note").build());
        Migrator migrator = new Migrator(db, List.of(migration("0001_initial", List.of(), new CreateModel(note),
                        new CreateModel(link)),
                migration("0002_case", List.of("0001_initial"), new RenameModel("note", "Note", "Note"),
                        new RenameField("Note", "title", "Title", "Title"))));
        migrator.migrate("0001_initial");
        tables.insert("note", "id, title", 1L, "Dune");
        tables.insert("ma_link", "id, note_id", 1L, 1L);
        migrator.migrate(null);
        assertEquals(List.of("1|Dune"), tables.rows("Note"));
        tables.insert("Note", "id, Title", 2L, "Emma");
        tables.insert("ma_link", "id, note_id", 2L, 2L);
        refused(() -> tables.insert("ma_link", "id, note_id", 3L, 99L));
        migrator.migrate("0001_initial");
        assertEquals(List.of("1|Dune", "2|Emma"), tables.rows("note"));
        assertEquals(List.of("1|1", "2|2"), tables.rows("ma_link"));
        tables.insert("note", "id, title", 3L, "Ubik");
        tables.insert("ma_link", "id, note_id", 3L, 3L);
        refused(() -> tables.insert("ma_link", "id, note_id", 4L, 99L));
    }

    /**
     * A primary key that a foreign key and a join table refer to renamed through migrate (on SQLite with foreign
     * keys off during it), then the referring table rebuilt: the references follow, valid rows go in, dangling ones
     * do not, and the link rows stay; and back.
     */
    @Test
    void primaryKeyRenamedUnderItsReferences() {
        TableState author = table("Author", "ma_author", id(), col("name", ColumnType.VARCHAR).length(20).build());
        TableState book = table("Book", "ma_book", id(), col("author_id", ColumnType.LONG).references("ma_author")
                .build(), col("pages", ColumnType.INTEGER).nullable().build());
        TableState links = new TableState("Author.books link", "ma_author_books", List.of(id(),
                col("author_id", ColumnType.LONG).references("ma_author").build(),
                col("book_id", ColumnType.LONG).references("ma_book").build()), List.of(List.of("author_id", "book_id")));
        Migrator migrator = new Migrator(db, List.of(
                migration("0001_initial", List.of(), new CreateModel(author), new CreateModel(book),
                        new CreateModel(links)),
                migration("0002_rename", List.of("0001_initial"), new RenameField("ma_author", "id", "key", "key"),
                        new AlterField("ma_book", col("pages", ColumnType.LONG).nullable().build()),
                        new AlterField("ma_author", col("name", ColumnType.VARCHAR).length(30).build()))));
        migrator.migrate("0001_initial");
        tables.insert("ma_author", "id, name", 1L, "Ann");
        tables.insert("ma_book", "id, author_id", 1L, 1L);
        tables.insert("ma_author_books", "id, author_id, book_id", 1L, 1L, 1L);
        migrator.migrate(null);
        tables.insert("ma_author", "key, name", 2L, "Bob");
        tables.insert("ma_book", "id, author_id", 2L, 2L);
        tables.insert("ma_author_books", "id, author_id, book_id", 2L, 2L, 2L);
        refused(() -> tables.insert("ma_book", "id, author_id", 3L, 99L));
        refused(() -> tables.insert("ma_author_books", "id, author_id, book_id", 3L, 99L, 1L));
        assertEquals(List.of("1|1|1", "2|2|2"), tables.rows("ma_author_books"));
        migrator.migrate("0001_initial");
        tables.insert("ma_author", "id, name", 3L, "Cy");
        tables.insert("ma_book", "id, author_id", 3L, 3L);
        refused(() -> tables.insert("ma_book", "id, author_id", 4L, 99L));
        assertEquals(List.of("1|1|null", "2|2|null", "3|3|null"), tables.rows("ma_book"));
        assertEquals(List.of("1|1|1", "2|2|2"), tables.rows("ma_author_books"));
    }

    // ---- failures ------------------------------------------------------------------------------------------------

    /**
     * A rollback failing midway where DDL cannot roll back: the history still lists the migration as applied, and
     * the message says so, with what was undone and how to finish (it said the history did not record the
     * migration, and to record it with migrate --fake, as for a migration failing forwards).
     */
    @Test
    void aRollbackFailingMidwayIsReportedAsARollback() {
        Migration initial = migration("0001_initial", List.of(), new CreateModel(table("Note", "ma_note", id(),
                col("title", ColumnType.VARCHAR).length(20).build())));
        Migration tablesMigration = migration("0002_tables", List.of("0001_initial"), new RunSql(
                List.of("CREATE TABLE " + q("ma_a") + " (" + q("id") + " INTEGER PRIMARY KEY)"),
                List.of("DROP TABLE " + q("ma_a"), "DROP TABLE " + q("ma_no_such_table"))));
        Migrator migrator = new Migrator(db, List.of(initial, tablesMigration));
        migrator.migrate(null);
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate("0001_initial"));
        String message = error.getMessage();
        assertTrue(message.startsWith("Unapply 0002_tables failed"), message);
        assertTrue(migrator.status().get(1).applied(), "still recorded as applied");
        if (!db.dialect().supportsTransactionalDdl()) {
            assertTrue(message.contains("DROP TABLE " + q("ma_a")) && message.contains("still lists 0002_tables as "
                    + "applied") && message.contains("DELETE FROM quarry_migrations WHERE name = '0002_tables'")
                    && !message.contains("--fake 0002_tables"), message);
        }
    }

    /**
     * A schema operation failing after others of its migration ran (a unique field over duplicates): rolled back
     * whole where DDL is transactional; elsewhere the message names the failed statement and the statements that
     * stayed applied, and the history does not list the migration.
     */
    @Test
    void aSchemaOperationFailingMidMigration() {
        Migration initial = migration("0001_initial", List.of(), new CreateModel(table("Note", "ma_note", id(),
                col("title", ColumnType.VARCHAR).length(20).build())));
        Migration failing = migration("0002_unique_title", List.of("0001_initial"),
                new AddField("ma_note", col("body", ColumnType.VARCHAR).length(20).nullable().build(), null),
                new AlterField("ma_note", col("title", ColumnType.VARCHAR).length(30).build()),
                new AlterField("ma_note", col("title", ColumnType.VARCHAR).length(30).unique().build()));
        Migrator migrator = new Migrator(db, List.of(initial, failing));
        migrator.migrate("0001_initial");
        tables.insert("ma_note", "id, title", 1L, "Dune");
        tables.insert("ma_note", "id, title", 2L, "Dune");
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        String message = error.getMessage();
        assertTrue(message.startsWith("Apply 0002_unique_title failed in operation Alter field title of ma_note"),
                message);
        assertEquals("[Apply 0002_unique_title]", migrator.plan(null).toString());
        if (db.dialect().supportsTransactionalDdl()) {
            assertEquals(List.of("1|Dune", "2|Dune"), tables.rows("ma_note"), "rolled back whole");
            tables.insert("ma_note", "id, title", 3L, "Twenty Characters!!!");
            refused(() -> tables.insert("ma_note", "id, title", 4L, "Twenty-one Characters"));
        } else {
            assertEquals(List.of("1|Dune|null", "2|Dune|null"), tables.rows("ma_note"), "the column stayed");
            assertTrue(message.contains("UNIQUE") && message.contains("stay applied:")
                    && message.contains(q("body")) && message.contains("migrate --fake 0002_unique_title"), message);
        }
    }

    /** A data migration that writes a row, then fails. */
    public static final class HalfDone implements DataMigration {
        @Override
        public void forwards(Database db) {
            db.executor().execute("INSERT INTO " + db.dialect().quote("ma_note") + " (" + db.dialect().quote("id")
                    + ", " + db.dialect().quote("title") + ") VALUES (2, 'by the data migration')");
            throw new IllegalStateException("the data migration's own bug");
        }
    }

    /**
     * A data migration failing midway leaves none of its own changes, also where the migration has no transaction
     * (MariaDB, H2: its first row stayed); what ran before it in the migration stays there, and is reported.
     */
    @Test
    void aDataMigrationFailingMidwayLeavesNoneOfItsChanges() {
        Migration initial = migration("0001_initial", List.of(), new CreateModel(table("Note", "ma_note", id(),
                col("title", ColumnType.VARCHAR).length(30).build())));
        Migration data = migration("0002_data", List.of("0001_initial"),
                new RunSql(List.of("INSERT INTO " + q("ma_note") + " (" + q("id") + ", " + q("title")
                        + ") VALUES (1, 'by RunSql')"), List.of()),
                new RunJava(HalfDone.class.getName()));
        Migrator migrator = new Migrator(db, List.of(initial, data));
        MigrationException error = assertThrows(MigrationException.class, () -> migrator.migrate(null));
        assertTrue(error.getMessage().contains("the data migration's own bug"), error.getMessage());
        assertEquals(db.dialect().supportsTransactionalDdl() ? List.of() : List.of("1|by RunSql"),
                tables.rows("ma_note"));
        assertEquals("[Apply 0002_data]", migrator.plan(null).toString());
    }

    // ---- reading the history -------------------------------------------------------------------------------------

    /** showmigrations and migrate --plan read the history without creating its table (they created it before). */
    @Test
    void statusAndPlanCreateNothing() {
        Migrator migrator = new Migrator(db, List.of(migration("0001_initial", List.of(),
                new CreateModel(table("Note", "ma_note", id(), col("title", ColumnType.VARCHAR).length(20).build())))));
        assertEquals("[[ ] 0001_initial]", migrator.status().toString());
        assertEquals("[Apply 0001_initial]", migrator.plan(null).toString());
        assertThrows(DatabaseException.class, () -> db.executor().queryLong(new SqlStatement(
                "SELECT COUNT(*) FROM " + q("quarry_migrations"), List.of())), "no history table");
        migrator.migrate(null);
        assertTrue(migrator.status().get(0).applied());
        assertEquals(List.of(), migrator.plan(null));
    }

    // ---- the lock --------------------------------------------------------------------------------------------------

    private static final CountDownLatch HOLDING = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** A data migration that holds its migrate run (and so the lock) until the test lets it go. */
    public static final class Holding implements DataMigration {
        @Override
        public void forwards(Database db) {
            HOLDING.countDown();
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Two applications in two schemas (PostgreSQL) or databases (MariaDB) of one server, each with its own history:
     * one migrating does not hold the other up (the lock was one per database, or per server on MariaDB).
     */
    @Test
    void theLockIsPerSchemaOrDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestBackend.Opened other = TestBackend.current().open("MigrateApplyOtherSchema")) {
            Future<List<Migrator.Step>> holding = pool.submit(() -> new Migrator(db, List.of(
                    migration("0001_holding", List.of(), new RunJava(Holding.class.getName())))).migrate(null));
            assertTrue(HOLDING.await(30, TimeUnit.SECONDS), "the first run holds the lock");
            TableState note = table("Note", "ma_note", id(), col("title", ColumnType.VARCHAR).length(20).build());
            Future<List<Migrator.Step>> elsewhere = pool.submit(() -> new Migrator(other.database(), List.of(
                    migration("0001_initial", List.of(), new CreateModel(note)))).migrate(null));
            assertEquals("[Apply 0001_initial]", elsewhere.get(10, TimeUnit.SECONDS).toString(),
                    "the other schema's run does not wait");
            RELEASE.countDown();
            assertEquals("[Apply 0001_holding]", holding.get(30, TimeUnit.SECONDS).toString());
        } finally {
            RELEASE.countDown();
            pool.shutdownNow();
        }
    }

    /** A data migration that takes a second, so that runs of other processes come while one migrates. */
    public static final class Slow implements DataMigration {
        @Override
        public void forwards(Database db) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Four processes running the command line's migrate at once on one database (an application's instances
     * starting together): each migration is applied once, by one of them, and the others find nothing to do.
     */
    @Test
    void concurrentProcessesApplyEachMigrationOnce(@TempDir Path directory) throws Exception {
        Assumptions.assumeFalse(on(TestBackend.H2), "H2 in memory is private to its JVM");
        TableState counter = table("Counter", "ma_counter", id(), col("n", ColumnType.INTEGER).build());
        MigrationLoader.write(directory, migration("0001_initial", List.of(), new CreateModel(counter)));
        MigrationLoader.write(directory, migration("0002_rows", List.of("0001_initial"),
                new RunJava(Slow.class.getName()),
                new RunSql(List.of("INSERT INTO " + q("ma_counter") + " (" + q("n") + ") VALUES (1)"), List.of())));
        MigrationLoader.write(directory, migration("0003_more", List.of("0002_rows"),
                new AddField("ma_counter", col("m", ColumnType.INTEGER).nullable().build(), null),
                new RunSql(List.of("INSERT INTO " + q("ma_counter") + " (" + q("n") + ") VALUES (2)"), List.of())));
        Map<String, String> environment = connectionEnvironment();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), QuarryCommand.class.getName(),
                    "migrate", "--dir", directory.toString());
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true);
            processes.add(builder.start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            outputs.add(output);
        }
        String all = String.join("\n----\n", outputs);
        for (String name : List.of("0001_initial", "0002_rows", "0003_more")) {
            assertEquals(1, outputs.stream().filter(output -> output.contains("Apply " + name)).count(), all);
        }
        assertEquals(List.of("1|1|null", "2|2|null"), tables.rows("ma_counter"), all);
        assertEquals(3L, db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM "
                + q("quarry_migrations"), List.of())));
    }

    /** QUARRY_URL, QUARRY_USER and QUARRY_PASSWORD of this test's database, for the command line. */
    private Map<String, String> connectionEnvironment() {
        return db.executor().run("DatabaseMetaData", connection -> {
            String url = connection.getMetaData().getURL();
            Map<String, String> environment = new HashMap<>();
            if (on(TestBackend.POSTGRES)) {
                url += (url.contains("?") ? "&" : "?") + "currentSchema=" + connection.getSchema();
                environment.put("QUARRY_USER", System.getenv().getOrDefault("QUARRY_PG_USER", "postgres"));
                environment.put("QUARRY_PASSWORD", System.getenv().getOrDefault("QUARRY_PG_PASSWORD", ""));
            } else if (on(TestBackend.MARIADB)) {
                environment.put("QUARRY_USER", System.getenv().getOrDefault("QUARRY_MARIADB_USER", "root"));
                environment.put("QUARRY_PASSWORD", System.getenv().getOrDefault("QUARRY_MARIADB_PASSWORD", ""));
            } else {
                url += "?busy_timeout=10000&foreign_keys=true";
            }
            environment.put("QUARRY_URL", url);
            return environment;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Migration migration(String name, List<String> dependencies, Operation... operations) {
        Migration unsummed = new Migration(name, dependencies, List.of(operations), "");
        return new Migration(name, dependencies, List.of(operations), Migration.checksum(unsummed.toJson()));
    }

    private static void refused(Runnable work) {
        assertThrows(QuarryException.class, work::run);
    }
}
