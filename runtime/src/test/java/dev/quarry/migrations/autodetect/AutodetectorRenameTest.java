package dev.quarry.migrations.autodetect;

import static dev.quarry.migrations.autodetect.States.NO_QUESTIONS;
import static dev.quarry.migrations.autodetect.States.changes;
import static dev.quarry.migrations.autodetect.States.col;
import static dev.quarry.migrations.autodetect.States.fk;
import static dev.quarry.migrations.autodetect.States.link;
import static dev.quarry.migrations.autodetect.States.state;
import static dev.quarry.migrations.autodetect.States.table;
import static dev.quarry.migrations.autodetect.States.unique;
import static dev.quarry.migrations.autodetect.States.withColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.DeleteModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renames of fields and models: asked when a column or table disappears and an identical one appears. */
class AutodetectorRenameTest {
    static final ColumnState NAME = col("name", ColumnType.VARCHAR).len(100).get();
    static final TableState AUTHOR = table("Author", "author", NAME);
    static final ColumnState TITLE = col("title", ColumnType.VARCHAR).len(200).get();
    static final ColumnState AUTHOR_ID = fk("author", "author").get();
    static final TableState BOOK = table("Book", "book", TITLE, AUTHOR_ID);
    static final ProjectState LIBRARY = state(AUTHOR, BOOK);

    static final ColumnState HEADING = col("heading", ColumnType.VARCHAR).len(200).get();
    static final ProjectState RENAMED_TITLE = state(AUTHOR, table("Book", "book", HEADING, AUTHOR_ID));

    @Test
    void renameFieldAnsweredYes() {
        States.Scripted questioner = new States.Scripted().renames(true);
        List<Operation> ops = changes(LIBRARY, RENAMED_TITLE, questioner);
        assertEquals(List.of("rename-field book.title=heading"), questioner.asked);
        assertEquals(List.of(new RenameField("book", "title", "heading", "heading")), ops);
    }

    @Test
    void renameFieldAnsweredNoDropsAndAdds() {
        States.Scripted questioner = new States.Scripted().renames(false).oneOffDefault("untitled");
        List<Operation> ops = States.changesSameSchema(LIBRARY, RENAMED_TITLE, questioner);
        assertEquals(List.of("rename-field book.title=heading", "default book.heading"), questioner.asked);
        assertEquals(List.of(new RemoveField("book", "title"), new AddField("book", HEADING, "untitled")), ops);
    }

    @Test
    void renameFieldNonInteractiveIsNoWithANoteSayingTheValuesAreLost() {
        ColumnState heading = col("heading", ColumnType.VARCHAR).len(200).nullable().get();
        ColumnState title = col("title", ColumnType.VARCHAR).len(200).nullable().get();
        NonInteractiveQuestioner questioner = new NonInteractiveQuestioner();
        List<Operation> ops = changes(state(AUTHOR, withColumn(BOOK, title)),
                state(AUTHOR, table("Book", "book", AUTHOR_ID, heading)), questioner);
        assertEquals(List.of(new RemoveField("book", "title"), new AddField("book", heading, null)), ops);
        assertEquals(1, questioner.notes().size());
        String note = questioner.notes().get(0);
        assertTrue(note.contains("DROPPED with its values"), note);
        assertTrue(note.contains("rename-field book.title=heading"), note);
    }

    @Test
    void renameFieldAskedOnlyForTheSameDefinition() {
        ColumnState longer = col("heading", ColumnType.VARCHAR).len(300).nullable().get();
        ProjectState from = state(AUTHOR, withColumn(BOOK, col("title", ColumnType.VARCHAR).len(200).nullable()
                .get()));
        List<Operation> ops = changes(from, state(AUTHOR, table("Book", "book", AUTHOR_ID, longer)), NO_QUESTIONS);
        assertEquals(List.of(new RemoveField("book", "title"), new AddField("book", longer, null)), ops);
    }

    @Test
    void renameFieldAsksEachCandidateUntilYes() {
        ColumnState a = col("a", ColumnType.INTEGER).nullable().get();
        ColumnState b = col("b", ColumnType.INTEGER).nullable().get();
        ColumnState c = col("c", ColumnType.INTEGER).nullable().get();
        ProjectState from = state(table("Thing", "thing", a, b));
        ProjectState to = state(table("Thing", "thing", a, c));
        States.Scripted questioner = new States.Scripted().renames(true);
        // a stays, b is the only candidate for c
        assertEquals(List.of(new RenameField("thing", "b", "c", "c")), changes(from, to, questioner));
        assertEquals(List.of("rename-field thing.b=c"), questioner.asked);
    }

