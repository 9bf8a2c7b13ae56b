package dev.quarry.migrations.autodetect;

import static dev.quarry.migrations.autodetect.States.NO_QUESTIONS;
import static dev.quarry.migrations.autodetect.States.col;
import static dev.quarry.migrations.autodetect.States.fk;
import static dev.quarry.migrations.autodetect.States.link;
import static dev.quarry.migrations.autodetect.States.state;
import static dev.quarry.migrations.autodetect.States.table;
import static dev.quarry.migrations.autodetect.States.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.Json;
import dev.quarry.migrations.MakeMigrations;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.MigrationGraph;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Combined changes; each written to a file, read back and replayed leaves nothing for a second run to find. */
class AutodetectorReviewTest {
    static final ColumnState NAME = col("name", ColumnType.VARCHAR).len(100).get();
    static final ColumnState TITLE = col("title", ColumnType.VARCHAR).len(200).get();

    /** The changes, checked as a second makemigrations would: the file replayed gives the models' schema. */
    static List<Operation> settled(ProjectState from, ProjectState to, Questioner questioner) {
        List<Operation> ops = Autodetector.changes(from, to, questioner);
        String text = new Migration("0002_x", List.of(), ops, null).toJson();
        Migration read = Migration.parse("0002_x", text);
        assertEquals(ops, read.operations());
        ProjectState replayed = MigrationGraph.apply(read, from);
        assertEquals(List.of(), States.describe(Autodetector.changes(replayed, to, NO_QUESTIONS)),
                () -> "after " + States.describe(ops));
        return ops;
    }

    @Test
    void modelMovingToTheTableOfAnotherThatMovedKeepsEachModelsRows() {
        TableState a = table("A", "a", NAME);
        TableState b = table("B", "b", TITLE);
        // A leaves table a for c, B takes a: both tables keep their rows (it was B renamed to A, with A's rows lost)
        List<Operation> ops = settled(state(a, b), state(a.renamed("A", "c"), b.renamed("B", "a")), NO_QUESTIONS);
        assertEquals(List.of(new RenameModel("a", "A", "c"), new RenameModel("b", "B", "a")), ops);
    }

    @Test
    void modelsSwappingTablesAreRefused() {
        TableState a = table("A", "a", NAME);
        TableState b = table("B", "b", TITLE);
        MigrationException e = assertThrows(MigrationException.class, () -> Autodetector.changes(state(a, b),
                state(a.renamed("A", "b"), b.renamed("B", "a")), NO_QUESTIONS));
        assertTrue(e.getMessage().contains("two steps"), e.getMessage());
    }

    @Test
    void modelTakingTheTableOfADeletedModelIsRefused() {
        TableState a = table("A", "a", NAME);
        TableState b = table("B", "b", TITLE);
        // was: B renamed to A on table b, and table a (A's rows) deleted
        MigrationException e = assertThrows(MigrationException.class, () -> Autodetector.changes(state(a, b),
                state(a.renamed("A", "b")), NO_QUESTIONS));
        assertTrue(e.getMessage().contains("Table b is model B's in the migrations and model A's in the models"),
                e.getMessage());
    }

    @Test
    void deletedModelsReferringToEachOtherInAChainAndACycle() {
        TableState a = table("A", "a", fk("b", "b").nullable().get());
        TableState b = table("B", "b", fk("a", "a").get());
        TableState c = table("C", "c", fk("a", "a").get(), fk("b", "b").get());
        TableState d = table("D", "d", fk("c", "c").get());
        List<Operation> ops = settled(state(a, b, c, d), state(), NO_QUESTIONS);
        assertEquals(List.of("Delete model of table d", "Delete model of table c", "Alter field a of b (column a_id)",
                "Delete model of table a", "Delete model of table b"), States.describe(ops));
    }

