package dev.quarry.migrations.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.MigrationGraph;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Operations of a hand-edited migration file that no database could run are refused when the file is replayed. */
class HandWrittenOperationsTest {
    private static final String INITIAL = """
            {"dependencies": [], "operations": [
              {"op": "CreateModel", "model": "Author", "table": "author", "columns": [
                {"field": "id", "column": "id", "type": "LONG", "primaryKey": true, "generated": true},
                {"field": "name", "column": "name", "type": "VARCHAR", "maxLength": 100},
                {"field": "nickname", "column": "nickname", "type": "VARCHAR", "maxLength": 100, "nullable": true}]},
              {"op": "CreateModel", "model": "Book", "table": "book", "columns": [
                {"field": "id", "column": "id", "type": "LONG", "primaryKey": true, "generated": true},
                {"field": "author", "column": "author_id", "type": "LONG", "indexed": true,
                 "references": "author.id"}]}]}
            """;

    private static ProjectState replay(String second) {
        return MigrationGraph.stateAfter(List.of(Migration.parse("0001_initial", INITIAL),
                Migration.parse("0002_edit", "{\"dependencies\": [\"0001_initial\"], \"operations\": [" + second
                        + "]}")));
    }

    @Test
    void renamingATableOntoAnotherIsRefused() {
        // was: the state lost table book (the database keeps it), and the next makemigrations created it again
        MigrationException e = assertThrows(MigrationException.class, () -> replay(
                "{\"op\": \"RenameModel\", \"table\": \"author\", \"newModel\": \"Writer\", \"newTable\": \"book\"}"));
        assertTrue(e.getMessage().contains("Migration 0002_edit, operation 1")
                && e.getMessage().contains("cannot rename table author to book, which exists already (model Book)"),
                e.getMessage());
        assertEquals(List.of("author", "book"), replay("{\"op\": \"RenameModel\", \"table\": \"author\", "
                + "\"newModel\": \"Writer\", \"newTable\": \"author\"}").tables().stream()
                .map(t -> t.name()).toList(), "a model renamed on its own table");
    }

    @Test
    void renamingAColumnOntoAnotherIsRefused() {
        // was: the state held two columns named nickname
        MigrationException e = assertThrows(MigrationException.class, () -> replay("{\"op\": \"RenameField\", "
                + "\"table\": \"author\", \"column\": \"name\", \"newField\": \"alias\", "
                + "\"newColumn\": \"nickname\"}"));
        assertTrue(e.getMessage().contains("Migration 0002_edit, operation 1") && e.getMessage().contains(
                "cannot rename column author.name to nickname, which exists already (field nickname)"),
                e.getMessage());
        assertEquals("alias", replay("{\"op\": \"RenameField\", \"table\": \"author\", \"column\": \"name\", "
                + "\"newField\": \"alias\", \"newColumn\": \"name\"}").requireTable("author").requireColumn("name")
                .field(), "a field renamed on its own column");
    }

    @Test
    void deletingATableOthersReferToIsRefused() {
        // was: the state kept book.author_id pointing to no table, reported later without the migration's name
        MigrationException e = assertThrows(MigrationException.class,
                () -> replay("{\"op\": \"DeleteModel\", \"table\": \"author\"}"));
        assertTrue(e.getMessage().contains("Migration 0002_edit, operation 1")
                && e.getMessage().contains("table author is still referred to by [book.author_id]"), e.getMessage());
        assertTrue(replay("{\"op\": \"DeleteModel\", \"table\": \"book\"}, "
                + "{\"op\": \"DeleteModel\", \"table\": \"author\"}").tables().isEmpty(), "referring table first");
    }

    @Test
    void aForeignKeyToATableThatIsNotThereIsRefused() {
        String column = "{\"field\": \"shelf\", \"column\": \"shelf_id\", \"type\": \"LONG\", "
                + "\"nullable\": true, \"references\": \"shelf.id\"}";
        for (String op : List.of("{\"op\": \"AddField\", \"table\": \"book\", \"column\": " + column + "}",
                "{\"op\": \"AlterField\", \"table\": \"book\", \"column\": " + column.replace("shelf_id",
                        "author_id") + "}",
                "{\"op\": \"CreateModel\", \"model\": \"Copy\", \"table\": \"copy\", \"columns\": ["
                        + "{\"field\": \"id\", \"column\": \"id\", \"type\": \"LONG\", \"primaryKey\": true}, "
                        + column + "]}")) {
            MigrationException e = assertThrows(MigrationException.class, () -> replay(op), op);
            assertTrue(e.getMessage().contains("Migration 0002_edit, operation 1")
                    && e.getMessage().contains("points to table shelf, which does not exist"), e.getMessage());
        }
        assertEquals(List.of("author", "book", "shelf"), replay("{\"op\": \"CreateModel\", \"model\": \"Shelf\", "
                + "\"table\": \"shelf\", \"columns\": [{\"field\": \"id\", \"column\": \"id\", \"type\": "
                + "\"LONG\", \"primaryKey\": true}, {\"field\": \"parent\", \"column\": \"parent_id\", "
                + "\"type\": \"LONG\", \"nullable\": true, \"references\": \"shelf.id\"}]}, "
                + "{\"op\": \"AddField\", \"table\": \"book\", \"column\": " + column + "}").tables().stream()
                .map(t -> t.name()).toList(), "in order, and a table pointing to itself");
    }

    /** migrate and sqlmigrate name the migration and operation too, and change nothing of that migration. */
    @Test
    void migrateRefusesTheOperationNamingItsMigration() {
        Migration initial = Migration.parse("0001_initial", INITIAL);
        Migration edit = Migration.parse("0002_edit", "{\"dependencies\": [\"0001_initial\"], \"operations\": ["
                + "{\"op\": \"RunSql\", \"sql\": [\"CREATE TABLE marker (id INT)\"], \"reverseSql\": []}, "
                + "{\"op\": \"DeleteModel\", \"table\": \"author\"}]}");
        Database db = Database.h2InMemory();
        Migrator migrator = new Migrator(db, List.of(initial, edit));
        // was: the bare "DeleteModel: ..." message, naming neither
        for (Executable run : List.<Executable>of(() -> migrator.migrate(null), () -> migrator.sql("0002_edit", false),
                () -> migrator.sql("0002_edit", true))) {
            MigrationException e = assertThrows(MigrationException.class, run);
            assertTrue(e.getMessage().contains("Migration 0002_edit, operation 2 (Delete model of table author)"),
                    e.getMessage());
        }
        assertEquals(List.of("0001_initial"), migrator.status().stream().filter(Migrator.Status::applied)
                .map(Migrator.Status::name).toList());
        assertEquals(0, db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_NAME = 'marker'", List.of())), "the migration's first operation did not run");
    }
}