    @Test
    void renamedFieldKeepsItsUniqueTogether() {
        ProjectState from = state(AUTHOR, unique(BOOK, List.of("title", "author_id")));
        ProjectState to = state(AUTHOR, unique(table("Book", "book", HEADING, AUTHOR_ID),
                List.of("heading", "author_id")));
        List<Operation> ops = changes(from, to, new States.Scripted().renames(true));
        assertEquals(List.of(new RenameField("book", "title", "heading", "heading")), ops);
    }

    @Test
    void renamedForeignKeyField() {
        ColumnState writer = fk("writer", "author").get();
        ProjectState to = state(AUTHOR, table("Book", "book", TITLE, writer));
        List<Operation> ops = changes(LIBRARY, to, new States.Scripted().renames(true));
        assertEquals(List.of(new RenameField("book", "author_id", "writer", "writer_id")), ops);
    }

    static final TableState WRITER = table("Writer", "writer", NAME);
    static final ColumnState WRITER_ID = fk("author", "writer").get();
    static final ProjectState RENAMED_AUTHOR = state(WRITER, table("Book", "book", TITLE, WRITER_ID));

    @Test
    void renameModelAnsweredYesKeepsTheRowsAndForeignKeysFollow() {
        States.Scripted questioner = new States.Scripted().renames(true);
        List<Operation> ops = changes(LIBRARY, RENAMED_AUTHOR, questioner);
        assertEquals(List.of("rename-model author=writer"), questioner.asked);
        assertEquals(List.of(new RenameModel("author", "Writer", "writer")), ops);
    }

    @Test
    void renameModelAnsweredNoDropsAndCreates() {
        States.Scripted questioner = new States.Scripted().renames(false);
        List<Operation> ops = changes(LIBRARY, RENAMED_AUTHOR, questioner);
        assertEquals(List.of("rename-model author=writer"), questioner.asked);
        // the foreign key moves to the new table before the old one is dropped
        assertEquals(List.of(new CreateModel(WRITER), new AlterField("book", WRITER_ID), new DeleteModel("author")),
                ops);
    }

    @Test
    void renameModelNonInteractiveIsNoWithANote() {
        NonInteractiveQuestioner questioner = new NonInteractiveQuestioner();
        changes(LIBRARY, RENAMED_AUTHOR, questioner);
        assertEquals(1, questioner.notes().size());
        String note = questioner.notes().get(0);
        assertTrue(note.contains("table author is DROPPED with its rows"), note);
        assertTrue(note.contains("rename-model author=writer"), note);
    }

    @Test
    void renameModelNotAskedWhenColumnsDiffer() {
        TableState writer = table("Writer", "writer", col("name", ColumnType.VARCHAR).len(150).get());
        ColumnState writerId = fk("author", "writer").get();
        List<Operation> ops = changes(LIBRARY, state(writer, table("Book", "book", TITLE, writerId)), NO_QUESTIONS);
        assertEquals(List.of(new CreateModel(writer), new AlterField("book", writerId), new DeleteModel("author")),
                ops);
    }

    @Test
    void laterOperationsUseTheNewModelName() {
        TableState book = table("Book", "book", TITLE);
        ColumnState writerId = fk("writer", "writer").nullable().get();
        ProjectState from = state(AUTHOR, book);
        ProjectState to = state(WRITER, withColumn(book, writerId));
        List<Operation> ops = changes(from, to, new States.Scripted().renames(true));
        assertEquals(List.of(new RenameModel("author", "Writer", "writer"), new AddField("book", writerId, null)), ops);
    }

    @Test
    void sameModelOnAnotherTableIsARenameWithoutQuestion() {
        TableState authors = table("Author", "authors", NAME, col("born", ColumnType.DATE).nullable().get());
        ColumnState authorId = fk("author", "authors").get();
        List<Operation> ops = changes(LIBRARY, state(authors, table("Book", "book", TITLE, authorId)), NO_QUESTIONS);
        assertEquals(List.of(new RenameModel("author", "Author", "authors"),
                new AddField("authors", authors.requireColumn("born"), null)), ops);
    }

    @Test
    void selfReferencingModelRenamed() {
        TableState category = table("Category", "category", NAME, fk("parent", "category").nullable().get());
        TableState genre = table("Genre", "genre", NAME, fk("parent", "genre").nullable().get());
        States.Scripted questioner = new States.Scripted().renames(true);
        assertEquals(List.of(new RenameModel("category", "Genre", "genre")),
                changes(state(category), state(genre), questioner));
        assertEquals(List.of("rename-model category=genre"), questioner.asked);
    }