    @Test
    void newCycleWithAThirdModelInAnotherCycle() {
        TableState a = table("A", "a", fk("b", "b").nullable().get());
        TableState b = table("B", "b", fk("a", "a").get());
        TableState c = table("C", "c", fk("a", "a").get(), fk("d", "d").nullable().get());
        TableState d = table("D", "d", fk("c", "c").get());
        settled(state(), state(a, b, c, d), NO_QUESTIONS);
    }

    @Test
    void modelAndTheModelItPointsToRenamedTogether() {
        TableState author = table("Author", "author", NAME);
        TableState book = table("Book", "book", TITLE, fk("author", "author").get());
        TableState writer = table("Writer", "writer", NAME);
        TableState novel = table("Novel", "novel", TITLE, fk("author", "writer").get());
        assertEquals(List.of(new RenameModel("book", "Novel", "novel"), new RenameModel("author", "Writer", "writer")),
                settled(state(author, book), state(writer, novel), new States.Scripted().renames(true)));
    }

    @Test
    void manyToManyTargetRenamed() {
        TableState genre = table("Genre", "genre", NAME);
        TableState category = table("Category", "category", NAME);
        TableState novel = table("Novel", "novel", TITLE);
        ProjectState from = state(genre, novel, link("Novel", "genres", "novel_genres", "novel", "genre"));
        settled(from, state(category, novel, link("Novel", "genres", "novel_genres", "novel", "category")),
                new States.Scripted().renames(true));
        ProjectState to = state(category, novel, link("Novel", "categories", "novel_categories", "novel", "category"));
        assertEquals(List.of(new RenameModel("genre", "Category", "category"),
                new RenameModel("novel_genres", "Novel.categories link", "novel_categories"),
                new RenameField("novel_categories", "genre_id", "target", "category_id")),
                settled(from, to, new States.Scripted().renames(true)));
        settled(from, to, new States.Scripted().renames(false));
    }

    @Test
    void uniqueTogetherAndIndexChangedWithAColumnRemovedAndAddedBack() {
        ColumnState b = col("b", ColumnType.INTEGER).get();
        ColumnState c = col("c", ColumnType.INTEGER).nullable().get();
        TableState t = unique(table("T", "t", col("a", ColumnType.INTEGER).indexed().get(), b, c),
                List.of("a", "b"), List.of("b", "c"));
        TableState t2 = unique(table("T", "t", col("a", ColumnType.INTEGER).get(), c), List.of("a", "c"));
        settled(state(t), state(t2), NO_QUESTIONS);
        settled(state(t2), state(t), new States.Scripted().oneOffDefault("0"));
    }

    @Test
    void fieldChangingTypeAndNameIsARemoveAndAnAdd() {
        TableState t = table("T", "t", col("a", ColumnType.INTEGER).get());
        TableState t2 = table("T", "t", col("b", ColumnType.LONG).nullable().get());
        assertEquals(List.of(new RemoveField("t", "a"), new AddField("t", t2.requireColumn("b"), null)),
                settled(state(t), state(t2), NO_QUESTIONS));
    }

    @Test
    void fieldsSwappingColumnsKeepTheColumns() {
        TableState t = table("T", "t", col("a", ColumnType.INTEGER).get(), col("b", ColumnType.INTEGER).get());
        TableState t2 = table("T", "t", col("a", ColumnType.INTEGER).column("b").get(),
                col("b", ColumnType.INTEGER).column("a").get());
        assertEquals(List.of(new RenameField("t", "b", "a", "b"), new RenameField("t", "a", "b", "a")),
                settled(state(t), state(t2), NO_QUESTIONS));
    }

