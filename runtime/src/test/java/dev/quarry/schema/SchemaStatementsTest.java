package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialects;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The DDL text of schema changes where no database is needed to check it: MariaDB's statements (which keep an index
 * under every foreign key), SQLite's rebuild, and the names. The integration tests run the same on each database.
 */
class SchemaStatementsTest {
    private static final ColumnState ID = new ColumnState("id", "id", ColumnType.LONG, false, true, true, 0, 0, 0,
            false, false, null, null, null);
    private static final ColumnState AUTHOR_ID = column("author_id", ColumnType.LONG, 0, false, false, false, null,
            "author");
    private static final TableState AUTHOR = new TableState("Author", "author", List.of(ID,
            column("email", ColumnType.VARCHAR, 50, true, true, false, null, null)), List.of());
    private static final TableState BOOK = new TableState("Book", "book", List.of(ID,
            column("title", ColumnType.VARCHAR, 20, false, false, true, null, null), AUTHOR_ID,
            column("pages", ColumnType.INTEGER, 0, true, false, false, null, null)), List.of());
    private static final ProjectState STATE = ProjectState.EMPTY.with(AUTHOR).with(BOOK);

    private static final SchemaStatements MARIADB = new SchemaStatements(Dialects.MARIADB);
    private static final SchemaStatements SQLITE = new SchemaStatements(Dialects.SQLITE);
    private static final SchemaStatements POSTGRES = new SchemaStatements(Dialects.POSTGRES);

    private static ColumnState column(String name, ColumnType type, int length, boolean nullable, boolean unique,
            boolean indexed, String defaultValue, String references) {
        return new ColumnState(name, name, type, nullable, false, false, length, 0, 0, unique, indexed, defaultValue,
                references, references == null ? null : "id");
    }

    private static ColumnState with(ColumnState column, boolean unique, boolean indexed) {
        return new ColumnState(column.field(), column.columnName(), column.type(), column.nullable(),
                column.primaryKey(), column.generated(), column.maxLength(), column.precision(), column.scale(),
                unique, indexed, column.defaultValue(), column.referencesTable(), column.referencesColumn());
    }

    @Test
    void mariaDbKeepsAnIndexUnderEveryForeignKey() {
        // InnoDB created book_author_id_fk for the foreign key; another index that can serve replaces it ...
        assertEquals(List.of("ALTER TABLE `book` DROP INDEX `book_author_id_fk`, ADD INDEX `book_author_id_idx`"
                + " (`author_id`)"), MARIADB.addIndex(STATE, BOOK, AUTHOR_ID));
        assertEquals(List.of("ALTER TABLE `book` DROP INDEX `book_author_id_fk`, ADD CONSTRAINT"
                + " `book_author_id_title_uniq` UNIQUE (`author_id`, `title`)"),
                MARIADB.addUnique(STATE, BOOK, List.of("author_id", "title")));
        // ... and comes back in the statement that drops the last index that served
        TableState indexed = SchemaStatements.withColumn(BOOK, with(AUTHOR_ID, false, true));
        assertEquals(List.of("ALTER TABLE `book` DROP INDEX `book_author_id_idx`, ADD INDEX `book_author_id_fk`"
                + " (`author_id`)"), MARIADB.dropIndex(STATE, indexed, with(AUTHOR_ID, false, true)));
        assertEquals(List.of("ALTER TABLE `book` DROP INDEX `author_id`, ADD INDEX `book_author_id_fk`"
                + " (`author_id`)"), MARIADB.alterColumn(STATE, BOOK, with(AUTHOR_ID, true, false), AUTHOR_ID));
        // a foreign key dropped takes its index along
        ColumnState plain = column("author_id", ColumnType.LONG, 0, false, false, false, null, null);
        assertEquals(List.of("ALTER TABLE `book` DROP FOREIGN KEY `book_author_id_fk`",
                "ALTER TABLE `book` DROP INDEX `book_author_id_fk`"), MARIADB.alterColumn(STATE, BOOK, AUTHOR_ID,
                plain));
        assertEquals(List.of("ALTER TABLE `book` ADD INDEX `book_author_id_fk` (`author_id`), ADD CONSTRAINT"
                + " `book_author_id_fk` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`)"),
                MARIADB.alterColumn(STATE, BOOK, plain, AUTHOR_ID));
    }

