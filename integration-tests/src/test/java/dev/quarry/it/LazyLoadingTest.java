package dev.quarry.it;

import static dev.quarry.testing.CapturedQueries.assertNoNPlusOne;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.RelationNotLoadedException;
import dev.quarry.it.model.Author;
import dev.quarry.it.model.Novel;
import dev.quarry.it.model.NovelQuery;
import dev.quarry.it.model.Publisher;
import dev.quarry.query.FetchMode;
import dev.quarry.query.NPlusOne;
import dev.quarry.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading relations that the query did not load: LAZY (default), PEERS, STRICT, and the N+1 detector. */
class LazyLoadingTest extends DatabaseTest {
    private void library() {
        Publisher allen = db.save(new Publisher("Allen & Unwin"));
        Author tolkien = db.save(new Author("Tolkien", allen));
        Author herbert = db.save(new Author("Herbert", null));
        novels().bulkCreate(List.of(new Novel("The Hobbit", tolkien, null), new Novel("Dune", herbert, null),
                new Novel("The Silmarillion", tolkien, null)));
    }

    @Test
    void lazyLoadsOnAccessAndReportsTheNPlusOnePatternOnce() {
        library();
        List<NPlusOne> reported = new ArrayList<>();
        Consumer<NPlusOne> listener = reported::add;
        db.addNPlusOneListener(listener);
        try {
            List<Novel> all = novels().orderBy(NovelQuery.title().asc()).list();
            assertNumQueries(db, 3, () -> {
                for (Novel novel : all) {
                    assertTrue(novel.author.get().name.length() > 0);
                }
            });
            assertNumQueries(db, 0, () -> all.get(0).author.get()); // loaded now
        } finally {
            db.removeNPlusOneListener(listener);
        }
        assertEquals(1, reported.size(), reported.toString());
        assertEquals("Novel.author", reported.get(0).relation());
        assertEquals("selectRelated(NovelQuery.author())", reported.get(0).fix());
        assertTrue(reported.get(0).message().contains("SELECT"), reported.get(0).message());
    }

    @Test
    void nestedNPlusOnePatternsAreReportedToo() {
        library();
        List<NPlusOne> reported = new ArrayList<>();
        Consumer<NPlusOne> listener = reported::add;
        db.addNPlusOneListener(listener);
        try {
            for (Novel novel : novels().orderBy(NovelQuery.title().asc()).list()) {
                novel.author.get().publisher.get(); // each author comes from its own one-row result
            }
        } finally {
            db.removeNPlusOneListener(listener);
        }
        assertEquals(List.of("Novel.author", "Author.publisher"), reported.stream().map(NPlusOne::relation).toList());
    }

    @Test
    void aSingleLazyLoadIsNotAnNPlusOne() {
        library();
        Novel dune = novels().get(NovelQuery.title().eq("Dune"));
        assertNoNPlusOne(db, () -> assertNumQueries(db, 1, () -> assertEquals("Herbert", dune.author.get().name)));
    }

    @Test
    void peersLoadTheRelationForTheWholeResultInOneQuery() {
        library();
        List<Novel> all = novels().fetchMode(FetchMode.PEERS).orderBy(NovelQuery.title().asc()).list();
        assertNoNPlusOne(db, () -> assertNumQueries(db, 1, () -> {
            List<String> authors = all.stream().map(n -> n.author.get().name).toList();
            assertEquals(List.of("Herbert", "Tolkien", "Tolkien"), authors);
        }));
        // relations of the loaded objects load for their own peers: one more query for the publishers
        assertNumQueries(db, 1, () -> assertEquals("Allen & Unwin", all.get(1).author.get().publisher.get().name));
        assertNumQueries(db, 0, () -> assertEquals(null, all.get(0).author.get().publisher.get()));
    }

    @Test
    void strictRefusesWithTheFix() {
        library();
        List<Novel> all = novels().fetchMode(FetchMode.STRICT).list();
        RelationNotLoadedException error = assertThrows(RelationNotLoadedException.class, all.get(0).author::get);
        assertTrue(error.getMessage().contains("Novel.author"), error.getMessage());
        assertTrue(error.getMessage().contains("selectRelated(NovelQuery.author())"), error.getMessage());
        assertTrue(error.getMessage().contains("STRICT"), error.getMessage());
    }

    @Test
    void theDatabaseDefaultAppliesUnlessTheQuerySetSaysOtherwise() {
        library();
        db.setFetchMode(FetchMode.STRICT);
        try {
            Novel any = novels().first().orElseThrow();
            assertThrows(RelationNotLoadedException.class, any.author::get);
            Novel lazy = novels().fetchMode(FetchMode.LAZY).first().orElseThrow();
            assertEquals(any.author.<Long>id(), lazy.author.get().id);
        } finally {
            db.setFetchMode(FetchMode.LAZY);
        }
    }

    @Test
    void theTestHelperFailsOnNPlusOneAndPassesWithSelectRelated() {
        library();
        AssertionError error = assertThrows(AssertionError.class, () -> assertNoNPlusOne(db,
                () -> novels().list().forEach(n -> n.author.get())));
        assertTrue(error.getMessage().contains("Novel.author"), error.getMessage());
        assertNoNPlusOne(db, () -> assertNumQueries(db, 1,
                () -> novels().selectRelated(NovelQuery.author()).list().forEach(n -> n.author.get())));
    }

    @Test
    void streamedObjectsLoadLazilyToo() {
        library();
        try (var stream = novels().fetchMode(FetchMode.PEERS).orderBy(NovelQuery.title().asc()).stream()) {
            assertEquals(List.of("Herbert", "Tolkien", "Tolkien"), stream.map(n -> n.author.get().name).toList());
        }
    }

    private QuerySet<Novel> novels() {
        return NovelQuery.objects(db);
    }
}