    @Test
    void twoModelsThatPointToEachOtherRenamed() {
        TableState x = table("X", "x", fk("y", "y").nullable().get());
        TableState y = table("Y", "y", fk("x", "x").nullable().get());
        TableState x2 = table("X2", "x2", fk("y", "y2").nullable().get());
        TableState y2 = table("Y2", "y2", fk("x", "x2").nullable().get());
        States.Scripted questioner = new States.Scripted().renames(true);
        List<Operation> ops = changes(state(x, y), state(x2, y2), questioner);
        assertEquals(List.of("rename-model x=x2", "rename-model y=y2"), questioner.asked);
        assertEquals(List.of(new RenameModel("x", "X2", "x2"), new RenameModel("y", "Y2", "y2")), ops);
    }

    @Test
    void joinTableFollowsItsRenamedModel() {
        TableState genre = table("Genre", "genre", NAME);
        TableState novel = table("Novel", "novel", TITLE);
        TableState book = table("Book", "book", TITLE);
        ProjectState from = state(genre, novel, link("Novel", "genres", "novel_genres", "novel", "genre"));
        ProjectState to = state(genre, book, link("Book", "genres", "book_genres", "book", "genre"));
        States.Scripted questioner = new States.Scripted().renames(true);
        List<Operation> ops = changes(from, to, questioner);
        // the answer about Novel is the answer about its links: no second question, whose "no" would drop them
        assertEquals(List.of("rename-model novel=book"), questioner.asked);
        assertEquals(List.of(new RenameModel("novel", "Book", "book"),
                new RenameModel("novel_genres", "Book.genres link", "book_genres"),
                new RenameField("book_genres", "novel_id", "source", "book_id")), ops);
    }

    @Test
    void joinTableOfAModelAnsweredNotRenamedIsNotAskedAbout() {
        TableState genre = table("Genre", "genre", NAME);
        ProjectState from = state(genre, table("Novel", "novel", TITLE),
                link("Novel", "genres", "novel_genres", "novel", "genre"));
        ProjectState to = state(genre, table("Book", "book", TITLE),
                link("Book", "genres", "book_genres", "book", "genre"));
        States.Scripted questioner = new States.Scripted() {
            @Override
            public boolean askRenameModel(TableState oldTable, TableState newTable) {
                super.askRenameModel(oldTable, newTable);
                return !oldTable.name().equals("novel"); // yes to anything else
            }
        };
        List<Operation> ops = changes(from, to, questioner);
        // was: asked about the join tables too, and a yes kept links to the dropped novels (the migration failed)
        assertEquals(List.of("rename-model novel=book"), questioner.asked);
        assertEquals(List.of("Create model Book (table book)", "Create model Book.genres link (table book_genres)",
                "Delete model of table novel_genres", "Delete model of table novel"), States.describe(ops));
    }

    @Test
    void renameModelAnsweredNoForOneOfTwoCandidates() {
        TableState tag = table("Tag", "tag", NAME);
        TableState label = table("Label", "label", NAME);
        TableState badge = table("Badge", "badge", NAME);
        States.Scripted questioner = new States.Scripted() {
            @Override
            public boolean askRenameModel(TableState oldTable, TableState newTable) {
                super.askRenameModel(oldTable, newTable);
                return oldTable.name().equals("tag") && newTable.name().equals("label");
            }
        };
        List<Operation> ops = changes(state(tag, badge), state(label), questioner);
        // label's candidates in table order: badge (no), then tag (yes)
        assertEquals(List.of("rename-model badge=label", "rename-model tag=label"), questioner.asked);
        assertEquals(List.of(new RenameModel("tag", "Label", "label"), new DeleteModel("badge")), ops);
    }

    @Test
    void fieldMovedToAnotherTableIsARemoveAndAnAdd() {
        ColumnState bio = col("bio", ColumnType.TEXT).nullable().get();
        ProjectState from = state(withColumn(AUTHOR, bio), BOOK);
        ProjectState to = state(AUTHOR, withColumn(BOOK, bio));
        assertEquals(List.of(new RemoveField("author", "bio"), new AddField("book", bio, null)),
                changes(from, to, NO_QUESTIONS));
    }

    @Test
    void renamedPrimaryKeyColumnKeepsTheForeignKeysPointingToIt() {
        ColumnState key = new ColumnState("id", "author_key", ColumnType.LONG, false, true, true, 0, 0, 0, false,
                false, null, null, null);
        TableState author = new TableState("Author", "author", List.of(key, NAME), List.of());
        ColumnState authorId = new ColumnState("author", "author_id", ColumnType.LONG, false, false, false, 0, 0, 0,
                false, false, null, "author", "author_key");
        ProjectState to = state(author, table("Book", "book", TITLE, authorId));
        assertEquals(List.of(new RenameField("author", "id", "id", "author_key")), changes(LIBRARY, to, NO_QUESTIONS));
    }
}