    @Test
    void mariaDbModifiesTheWholeColumnAndRenamesForeignKeysByDroppingThem() {
        assertEquals(List.of("UPDATE `book` SET `pages` = 0 WHERE `pages` IS NULL",
                "ALTER TABLE `book` MODIFY COLUMN `pages` BIGINT DEFAULT 0 NOT NULL"),
                MARIADB.alterColumn(STATE, BOOK, BOOK.requireColumn("pages"),
                        column("pages", ColumnType.LONG, 0, false, false, false, "0", null)));
        ColumnState retargeted = column("author_id", ColumnType.INTEGER, 0, false, false, false, null, "author");
        assertEquals(List.of("ALTER TABLE `book` DROP FOREIGN KEY `book_author_id_fk`",
                "ALTER TABLE `book` MODIFY COLUMN `author_id` INTEGER NOT NULL, ADD CONSTRAINT `book_author_id_fk`"
                        + " FOREIGN KEY (`author_id`) REFERENCES `author` (`id`)"),
                MARIADB.alterColumn(STATE, BOOK, AUTHOR_ID, retargeted));
        assertEquals(List.of("ALTER TABLE `book` RENAME TO `volume`",
                "ALTER TABLE `volume` DROP FOREIGN KEY `book_author_id_fk`",
                "ALTER TABLE `volume` RENAME INDEX `book_title_idx` TO `volume_title_idx`, RENAME INDEX"
                        + " `book_author_id_fk` TO `volume_author_id_fk`, ADD CONSTRAINT `volume_author_id_fk`"
                        + " FOREIGN KEY (`author_id`) REFERENCES `author` (`id`)"),
                MARIADB.renameTable(STATE, BOOK, "volume"));
        assertEquals(List.of("ALTER TABLE `author` RENAME COLUMN `email` TO `mail`",
                "ALTER TABLE `author` RENAME INDEX `email` TO `mail`"),
                MARIADB.renameColumn(STATE, AUTHOR, AUTHOR.requireColumn("email"), "mail"));
    }

    @Test
    void sqliteRebuildsWithTheTableKeepingItsName() {
        assertEquals(List.of("PRAGMA defer_foreign_keys = ON",
                "CREATE TABLE \"quarry_old_book\" AS SELECT * FROM \"book\"",
                "CREATE TABLE \"quarry_old_book_seq\" AS SELECT \"seq\" FROM \"sqlite_sequence\" WHERE \"name\""
                        + " = 'book'",
                "DROP TABLE \"book\"",
                """
                CREATE TABLE "book" (
                    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
                    "title" VARCHAR(20) NOT NULL CHECK (length("title") <= 20),
                    "author_id" BIGINT NOT NULL,
                    "pages" INTEGER DEFAULT 0 NOT NULL,
                    CONSTRAINT "book_author_id_fk" FOREIGN KEY ("author_id") REFERENCES "author" ("id")
                )""",
                "INSERT INTO \"book\" (\"id\", \"title\", \"author_id\", \"pages\") SELECT \"id\", \"title\","
                        + " \"author_id\", COALESCE(\"pages\", 0) FROM \"quarry_old_book\"",
                "DROP TABLE \"quarry_old_book\"",
                "INSERT INTO \"sqlite_sequence\" (\"name\", \"seq\") SELECT 'book', \"seq\" FROM"
                        + " \"quarry_old_book_seq\" WHERE NOT EXISTS (SELECT 1 FROM \"sqlite_sequence\" WHERE"
                        + " \"name\" = 'book')",
                "UPDATE \"sqlite_sequence\" SET \"seq\" = (SELECT \"seq\" FROM \"quarry_old_book_seq\") WHERE"
                        + " \"name\" = 'book' AND \"seq\" < (SELECT \"seq\" FROM \"quarry_old_book_seq\")",
                "DROP TABLE \"quarry_old_book_seq\"",
                "CREATE INDEX \"book_title_idx\" ON \"book\" (\"title\")"),
                SQLITE.alterColumn(STATE, BOOK, BOOK.requireColumn("pages"),
                        column("pages", ColumnType.INTEGER, 0, false, false, false, "0", null)));
    }

