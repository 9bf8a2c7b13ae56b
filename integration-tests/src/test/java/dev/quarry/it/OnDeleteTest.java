package dev.quarry.it;

import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.DeleteResult;
import dev.quarry.IntegrityException;
import dev.quarry.ProtectedException;
import dev.quarry.RestrictedException;
import dev.quarry.it.model.Author;
import dev.quarry.it.model.AuthorQuery;
import dev.quarry.it.model.Bin;
import dev.quarry.it.model.BinQuery;
import dev.quarry.it.model.Box;
import dev.quarry.it.model.BoxQuery;
import dev.quarry.it.model.Category;
import dev.quarry.it.model.CategoryQuery;
import dev.quarry.it.model.Novel;
import dev.quarry.it.model.NovelQuery;
import dev.quarry.it.model.Publisher;
import dev.quarry.it.model.PublisherQuery;
import dev.quarry.it.model.Shelf;
import dev.quarry.it.model.ShelfQuery;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.TagQuery;
import dev.quarry.it.model.Thing;
import dev.quarry.it.model.ThingQuery;
import dev.quarry.testing.CapturedQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Django's on_delete: CASCADE through several levels and self-references, PROTECT and RESTRICT refusals that leave
 * the database unchanged, SET_NULL, SET_DEFAULT, DO_NOTHING left to the constraint, with exact query counts that do
 * not grow with the number of rows deleted.
 */
class OnDeleteTest extends DatabaseTest {

    // ---- CASCADE -----------------------------------------------------------------------------------------------

    @Test
    void cascadeDeletesThroughTwoLevelsInAFixedNumberOfQueries() {
        Shelf a = db.save(new Shelf("A"));
        Shelf b = db.save(new Shelf("B"));
        Box a1 = db.save(new Box("a1", a));
        Box a2 = db.save(new Box("a2", a));
        Box b1 = db.save(new Box("b1", b));
        things(new Thing("t1", a1, null, null), new Thing("t2", a1, null, null), new Thing("t3", a2, null, null),
                new Thing("t4", b1, null, null));

        DeleteResult[] result = new DeleteResult[1];
        // SELECT boxes of A, SELECT things calling A home (RESTRICT), SELECT things of the boxes, SELECT tags of
        // the things (PROTECT); DELETE things, boxes, shelf
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            result[0] = db.deleteWithCounts(a);
            assertEquals(7, queries.count(), String.join("\n", queries.sql()));
            List<String> sql = queries.sql();
            assertTrue(sql.get(4).startsWith("DELETE FROM " + q("thing")), sql.get(4));
            assertTrue(sql.get(5).startsWith("DELETE FROM " + q("box")), sql.get(5));
            assertTrue(sql.get(6).startsWith("DELETE FROM " + q("shelf")), sql.get(6));
        }
        assertEquals(6, result[0].total());
        assertCounts(List.of(Thing.class, 3, Box.class, 2, Shelf.class, 1), result[0].counts());
        assertEquals("6 deleted (Thing: 3, Box: 2, Shelf: 1)", result[0].toString());
        assertNull(a.id, "the deleted object's key is cleared");
        assertEquals(List.of("B"), ShelfQuery.objects(db).valuesList(ShelfQuery.name()).list());
        assertEquals(List.of("b1"), BoxQuery.objects(db).valuesList(BoxQuery.label()).list());
        assertEquals(List.of("t4"), ThingQuery.objects(db).valuesList(ThingQuery.name()).list());