    @Test
    void mergeOfMigrationsPast9999IsNamedWithTheirWholeNumbers(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("0001_initial.json"), "{\"dependencies\": [], \"operations\": []}");
        for (String leaf : List.of("10000_a", "10001_b")) {
            Files.writeString(directory.resolve(leaf + ".json"),
                    "{\"dependencies\": [\"0001_initial\"], \"operations\": []}");
        }
        Migration merge = new MakeMigrations(directory, List.of(), NO_QUESTIONS).writeMerge();
        assertEquals("10002_merge_10000_10001", merge.name());
        assertTrue(Files.exists(directory.resolve("10002_merge_10000_10001.json")));
    }

    @Test
    void migrationFileWithAColumnLengthBeyondIntIsAMigrationErrorNamingIt() {
        String text = "{\"dependencies\": [], \"operations\": [{\"op\": \"AddField\", \"table\": \"t\", "
                + "\"column\": {\"field\": \"a\", \"column\": \"a\", \"type\": \"VARCHAR\", "
                + "\"maxLength\": 4294967297}}]}";
        MigrationException e = assertThrows(MigrationException.class, () -> Migration.parse("0002_x", text));
        assertTrue(e.getMessage().contains("0002_x") && e.getMessage().contains("\"maxLength\""), e.getMessage());
    }

    @Test
    void unicodeEscapeNeedsFourHexDigits() {
        assertEquals("A", Json.parse("\"\\u0041\""));
        for (String bad : List.of("\"\\u+041\"", "\"\\u-041\"", "\"\\uzzzz\"")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad));
            assertTrue(e.getMessage().startsWith("JSON error at line 1"), bad + ": " + e.getMessage());
        }
    }

    /**
     * Random pairs of schemas (tables that come, go, change models; columns, indexes, foreign keys and unique
     * constraints that differ), with random answers: each gives a file that a second run finds nothing to add to.
     */
    @Test
    void randomSchemasSettleInOneMigration() {
        for (int seed = 0; seed < 2000; seed++) {
            Random random = new Random(seed);
            ProjectState from = randomState(random);
            ProjectState to = randomState(random);
            Questioner answers = new States.Scripted() {
                @Override
                public boolean askRenameModel(TableState oldTable, TableState newTable) {
                    return random.nextBoolean();
                }

                @Override
                public boolean askRenameField(String table, String model, ColumnState old, ColumnState column) {
                    return random.nextBoolean();
                }
            }.oneOffDefault("1").fill(Optional.of("1"));
            try {
                settled(from, to, answers);
            } catch (MigrationException refused) {
                // a refusal with a message is a valid outcome
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + from.tables() + " -> " + to.tables(), e);
            }
        }
    }

    private static ProjectState randomState(Random random) {
        List<String> tables = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            if (random.nextInt(3) > 0) {
                tables.add(random.nextInt(5) == 0 ? name + "2" : name);
            }
        }
        ProjectState state = ProjectState.EMPTY;
        for (String table : tables) {
            List<ColumnState> columns = new ArrayList<>(List.of(States.id()));
            for (String name : List.of("x", "y", "z", "w")) {
                if (random.nextBoolean()) {
                    States.Col column = col(random.nextInt(4) == 0 ? name + "f" : name,
                            random.nextBoolean() ? ColumnType.INTEGER : ColumnType.VARCHAR).column(name);
                    if (random.nextBoolean()) {
                        column.nullable();
                    }
                    if (random.nextInt(4) == 0) {
                        column.indexed();
                    }
                    if (random.nextInt(5) == 0) {
                        column.unique();
                    }
                    if (random.nextInt(5) == 0) {
                        column.dflt("1");
                    }
                    columns.add(column.get());
                }
            }
            for (String target : tables) {
                if (random.nextInt(3) == 0) {
                    States.Col key = fk(target.substring(0, 1), target);
                    if (random.nextBoolean()) {
                        key.nullable();
                    }
                    columns.add(key.get());
                }
            }
            List<List<String>> together = columns.size() > 2 && random.nextBoolean()
                    ? List.of(List.of(columns.get(1).columnName(), columns.get(2).columnName())) : List.of();
            String model = random.nextInt(5) == 0 ? "M" + table : table.substring(0, 1).toUpperCase();
            state = state.with(new TableState(model, table, columns, together));
        }
        return state;
    }
}
