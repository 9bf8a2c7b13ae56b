package dev.quarry.migrations.autodetect;

import static dev.quarry.migrations.autodetect.States.col;
import static dev.quarry.migrations.autodetect.States.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.MakeMigrations;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.DeleteModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RunSql;
import dev.quarry.migrations.state.ColumnState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationNamesTest {
    static final ColumnState ISBN = col("isbn", ColumnType.VARCHAR).len(20).nullable().get();

    @Test
    void firstMigrationIsInitial() {
        assertEquals("0001_initial", MigrationNames.name(1, List.of(new CreateModel(table("Book", "book"))), null));
        assertEquals("0001_initial", MigrationNames.name(1, List.of(), null));
    }

    @Test
    void oneOperationGivesItsFragment() {
        assertEquals("0002_book_isbn", MigrationNames.name(2, List.of(new AddField("book", ISBN, null)), null));
        assertEquals("0007_remove_book_isbn", MigrationNames.name(7, List.of(new RemoveField("book", "isbn")), null));
        assertEquals("0012_delete_tag", MigrationNames.name(12, List.of(new DeleteModel("tag")), null));
    }

    @Test
    void severalOperationsJoinTheirFragments() {
        List<Operation> ops = List.of(new AddField("book", ISBN, null), new RemoveField("book", "summary"));
        assertEquals("0003_book_isbn_remove_book_summary", MigrationNames.name(3, ops, null));
    }

    @Test
    void longNamesStopAtFiftyTwoCharactersAndMore() {
        List<Operation> ops = List.of(new CreateModel(table("Author", "author")),
                new CreateModel(table("Book", "book")), new AddField("publisher", ISBN, null),
                new AlterField("book", col("title", ColumnType.TEXT).get()), new DeleteModel("tag"));
        String name = MigrationNames.name(4, ops, null);
        assertEquals("0004_author_book_publisher_isbn_alter_book_title_and_more", name);
        assertTrue(name.length() - "0004_".length() - "_and_more".length() <= MigrationNames.MAX_LENGTH);
    }

    @Test
    void aSingleLongFragmentIsCut() {
        String table = "a_very_long_table_name_that_goes_on_and_on_and_on_and_on";
        String name = MigrationNames.suggest(List.of(new DeleteModel(table)));
        assertEquals(MigrationNames.MAX_LENGTH, name.length());
        assertEquals(("delete_" + table).substring(0, 52), name);
    }

    @Test
    void fragmentsAreCleaned() {
        assertEquals("0002_rename_novel_genres_book_genres", MigrationNames.name(2, List.of(
                new dev.quarry.migrations.operations.RenameModel("Novel_Genres", "Book.genres link", "book-genres")),
                null));
    }

    @Test
    void emptyMigration() {
        assertEquals("0005_empty", MigrationNames.name(5, List.of(), null));
        assertEquals("0006_sql", MigrationNames.name(6, List.of(new RunSql(List.of("SELECT 1"), List.of())), null));
    }

    @Test
    void numbersArePaddedToFourDigits() {
        assertEquals("0099_empty", MigrationNames.name(99, List.of(), null));
        assertEquals("10000_empty", MigrationNames.name(10000, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> MigrationNames.name(0, List.of(), null));
    }

    @Test
    void customNames() {
        assertEquals("0001_books", MigrationNames.name(1, List.of(), "books"));
        assertEquals("0003_fill_isbn_2", MigrationNames.name(3, List.of(new AddField("book", ISBN, null)),
                "fill_isbn_2"));
        for (String bad : List.of("Fill ISBN", "fill-isbn", "", "___", "é", "x".repeat(101))) {
            MigrationException e = assertThrows(MigrationException.class, () -> MigrationNames.name(3, List.of(), bad),
                    bad);
            assertTrue(e.getMessage().contains("must be lowercase letters, digits and underscores"), e.getMessage());
        }
        MigrationException e = assertThrows(MigrationException.class,
                () -> MigrationNames.checkCustomName("Fill ISBN"));
        assertTrue(e.getMessage().endsWith("(such as fill_isbn)"), e.getMessage());
    }

    @Test
    void aBadCustomNameIsRefusedWhenNothingChanged(@TempDir Path directory) {
        MakeMigrations make = new MakeMigrations(directory, List.of(), new NonInteractiveQuestioner());
        assertEquals(null, make.detect(null, false).migration(), "no change");
        // was: "No changes detected", the name refused only once the models changed
        MigrationException e = assertThrows(MigrationException.class, () -> make.detect("fill isbn", false));
        assertTrue(e.getMessage().contains("\"fill isbn\" must be lowercase letters"), e.getMessage());
    }

    @Test
    void numberOfAName() {
        assertEquals(2, MigrationNames.number("0002_book_isbn"));
        assertEquals(10000, MigrationNames.number("10000_x"));
        assertEquals(-1, MigrationNames.number("book_isbn"));
        assertEquals(-1, MigrationNames.number("002_x"));
    }

    @Test
    void namesOfDetectedChangesAreDeterministic() {
        var from = States.state(table("Book", "book"));
        var to = States.state(table("Book", "book", ISBN), table("Tag", "tag"));
        String first = MigrationNames.name(2, Autodetector.changes(from, to, States.NO_QUESTIONS), null);
        String second = MigrationNames.name(2, Autodetector.changes(from, to, States.NO_QUESTIONS), null);
        assertEquals("0002_tag_book_isbn", first);
        assertEquals(first, second);
    }
}