        // the same statements for many more rows
        Shelf big = db.save(new Shelf("Big"));
        List<Thing> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Box box = db.save(new Box("big" + i, big));
            for (int j = 0; j < 4; j++) {
                many.add(new Thing("big" + i + "." + j, box, null, null));
            }
        }
        ThingQuery.objects(db).bulkCreate(many);
        assertNumQueries(db, 7, () -> assertEquals(26, db.deleteWithCounts(big).total()));
        assertEquals(1, ThingQuery.objects(db).count());
    }

    @Test
    void deletingAnAuthorCascadesToItsNovelsAndNullsTheNovelsItEdited() {
        Publisher allen = db.save(new Publisher("Allen & Unwin"));
        Author tolkien = db.save(new Author("Tolkien", allen));
        Author herbert = db.save(new Author("Herbert", null));
        NovelQuery.objects(db).bulkCreate(List.of(new Novel("The Hobbit", tolkien, null),
                new Novel("The Silmarillion", tolkien, herbert), new Novel("Unfinished Tales", tolkien, null),
                new Novel("Dune", herbert, tolkien)));

        // SELECT the novels' keys (the links of Novel.genres refer to them), UPDATE novel SET editor_id = NULL
        // (SET_NULL), DELETE their links (nothing refers to those: no keys read), DELETE novels, DELETE author
        DeleteResult result;
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            result = db.deleteWithCounts(tolkien);
            assertEquals(5, queries.count(), String.join("\n", queries.sql()));
            assertTrue(queries.sql().get(1).startsWith("UPDATE " + q("novel")), queries.sql().get(1));
            assertTrue(queries.sql().get(2).startsWith("DELETE FROM " + q("novel_genres")), queries.sql().get(2));
        }
        assertCounts(List.of(Novel.class, 3, Author.class, 1), result.counts());
        assertEquals(4, result.total());
        Novel dune = NovelQuery.objects(db).get();
        assertEquals("Dune", dune.title);
        assertNull(dune.editor.id(), "SET_NULL");
        assertEquals(herbert.id, dune.author.<Long>id());

        // the same five statements for thirty novels
        List<Novel> novels = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            novels.add(new Novel("Dune " + i, herbert, null));
        }
        NovelQuery.objects(db).bulkCreate(novels);
        assertNumQueries(db, 5, () -> assertTrue(db.delete(herbert)));
        assertEquals(0, NovelQuery.objects(db).count());
        // a row already gone: nothing deleted
        Author ghost = new Author("Ghost", null);
        ghost.id = -1L;
        assertFalse(db.delete(ghost));
    }

    @Test
    void setNullUpdatesTheReferringRowsAndDeletesNothingElse() {
        Publisher allen = db.save(new Publisher("Allen & Unwin"));
        Publisher other = db.save(new Publisher("Other"));
        db.save(new Author("Tolkien", allen));
        db.save(new Author("Lewis", allen));
        db.save(new Author("Herbert", other));
        DeleteResult[] result = new DeleteResult[1];
        assertNumQueries(db, 2, () -> result[0] = db.deleteWithCounts(allen)); // UPDATE author, DELETE publisher
        assertCounts(List.of(Publisher.class, 1), result[0].counts());
        assertEquals(3, AuthorQuery.objects(db).count());
        assertEquals(2, AuthorQuery.objects(db).filter(AuthorQuery.publisher().isNull()).count());
        assertEquals(List.of("Herbert"), AuthorQuery.objects(db).filter(AuthorQuery.publisher().isNotNull())
                .valuesList(AuthorQuery.name()).list());
    }

    @Test
    void aSelfReferentialTreeIsDeletedWithItsDescendants() {
        Category root = db.save(new Category("root", null));
        Category c1 = db.save(new Category("c1", root));
        Category c2 = db.save(new Category("c2", root));
        db.save(new Category("g1", c1));
        db.save(new Category("g2", c1));
        Category g3 = db.save(new Category("g3", c2));
        Category other = db.save(new Category("other", null));
        db.save(new Category("other child", other));

        DeleteResult[] result = new DeleteResult[1];
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            result[0] = db.deleteWithCounts(root);
            // one SELECT per level (the third finds none), the self-reference set to NULL, one DELETE
            assertEquals(5, queries.count(), String.join("\n", queries.sql()));
            assertTrue(queries.sql().get(3).startsWith("UPDATE " + q("category")), queries.sql().get(3));
        }
        assertCounts(List.of(Category.class, 6), result[0].counts());
        assertEquals(List.of("other", "other child"), CategoryQuery.objects(db).orderBy(CategoryQuery.name().asc())
                .valuesList(CategoryQuery.name()).list());

        // a leaf: one SELECT finding no children, one DELETE
        Category leaf = db.save(new Category("leaf", other));
        assertNumQueries(db, 2, () -> assertTrue(db.delete(leaf)));
        assertEquals(0, CategoryQuery.objects(db).filter(CategoryQuery.id().eq(g3.id)).count());
    }

    @Test
    void aQuerySetDeleteMatchingParentsAndChildrenOfATree() {
        Category root = db.save(new Category("root", null));
        Category child = db.save(new Category("child", root));
        db.save(new Category("grandchild", child));
        db.save(new Category("kept", null));
        // the matching rows include a parent and its child: whatever order the database deletes them in
        assertEquals(3, CategoryQuery.objects(db).filter(CategoryQuery.name().in(List.of("root", "child"))).delete());
        assertEquals(List.of("kept"), CategoryQuery.objects(db).valuesList(CategoryQuery.name()).list());
        // every row of the table
        db.save(new Category("kept child", CategoryQuery.objects(db).get()));
        assertEquals(2, CategoryQuery.objects(db).delete());
    }

    // ---- PROTECT -----------------------------------------------------------------------------------------------

    @Test
    void protectRefusesNamingTheBlockingObjectsAndChangesNothing() {
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        Thing t1 = db.save(new Thing("t1", a1, null, null));
        db.save(new Thing("t2", a1, null, null));
        Tag tag = db.save(new Tag("fragile", t1, null));
        Map<String, Long> before = rowCounts();

        ProtectedException error;
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            error = assertThrows(ProtectedException.class, () -> db.delete(a));
            assertTrue(queries.sql().stream().allMatch(sql -> sql.startsWith("SELECT")),
                    "refused before anything is written: " + queries.sql());
        }
        assertSame(Shelf.class, error.model());
        assertEquals(Map.of("Tag.thing", List.of(tag.id)), error.referringKeys());
        String message = error.getMessage();
        assertTrue(message.contains("Cannot delete Shelf " + a.id), message);
        assertTrue(message.contains("protected foreign key Tag.thing"), message);
        assertTrue(message.contains("1 Tag object"), message);
        assertTrue(message.contains("Tag key " + tag.id), message);
        assertTrue(message.contains("Thing"), message);
        assertEquals(before, rowCounts());
        assertNotNull(a.id, "a refused delete keeps the key");

        // directly, too
        assertThrows(ProtectedException.class, () -> db.delete(t1));
        assertEquals(before, rowCounts());
        // once the tag is gone, the delete goes through
        db.delete(tag);
        assertCounts(List.of(Thing.class, 2, Box.class, 1, Shelf.class, 1), db.deleteWithCounts(a).counts());
    }

    @Test
    void protectListsTenKeysAndHowManyMore() {
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        Thing t1 = db.save(new Thing("t1", a1, null, null));
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tags.add(new Tag("tag" + i, t1, null));
        }
        TagQuery.objects(db).bulkCreate(tags);
        ProtectedException error = assertThrows(ProtectedException.class,
                () -> ShelfQuery.objects(db).filter(ShelfQuery.name().eq("A")).delete());
        assertEquals(12, error.referringKeys().get("Tag.thing").size());
        assertTrue(error.getMessage().contains("12 Tag objects"), error.getMessage());
        assertTrue(error.getMessage().contains(" and 2 more)"), error.getMessage());
        assertEquals(12, TagQuery.objects(db).count());
        assertEquals(1, ShelfQuery.objects(db).count());
    }

    // ---- RESTRICT ----------------------------------------------------------------------------------------------

    @Test
    void restrictAllowsTheDeleteWhenTheSameCascadeDeletesTheReferringObjects() {
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        db.save(new Thing("at home", a1, a, null));
        db.save(new Thing("no home", a1, null, null));
        // the things calling A home are in A's boxes: the cascade deletes them, so RESTRICT allows it
        DeleteResult result = db.deleteWithCounts(a);
        assertCounts(List.of(Thing.class, 2, Box.class, 1, Shelf.class, 1), result.counts());
        assertEquals(0, ThingQuery.objects(db).count());
    }

    @Test
    void restrictRefusesWhenTheReferringObjectsStay() {
        Shelf a = db.save(new Shelf("A"));
        Shelf b = db.save(new Shelf("B"));
        Box a1 = db.save(new Box("a1", a));
        Box b1 = db.save(new Box("b1", b));
        Thing away = db.save(new Thing("in a box on A, home B", a1, b, null));
        Thing elsewhere = db.save(new Thing("in a box on B, home A", b1, a, null));
        db.save(new Thing("home A, on A", a1, a, null));
        Map<String, Long> before = rowCounts();

        // B has no box holding `away`: it stays, and calls B home
        RestrictedException error = assertThrows(RestrictedException.class, () -> db.delete(b));
        assertEquals(Map.of("Thing.home", List.of(away.id)), error.referringKeys());
        assertSame(Shelf.class, error.model());
        assertTrue(error.getMessage().contains("restricted foreign key Thing.home"), error.getMessage());
        assertTrue(error.getMessage().contains("Thing key " + away.id), error.getMessage());
        assertEquals(before, rowCounts());

        // deleting A takes `away` (in a1) and "home A, on A", but not `elsewhere` (in b1), which calls A home
        RestrictedException fromA = assertThrows(RestrictedException.class,
                () -> ShelfQuery.objects(db).filter(ShelfQuery.name().eq("A")).delete());
        assertEquals(Map.of("Thing.home", List.of(elsewhere.id)), fromA.referringKeys());
        assertEquals(before, rowCounts());

        // deleting both shelves at once: every referring thing goes with them
        DeleteResult both = ShelfQuery.objects(db).deleteWithCounts();
        assertCounts(List.of(Thing.class, 3, Box.class, 2, Shelf.class, 2), both.counts());
    }

    // ---- SET_DEFAULT -------------------------------------------------------------------------------------------

    @Test
    void setDefaultPointsTheReferringRowsAtTheDefaultKey() {
        Bin lost = new Bin("Lost and found");
        lost.id = Bin.LOST_AND_FOUND;
        db.insert(lost);
        Bin red = db.save(new Bin("Red"));
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        Thing inRed = db.save(new Thing("in red", a1, null, red));
        Thing nowhere = db.save(new Thing("nowhere", a1, null, null));

        DeleteResult[] result = new DeleteResult[1];
        assertNumQueries(db, 2, () -> result[0] = db.deleteWithCounts(red)); // UPDATE thing SET bin_id = ?, DELETE
        assertCounts(List.of(Bin.class, 1), result[0].counts());
        assertEquals(Bin.LOST_AND_FOUND, ThingQuery.objects(db).get(ThingQuery.id().eq(inRed.id)).bin.<Long>id());
        assertNull(ThingQuery.objects(db).get(ThingQuery.id().eq(nowhere.id)).bin.id());

        // deleting the default itself: the things would point at a deleted row; the constraint refuses, nothing
        // changes
        Map<String, Long> before = rowCounts();
        assertThrows(IntegrityException.class, () -> db.delete(lost));
        assertEquals(before, rowCounts());
        assertEquals(1, BinQuery.objects(db).count());
    }

    // ---- DO_NOTHING --------------------------------------------------------------------------------------------

    @Test
    void doNothingLeavesItToTheConstraintAndEverythingIsRolledBack() {
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        db.save(new Thing("t1", a1, null, null));
        db.save(new Tag("on the box", null, a1));
        Map<String, Long> before = rowCounts();

        // the things are deleted first, then the box delete fails on the tag's constraint: all rolled back
        IntegrityException error = assertThrows(IntegrityException.class, () -> db.delete(a));
        assertTrue(error.sql().startsWith("DELETE FROM " + q("box")), error.sql());
        assertEquals(before, rowCounts());
        assertNotNull(a.id);

        db.delete(TagQuery.objects(db).get());
        assertEquals(3, db.deleteWithCounts(a).total());
    }

    // ---- query sets --------------------------------------------------------------------------------------------

    @Test
    void querySetDeleteCascadesAndCountsPerModel() {
        Author tolkien = db.save(new Author("Tolkien", null));
        Author herbert = db.save(new Author("Herbert", null));
        Author kept = db.save(new Author("Le Guin", null));
        NovelQuery.objects(db).bulkCreate(List.of(new Novel("The Hobbit", tolkien, null),
                new Novel("Dune", herbert, null), new Novel("Earthsea", kept, tolkien)));

        DeleteResult[] result = new DeleteResult[1];
        // SELECT the matching authors' keys, then as for one author: SELECT novels, UPDATE (SET_NULL), DELETE their
        // genre links (none here: counted as 0), DELETE novels, DELETE authors
        assertNumQueries(db, 6, () -> result[0] = AuthorQuery.objects(db)
                .filter(AuthorQuery.name().in(List.of("Tolkien", "Herbert"))).deleteWithCounts());
        assertCounts(List.of(Novel.class, 2, Author.class, 2), result[0].counts());
        Novel earthsea = NovelQuery.objects(db).get();
        assertNull(earthsea.editor.id());

        // nothing matching: one SELECT, nothing else
        assertNumQueries(db, 1, () -> assertEquals(DeleteResult.NONE,
                AuthorQuery.objects(db).filter(AuthorQuery.name().eq("Nobody")).deleteWithCounts()));
        // int delete() is the total, cascades included
        assertEquals(2, AuthorQuery.objects(db).delete());
        // a model nothing refers to: one DELETE, as before
        db.save(new Tag("t", null, null));
        assertNumQueries(db, 1, () -> assertEquals(1, TagQuery.objects(db).delete()));
    }

    @Test
    void deleteAndUpdateAcceptFiltersThroughRelations() {
        Publisher allen = db.save(new Publisher("Allen & Unwin"));
        Author tolkien = db.save(new Author("Tolkien", allen));
        Author herbert = db.save(new Author("Herbert", null));
        NovelQuery.objects(db).bulkCreate(List.of(new Novel("The Hobbit", tolkien, null),
                new Novel("The Silmarillion", tolkien, herbert), new Novel("Dune", herbert, tolkien)));

        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertEquals(2, NovelQuery.objects(db).filter(NovelQuery.author().publisher().name().eq("Allen & Unwin"))
                    .update(NovelQuery.title().set("Middle-earth")));
            assertEquals(1, queries.count());
            assertTrue(queries.sql().get(0).contains(" IN (SELECT "), queries.sql().get(0));
        }
        assertEquals(List.of("Dune", "Middle-earth", "Middle-earth"), NovelQuery.objects(db)
                .orderBy(NovelQuery.title().asc()).valuesList(NovelQuery.title()).list());
        // exclude through a nullable relation (LEFT JOIN): keeps the novel without an editor out of the match
        assertEquals(1, NovelQuery.objects(db).exclude(NovelQuery.editor().name().eq("Tolkien"))
                .filter(NovelQuery.editor().isNotNull()).update(NovelQuery.title().set("Edited")));

        // the keys through the join, then the novel's genre links (which refer to it), then the novel
        assertNumQueries(db, 3, () -> assertEquals(1, NovelQuery.objects(db)
                .filter(NovelQuery.editor().name().eq("Tolkien")).delete()));
        assertEquals(2, NovelQuery.objects(db).count());
        // a model nothing refers to: one DELETE with the subquery
        Box box = db.save(new Box("b0", db.save(new Shelf("S0"))));
        db.save(new Tag("on b0", null, box));
        assertNumQueries(db, 1, () -> assertEquals(1, TagQuery.objects(db)
                .filter(TagQuery.box().label().eq("b0")).delete()));
        db.delete(box);

        // a model with cascades: the keys through the join, then the cascade
        Shelf a = db.save(new Shelf("A"));
        Shelf b = db.save(new Shelf("B"));
        Box a1 = db.save(new Box("a1", a));
        db.save(new Box("b1", b));
        db.save(new Thing("t1", a1, null, null));
        DeleteResult result = BoxQuery.objects(db).filter(BoxQuery.shelf().name().eq("A")).deleteWithCounts();
        assertCounts(List.of(Thing.class, 1, Box.class, 1), result.counts());
        assertEquals(List.of("b1"), BoxQuery.objects(db).valuesList(BoxQuery.label()).list());
    }

    @Test
    void largeCascadesUseOneStatementPerStepWhateverTheNumberOfKeys() {
        Shelf a = db.save(new Shelf("A"));
        Box a1 = db.save(new Box("a1", a));
        List<Thing> things = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            things.add(new Thing("t" + i, a1, null, null));
        }
        ThingQuery.objects(db).bulkCreate(things);
        DeleteResult[] result = new DeleteResult[1];
        assertNumQueries(db, 7, () -> result[0] = db.deleteWithCounts(a));
        assertCounts(List.of(Thing.class, 2_500, Box.class, 1, Shelf.class, 1), result[0].counts());
        assertEquals(0, ThingQuery.objects(db).count());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void things(Thing... things) {
        ThingQuery.objects(db).bulkCreate(List.of(things));
    }

    /** Rows per table of the on-delete models: what a refused delete must leave as it was. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("shelf", ShelfQuery.objects(db).count());
        counts.put("box", BoxQuery.objects(db).count());
        counts.put("thing", ThingQuery.objects(db).count());
        counts.put("tag", TagQuery.objects(db).count());
        counts.put("bin", BinQuery.objects(db).count());
        counts.put("things in the default bin", ThingQuery.objects(db)
                .filter(ThingQuery.bin().id().eq(Bin.LOST_AND_FOUND)).count());
        return counts;
    }

    /** The counts per model, in deletion order: {@code List.of(Thing.class, 3, Box.class, 2)}. */
    private static void assertCounts(List<Object> modelsAndCounts, Map<Class<?>, Integer> actual) {
        List<Object> flat = new ArrayList<>();
        actual.forEach((model, count) -> {
            flat.add(model);
            flat.add(count);
        });
        assertEquals(modelsAndCounts, flat);
    }
}