    @Test
    void sqliteUsesAlterTableWhereItCan() {
        ColumnState editor = column("editor_id", ColumnType.LONG, 0, true, false, true, null, "author");
        assertEquals(List.of("ALTER TABLE \"book\" ADD COLUMN \"editor_id\" BIGINT NULL CONSTRAINT"
                + " \"book_editor_id_fk\" REFERENCES \"author\" (\"id\")",
                "CREATE INDEX \"book_editor_id_idx\" ON \"book\" (\"editor_id\")"),
                SQLITE.addColumn(STATE, BOOK, editor));
        assertEquals(List.of("DROP INDEX \"book_title_idx\"", "ALTER TABLE \"book\" DROP COLUMN \"title\""),
                SQLITE.dropColumn(STATE, BOOK, BOOK.requireColumn("title")));
        assertEquals("DROP TABLE \"book\"", SQLITE.dropColumn(STATE, BOOK, AUTHOR_ID).get(3), "a rebuild");
        assertEquals(List.of("ALTER TABLE \"book\" RENAME COLUMN \"title\" TO \"name\"",
                "DROP INDEX \"book_title_idx\"", "CREATE INDEX \"book_name_idx\" ON \"book\" (\"name\")"),
                SQLITE.renameColumn(STATE, BOOK, BOOK.requireColumn("title"), "name"));
    }

    @Test
    void cyclesLeaveForeignKeysForLater() {
        assertEquals(List.of("""
                CREATE TABLE "book" (
                    "id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    "title" VARCHAR(20) NOT NULL,
                    "author_id" BIGINT NOT NULL,
                    "pages" INTEGER NULL
                )""", "CREATE INDEX \"book_title_idx\" ON \"book\" (\"title\")"),
                POSTGRES.createTable(BOOK, Set.of("author_id")));
        assertEquals("ALTER TABLE \"book\" ADD CONSTRAINT \"book_author_id_fk\" FOREIGN KEY (\"author_id\")"
                + " REFERENCES \"author\" (\"id\")", POSTGRES.addForeignKey(BOOK, AUTHOR_ID));
    }

    @Test
    void primaryKeyChangesAreRefused() {
        ColumnState notGenerated = new ColumnState("id", "id", ColumnType.LONG, false, true, false, 0, 0, 0, false,
                false, null, null, null);
        for (SchemaStatements ddl : List.of(POSTGRES, MARIADB, SQLITE)) {
            assertThrows(QuarryException.class, () -> ddl.alterColumn(STATE, BOOK, ID, notGenerated));
        }
    }

    @Test
    void names() {
        assertEquals("book_author_id_fk", SchemaStatements.foreignKeyName("book", "author_id"));
        assertEquals("book_a_b_uniq", SchemaStatements.uniqueName("book", List.of("a", "b")));
        String longTable = "a_table_name_that_is_quite_long_indeed_and_more";
        String name = SchemaStatements.indexName(longTable, "and_a_long_column_name");
        assertEquals(63, name.length());
        assertEquals(name, SchemaStatements.indexName(longTable, "and_a_long_column_name"));
        // PostgreSQL's own name of a column's UNIQUE (checked against PostgreSQL 15): the longer part shortened first
        assertEquals("book_isbn_key", Ddl.postgresObjectName("book", "isbn", "key"));
        assertEquals("a_table_name_that_is_quite_long_inde_and_a_long_column_name_key",
                Ddl.postgresObjectName(longTable, "and_a_long_column_name", "key"));
    }
}
