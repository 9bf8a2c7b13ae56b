package dev.quarry.it;

import static dev.quarry.testing.CapturedQueries.assertNoNPlusOne;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.it.model.Author;
import dev.quarry.it.model.Novel;
import dev.quarry.it.model.NovelQuery;
import dev.quarry.it.model.Publisher;
import dev.quarry.query.FetchMode;
import dev.quarry.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** prefetchRelated and the prefetch helpers for foreign keys: one extra query per relation level, exactly. */
class PrefetchTest extends DatabaseTest {
    private Author tolkien;
    private Author herbert;

    private void library() {
        Publisher allen = db.save(new Publisher("Allen & Unwin"));
        tolkien = db.save(new Author("Tolkien", allen));
        herbert = db.save(new Author("Herbert", null));
        novels().bulkCreate(List.of(new Novel("The Hobbit", tolkien, null), new Novel("Dune", herbert, null),
                new Novel("The Silmarillion", tolkien, null)));
    }

    @Test
    void prefetchRelatedIsOneExtraQueryForAllTheRows() {
        library();
        List<Novel> loaded = new ArrayList<>();
        assertNumQueries(db, 2, () -> loaded.addAll(novels().prefetchRelated(NovelQuery.author())
                .orderBy(NovelQuery.title().asc()).list()));
        assertNoNPlusOne(db, () -> assertNumQueries(db, 0, () -> assertEquals(List.of("Herbert", "Tolkien", "Tolkien"),
                loaded.stream().map(n -> n.author.get().name).toList())));
    }

    @Test
    void nestedPrefetchIsOneQueryPerLevel() {
        library();
        List<Novel> loaded = new ArrayList<>();
        assertNumQueries(db, 3, () -> loaded.addAll(novels().prefetchRelated(NovelQuery.author().publisher())
                .orderBy(NovelQuery.title().asc()).list()));
        assertNumQueries(db, 0, () -> {
            assertNull(loaded.get(0).author.get().publisher.get());
            assertEquals("Allen & Unwin", loaded.get(1).author.get().publisher.get().name);
        });
    }

    @Test
    void anEmptyRelationCostsNoQuery() {
        library();
        List<Novel> loaded = new ArrayList<>();
        assertNumQueries(db, 1, () -> loaded.addAll(novels().prefetchRelated(NovelQuery.editor()).list()));
        assertNull(loaded.get(0).editor.get());
        assertNumQueries(db, 1, () -> assertEquals(List.of(), novels().filter(NovelQuery.title().eq("none"))
                .prefetchRelated(NovelQuery.author()).list()));
    }

    @Test
    void selectRelatedAndPrefetchRelatedCombine() {
        library();
        List<Novel> loaded = new ArrayList<>();
        assertNumQueries(db, 2, () -> loaded.addAll(novels().selectRelated(NovelQuery.author())
                .prefetchRelated(NovelQuery.author().publisher()).orderBy(NovelQuery.title().asc()).list()));
        assertNumQueries(db, 0, () -> assertEquals("Allen & Unwin", loaded.get(1).author.get().publisher.get().name));
    }

    @Test
    void theHelpersPrefetchForObjectsAlreadyInMemory() {
        library();
        List<Novel> all = novels().fetchMode(FetchMode.STRICT).list();
        assertNumQueries(db, 1, () -> NovelQuery.author().prefetch(db, all));
        assertNumQueries(db, 0, () -> NovelQuery.author().prefetch(db, all)); // already loaded
        assertEquals(3, all.stream().filter(n -> n.author.get() != null).count());
        Novel one = novels().fetchMode(FetchMode.STRICT).get(NovelQuery.title().eq("Dune"));
        assertNumQueries(db, 1, () -> NovelQuery.author().publisher().prefetch(db, one));
        assertNull(one.author.get().publisher.get());
    }

    @Test
    void aHundredThousandOwnersAreStillOneQuery() {
        library();
        List<Novel> owners = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Novel novel = new Novel();
            novel.author.setId(i % 1000 == 0 ? tolkien.id : -1L - i); // mostly keys with no author
            owners.add(novel);
        }
        owners.get(99_999).author.setId(herbert.id);
        assertNumQueries(db, 1, () -> NovelQuery.author().prefetch(db, owners));
        assertEquals("Tolkien", owners.get(0).author.get().name);
        assertEquals("Herbert", owners.get(99_999).author.get().name);
        assertNull(owners.get(1).author.get(), "a dangling key loads as null");
    }

    @Test
    void aStrictQueryStaysStrictForTheObjectsItPrefetches() {
        library();
        List<Novel> strict = novels().fetchMode(FetchMode.STRICT).prefetchRelated(NovelQuery.author())
                .orderBy(NovelQuery.title().asc()).list();
        Author tolkienLoaded = strict.get(1).author.get();
        assertThrows(dev.quarry.RelationNotLoadedException.class, tolkienLoaded.publisher::get);
    }

    @Test
    void streamsRefusePrefetchRelated() {
        QuarryException error = assertThrows(QuarryException.class,
                () -> novels().prefetchRelated(NovelQuery.author()).stream());
        assertTrue(error.getMessage().contains("stream()"), error.getMessage());
    }

    private QuerySet<Novel> novels() {
        return NovelQuery.objects(db);
    }
}
