package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.Database;
import dev.quarry.DatabaseException;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.ObjectDoesNotExistException;
import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialects;
import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.Status;
import dev.quarry.query.QuerySet;
import dev.quarry.query.Tuple2;
import dev.quarry.query.Tuple3;
import dev.quarry.query.Tuple4;
import dev.quarry.query.Values;
import dev.quarry.query.ValuesQuery;
import dev.quarry.testing.CapturedQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Evaluation, laziness, immutability, ordering, slicing and projections of query sets. */
class QuerySetTest extends DatabaseTest {

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }

    /** Saves books whose key order (C, A, D, B) differs from their title order and from their pages order. */
    private List<Book> saveFour() {
        List<Book> saved = new ArrayList<>();
        saved.add(save("C", 300, 3.0, LocalDate.of(2003, 3, 3)));
        saved.add(save("A", 100, null, LocalDate.of(2001, 1, 1)));
        saved.add(save("D", 200, 1.0, LocalDate.of(2004, 4, 4)));
        saved.add(save("B", 400, null, LocalDate.of(2002, 2, 2)));
        return saved;
    }

    private Book save(String title, int pages, Double rating, LocalDate published) {
        Book book = book(title, pages);
        book.rating = rating;
        book.published = published;
        return db.save(book);
    }

    // ---- laziness and immutability ---------------------------------------------------------------------------------

    @Test
    void buildingAQuerySetRunsNoQuery() {
        saveFour();
        assertNumQueries(db, 0, () -> {
            QuerySet<Book> qs = books().filter(BookQuery.pages().gt(100)).exclude(BookQuery.title().eq("D"))
                    .orderBy(BookQuery.title().asc()).distinct().limit(10);
            qs.sql();
            qs.valuesList(BookQuery.title()).map(String::length);
            books().none();
        });
    }

    @Test
    void eachEvaluationRunsExactlyOneQueryAndResultsAreNotCached() {
        saveFour();
        QuerySet<Book> qs = books().filter(BookQuery.pages().gt(100));
        assertNumQueries(db, 1, () -> assertEquals(3, qs.list().size()));
        assertNumQueries(db, 1, () -> assertEquals(3, qs.list().size()));
        assertNumQueries(db, 1, () -> assertEquals(3, qs.count()));
        assertNumQueries(db, 1, () -> assertTrue(qs.exists()));
        assertNumQueries(db, 1, () -> assertTrue(qs.first().isPresent()));
        assertNumQueries(db, 1, () -> assertTrue(qs.last().isPresent()));
        assertNumQueries(db, 1, () -> assertEquals("A", books().get(BookQuery.title().eq("A")).title));
        assertNumQueries(db, 1, () -> {
            int n = 0;
            for (Book ignored : qs) {
                n++;
            }
            assertEquals(3, n);
        });
        // a new row is seen by the next evaluation: nothing was cached
        db.save(book("E", 500));
        assertEquals(4, qs.count());
        assertEquals(4, qs.list().size());
    }

    @Test
    void countRunsSelectCount() {
        saveFour();
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertEquals(4, books().count());
            assertEquals(2, books().filter(BookQuery.rating().isNull()).count());
            assertEquals(2, queries.count());
            assertTrue(queries.sql().get(0).startsWith("SELECT COUNT(*) FROM "), queries.sql().get(0));
        }
    }

    @Test
    void filterReturnsANewQuerySetAndLeavesTheOriginalUnchanged() {
        saveFour();
        QuerySet<Book> all = books();
        String sqlBefore = all.sql();
        QuerySet<Book> filtered = all.filter(BookQuery.pages().gt(250));
        QuerySet<Book> ordered = all.orderBy(BookQuery.title().desc());
        QuerySet<Book> sliced = all.limit(1);
        QuerySet<Book> excluded = all.exclude(BookQuery.title().eq("A"));
        assertNotSame(all, filtered);
        assertNotSame(all, ordered);
        assertEquals(sqlBefore, all.sql());
        assertEquals(4, all.count());
        assertEquals(2, filtered.count());
        assertEquals(1, sliced.list().size());
        assertEquals(3, excluded.count());
        assertEquals(List.of("D", "C", "B", "A"), titles(ordered.list()));
        // refining a refined set does not change it either
        QuerySet<Book> narrower = filtered.filter(BookQuery.title().eq("B"));
        assertEquals(1, narrower.count());
        assertEquals(2, filtered.count());
    }

    // ---- list, iteration, stream -----------------------------------------------------------------------------------

    @Test
    void listAndIterationReadEveryColumn() {
        Book saved = book("Full", 321);
        saved.price = new BigDecimal("12.34");
        saved.rating = 4.25;
        saved.isbn = "978-3";
        saved.status = Status.PUBLISHED;
        saved.setAvailable(true);
        db.save(saved);

        List<Book> list = books().list();
        assertEquals(1, list.size());
        Book read = list.get(0);
        assertEquals(saved.id, read.id);
        assertEquals("Full", read.title);
        assertEquals(new BigDecimal("12.34"), read.price);
        assertEquals(Fixtures.DAY, read.published);
        assertEquals(321, read.pages);
        assertEquals(Status.PUBLISHED, read.status);
        assertTrue(read.isAvailable());
        assertEquals(4.25, read.rating);
        assertEquals("978-3", read.isbn);

        Iterator<Book> iterator = books().iterator();
        assertTrue(iterator.hasNext());
        assertEquals(saved.id, iterator.next().id);
        assertFalse(iterator.hasNext());
    }

    @Test
    void streamReadsRowsInOrder() {
        saveFour();
        try (Stream<Book> stream = books().orderBy(BookQuery.title().asc()).stream()) {
            assertEquals(List.of("A", "B", "C", "D"), stream.map(b -> b.title).toList());
        }
        try (Stream<Book> stream = books().none().stream()) {
            assertEquals(0, stream.count());
        }
    }

    @Test
    void everyOperationGivesItsConnectionBack() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:quarry_pool_" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            Database pooled = Database.connect(pool, Dialects.H2);
            pooled.schema().createTables(List.of(BookQuery.META));
            assertEquals(0, pool.getActiveConnections());
            for (int i = 0; i < 5; i++) {
                pooled.save(book("B" + i, 100 + i));
            }
            assertEquals(0, pool.getActiveConnections());

            QuerySet<Book> qs = BookQuery.objects(pooled).orderBy(BookQuery.pages().asc());
            try (Stream<Book> stream = qs.stream()) {
                Iterator<Book> rows = stream.iterator();
                assertEquals("B0", rows.next().title);
                assertEquals(1, pool.getActiveConnections(), "a stream holds its connection while open");
                // abandoned half-way: closing must still release the connection
            }
            assertEquals(0, pool.getActiveConnections());

            try (Stream<Book> stream = qs.stream()) {
                assertEquals(5, stream.count());
            }
            assertEquals(0, pool.getActiveConnections());

            try (Stream<String> stream = qs.valuesList(BookQuery.title()).stream()) {
                assertEquals("B0", stream.findFirst().orElseThrow());
            }
            assertEquals(0, pool.getActiveConnections());

            assertEquals(5, qs.list().size());
            assertEquals(5, qs.count());
            assertTrue(qs.exists());
            assertEquals("B4", qs.last().orElseThrow().title);
            assertEquals("B2", qs.get(BookQuery.title().eq("B2")).title);
            assertThrows(ObjectDoesNotExistException.class, () -> qs.get(BookQuery.title().eq("none")));
            assertEquals(1, qs.filter(BookQuery.title().eq("B0")).update(BookQuery.pages().set(1)));
            assertEquals(List.of("B0"), qs.valuesList(BookQuery.title()).first().stream().toList());
            assertEquals(0, pool.getActiveConnections());

            Book duplicate = book("dup", 1);
            duplicate.isbn = "same";
            pooled.save(duplicate);
            Book again = book("dup2", 1);
            again.isbn = "same";
            assertThrows(QuarryException.class, () -> pooled.save(again));
            assertEquals(0, pool.getActiveConnections(), "a failed statement gives its connection back");

            assertThrows(IllegalStateException.class, () -> pooled.atomic(() -> {
                pooled.save(book("in tx", 1));
                assertEquals(1, pool.getActiveConnections());
                throw new IllegalStateException("roll back");
            }));
            assertEquals(0, pool.getActiveConnections());
            pooled.atomic(() -> {
                try (Stream<Book> stream = BookQuery.objects(pooled).stream()) {
                    assertEquals(6, stream.count());
                }
                assertEquals(1, pool.getActiveConnections(), "a stream in a transaction uses its connection");
            });
            assertEquals(0, pool.getActiveConnections());

            BookQuery.objects(pooled).bulkCreate(List.of(book("x", 1), book("y", 2)), 1);
            assertEquals(0, pool.getActiveConnections());
            assertEquals(8, BookQuery.objects(pooled).delete());
            assertEquals(0, pool.getActiveConnections());

            // a query that fails while opening a stream gives its connection back too
            pooled.schema().dropTables(List.of(BookQuery.META));
            assertThrows(DatabaseException.class, () -> BookQuery.objects(pooled).stream());
            assertThrows(DatabaseException.class, () -> BookQuery.objects(pooled).list());
            assertEquals(0, pool.getActiveConnections());
        } finally {
            pool.dispose();
        }
    }

    // ---- count, exists, first, last, get ---------------------------------------------------------------------------

    @Test
    void existsAndCount() {
        assertFalse(books().exists());
        assertEquals(0, books().count());
        saveFour();
        assertTrue(books().exists());
        assertTrue(books().filter(BookQuery.title().eq("A")).exists());
        assertFalse(books().filter(BookQuery.title().eq("Z")).exists());
        assertEquals(4, books().count());
        assertEquals(2, books().limit(2).count());
        assertEquals(1, books().offset(3).count());
        assertEquals(0, books().offset(4).count());
        assertTrue(books().offset(3).exists());
        assertFalse(books().offset(4).exists());
    }

    @Test
    void firstOrdersByPrimaryKeyWhenUnordered() {
        List<Book> saved = saveFour();
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertEquals(saved.get(0).id, books().first().orElseThrow().id);
            assertEquals(1, queries.count());
            if (on(TestBackend.H2)) {
                assertTrue(queries.sql().get(0).endsWith(" ORDER BY \"book\".\"id\" ASC FETCH FIRST 1 ROWS ONLY"),
                        queries.sql().get(0));
            }
        }
        assertEquals("A", books().orderBy(BookQuery.title().asc()).first().orElseThrow().title);
        assertEquals("D", books().orderBy(BookQuery.title().desc()).first().orElseThrow().title);
        assertEquals("D", books().filter(BookQuery.pages().lt(300)).orderBy(BookQuery.pages().desc()).first()
                .orElseThrow().title);
        assertTrue(books().filter(BookQuery.title().eq("Z")).first().isEmpty());
        // first of a sliced set is the first row of the slice
        assertEquals("C", books().orderBy(BookQuery.title().asc()).offset(2).first().orElseThrow().title);
    }

    @Test
    void lastReversesTheOrderOrTakesTheHighestKey() {
        List<Book> saved = saveFour();
        assertEquals(saved.get(3).id, books().last().orElseThrow().id);
        assertEquals("D", books().orderBy(BookQuery.title().asc()).last().orElseThrow().title);
        assertEquals("A", books().orderBy(BookQuery.title().desc()).last().orElseThrow().title);
        // nulls first in the order means NULL rows come last when reversed, and the other way round
        assertEquals("C", books().orderBy(BookQuery.rating().asc().nullsFirst()).last().orElseThrow().title);
        assertEquals("B", books().orderBy(BookQuery.rating().asc().nullsLast(), BookQuery.title().asc()).last()
                .orElseThrow().title);
        assertTrue(books().filter(BookQuery.title().eq("Z")).last().isEmpty());
        assertThrows(QuarryException.class, () -> books().limit(2).last());
    }

    @Test
    void getReturnsTheOnlyMatch() {
        List<Book> saved = saveFour();
        assertEquals(saved.get(1).id, books().get(BookQuery.title().eq("A")).id);
        assertEquals("B", books().filter(BookQuery.pages().gt(350)).get().title);
        assertEquals("D", books().get(BookQuery.rating().lt(2.0), BookQuery.pages().eq(200)).title);
    }

    @Test
    void getWithoutMatchNamesTheModelAndTheFilter() {
        saveFour();
        ObjectDoesNotExistException e = assertThrows(ObjectDoesNotExistException.class,
                () -> books().get(BookQuery.title().eq("Nope")));
        assertEquals(Book.class, e.model());
        assertTrue(e.getMessage().contains("Book"), e.getMessage());
        assertTrue(e.getMessage().contains("title"), e.getMessage());
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
    }

    @Test
    void getWithSeveralMatchesNamesTheModelTheFilterAndTheCount() {
        saveFour();
        MultipleObjectsReturnedException e = assertThrows(MultipleObjectsReturnedException.class,
                () -> books().get(BookQuery.pages().gt(150)));
        assertEquals(Book.class, e.model());
        assertTrue(e.getMessage().contains("returned 3 Book objects"), e.getMessage());
        assertTrue(e.getMessage().contains("pages"), e.getMessage());
        assertTrue(e.getMessage().contains("150"), e.getMessage());

        for (int i = 0; i < 30; i++) {
            db.save(book("many" + i));
        }
        MultipleObjectsReturnedException many = assertThrows(MultipleObjectsReturnedException.class,
                () -> books().get());
        assertTrue(many.getMessage().contains("more than 20 Book objects"), many.getMessage());
        ObjectDoesNotExistException none = assertThrows(ObjectDoesNotExistException.class,
                () -> books().none().get());
        assertTrue(none.getMessage().contains("Book"), none.getMessage());
    }

    // ---- ordering -----------------------------------------------------------------------------------------------

    @Test
    void orderByAscendingAndDescending() {
        saveFour();
        assertEquals(List.of("A", "B", "C", "D"), titles(books().orderBy(BookQuery.title().asc()).list()));
        assertEquals(List.of("D", "C", "B", "A"), titles(books().orderBy(BookQuery.title().desc()).list()));
        assertEquals(List.of("A", "D", "C", "B"), titles(books().orderBy(BookQuery.pages().asc()).list()));
        assertEquals(List.of("D", "C", "B", "A"), titles(books().orderBy(BookQuery.published().desc()).list()));
        // several terms: rating (NULLs last), then title descending
        assertEquals(List.of("D", "C", "B", "A"), titles(books()
                .orderBy(BookQuery.rating().asc().nullsLast(), BookQuery.title().desc()).list()));
        // a computed ordering term
        assertEquals(List.of("B", "C", "D", "A"), titles(books()
                .orderBy(BookQuery.pages().times(-1).plus(BookQuery.published().month()).asc()).list()));
    }

    @Test
    void nullsFirstAndNullsLast() {
        saveFour();
        assertEquals(List.of("A", "B", "D", "C"), titles(books()
                .orderBy(BookQuery.rating().asc().nullsFirst(), BookQuery.title().asc()).list()));
        assertEquals(List.of("D", "C", "A", "B"), titles(books()
                .orderBy(BookQuery.rating().asc().nullsLast(), BookQuery.title().asc()).list()));
        assertEquals(List.of("A", "B", "C", "D"), titles(books()
                .orderBy(BookQuery.rating().desc().nullsFirst(), BookQuery.title().asc()).list()));
        assertEquals(List.of("C", "D", "A", "B"), titles(books()
                .orderBy(BookQuery.rating().desc().nullsLast(), BookQuery.title().asc()).list()));
    }

    @Test
    void orderByReplacesEarlierOrdering() {
        saveFour();
        QuerySet<Book> byTitle = books().orderBy(BookQuery.title().asc());
        assertEquals(List.of("A", "D", "C", "B"), titles(byTitle.orderBy(BookQuery.pages().asc()).list()));
        // orderBy() with no terms clears the ordering: back to no ORDER BY at all
        assertFalse(byTitle.orderBy().sql().contains("ORDER BY"), byTitle.orderBy().sql());
        assertEquals(List.of("A", "B", "C", "D"), titles(byTitle.list()));
    }

    // ---- slicing -------------------------------------------------------------------------------------------------

    @Test
    void limitOffsetAndSlice() {
        saveFour();
        QuerySet<Book> ordered = books().orderBy(BookQuery.title().asc());
        assertEquals(List.of("A", "B"), titles(ordered.limit(2).list()));
        assertEquals(List.of("B", "C", "D"), titles(ordered.offset(1).list()));
        assertEquals(List.of("B", "C"), titles(ordered.offset(1).limit(2).list()));
        assertEquals(List.of("B", "C"), titles(ordered.slice(1, 3).list()));
        assertEquals(List.of("D"), titles(ordered.slice(3, 10).list()));
        assertEquals(List.of(), titles(ordered.slice(4, 10).list()));
        assertEquals(List.of("A", "B", "C", "D"), titles(ordered.offset(0).list()));
        assertNumQueries(db, 0, () -> {
            assertEquals(List.of(), ordered.limit(0).list());
            assertEquals(List.of(), ordered.slice(2, 2).list());
            assertEquals(0, ordered.limit(0).count());
        });
        assertEquals(2, ordered.slice(1, 3).count());
        assertThrows(IllegalArgumentException.class, () -> ordered.limit(-1));
        assertThrows(IllegalArgumentException.class, () -> ordered.offset(-1));
        assertThrows(IllegalArgumentException.class, () -> ordered.slice(3, 1));
    }

    @Test
    void slicingASlicedSetSlicesWithinItAsDjangoDoes() {
        saveFour();
        QuerySet<Book> ordered = books().orderBy(BookQuery.title().asc());
        // qs[1:4][1:2] is the row at index 2
        assertEquals(List.of("C"), titles(ordered.slice(1, 4).slice(1, 2).list()));
        // qs[1:][1:] skips two rows
        assertEquals(List.of("C", "D"), titles(ordered.offset(1).offset(1).list()));
        assertEquals(List.of("C", "D"), titles(ordered.slice(1, 10).slice(1, 10).list()));
        // qs[:3][:10] still has at most three rows; qs[:3][1:] is rows 1 and 2
        assertEquals(List.of("A", "B", "C"), titles(ordered.limit(3).limit(10).list()));
        assertEquals(List.of("B", "C"), titles(ordered.limit(3).offset(1).list()));
        assertEquals(List.of(), titles(ordered.limit(2).offset(5).list()));
        // first() stays within the slice
        assertEquals("B", ordered.slice(1, 3).first().orElseThrow().title);
        assertNumQueries(db, 0, () -> {
            assertTrue(ordered.limit(0).first().isEmpty());
            assertTrue(ordered.slice(2, 2).first().isEmpty());
        });
    }

    @Test
    void filteringOrderingOrExcludingASlicedSetThrows() {
        QuerySet<Book> sliced = books().orderBy(BookQuery.title().asc()).limit(2);
        QuarryException filter = assertThrows(QuarryException.class,
                () -> sliced.filter(BookQuery.pages().gt(1)));
        assertTrue(filter.getMessage().contains("Book"), filter.getMessage());
        assertTrue(filter.getMessage().contains("filter"), filter.getMessage());
        assertThrows(QuarryException.class, () -> sliced.exclude(BookQuery.pages().gt(1)));
        assertThrows(QuarryException.class, () -> sliced.orderBy(BookQuery.pages().asc()));
        assertThrows(QuarryException.class, () -> books().offset(1).filter(BookQuery.pages().gt(1)));
        assertThrows(QuarryException.class, () -> books().slice(0, 1).filter(BookQuery.pages().gt(1)));
    }

    // ---- distinct and none -----------------------------------------------------------------------------------------

    @Test
    void distinct() {
        saveFour();
        db.save(book("A", 100));
        assertEquals(5, books().distinct().count());
        assertEquals(List.of("A", "B", "C", "D"), books().orderBy(BookQuery.title().asc()).distinct()
                .valuesList(BookQuery.title()).list());
        assertEquals(List.of("A", "B", "C", "D"), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.title()).distinct().list());
        assertEquals(List.of("A", "A", "B", "C", "D"), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.title()).list());
        assertEquals(1, books().valuesList(BookQuery.status()).distinct().list().size());
    }

    @Test
    void noneMatchesNothingWithoutAQuery() {
        saveFour();
        QuerySet<Book> none = books().none();
        assertNumQueries(db, 0, () -> {
            assertEquals(List.of(), none.list());
            assertEquals(0, none.count());
            assertFalse(none.exists());
            assertTrue(none.first().isEmpty());
            assertTrue(none.last().isEmpty());
            assertFalse(none.iterator().hasNext());
            assertEquals(List.of(), none.valuesList(BookQuery.title()).list());
            assertTrue(none.valuesList(BookQuery.title()).first().isEmpty());
            assertEquals(0, none.update(BookQuery.pages().set(1)));
            assertEquals(0, none.delete());
            assertEquals(0, none.filter(BookQuery.pages().gt(1)).count());
        });
        assertEquals(4, books().count());
    }

    // ---- projections --------------------------------------------------------------------------------------------

    @Test
    void valuesListWithOneToFourExpressions() {
        saveFour();
        QuerySet<Book> ordered = books().orderBy(BookQuery.title().asc());
        List<String> titles = ordered.valuesList(BookQuery.title()).list();
        assertEquals(List.of("A", "B", "C", "D"), titles);

        List<Tuple2<String, Integer>> pairs = ordered.valuesList(BookQuery.title(), BookQuery.pages()).list();
        assertEquals(new Tuple2<>("A", 100), pairs.get(0));
        assertEquals(new Tuple2<>("D", 200), pairs.get(3));

        List<Tuple3<String, Double, LocalDate>> triples = ordered
                .valuesList(BookQuery.title(), BookQuery.rating(), BookQuery.published()).list();
        assertEquals(new Tuple3<>("A", null, LocalDate.of(2001, 1, 1)), triples.get(0));
        assertEquals(new Tuple3<>("C", 3.0, LocalDate.of(2003, 3, 3)), triples.get(2));

        List<Tuple4<Long, String, Status, Boolean>> quads = ordered.filter(BookQuery.title().eq("B"))
                .valuesList(BookQuery.id(), BookQuery.title(), BookQuery.status(), BookQuery.available()).list();
        Long bId = books().get(BookQuery.title().eq("B")).id;
        assertEquals(List.of(new Tuple4<>(bId, "B", Status.DRAFT, false)), quads);
    }

    @Test
    void valuesKeepsFiltersOrderAndSlice() {
        saveFour();
        List<String> titles = books().filter(BookQuery.pages().gt(100)).orderBy(BookQuery.pages().desc())
                .slice(0, 2).valuesList(BookQuery.title()).list();
        assertEquals(List.of("B", "C"), titles);
        assertEquals("B", books().orderBy(BookQuery.pages().desc()).valuesList(BookQuery.title()).first()
                .orElseThrow());
    }

    @Test
    void valuesRowsAreReadByExpression() {
        saveFour();
        var year = BookQuery.published().year();
        List<Values> rows = books().orderBy(BookQuery.title().asc())
                .values(BookQuery.title(), BookQuery.rating(), year).list();
        assertEquals(4, rows.size());
        Values a = rows.get(0);
        assertEquals("A", a.get(BookQuery.title()));
        assertNull(a.get(BookQuery.rating()));
        assertEquals(2001, a.get(year));
        assertEquals(3.0, rows.get(2).get(BookQuery.rating()));
        Map<String, Object> map = rows.get(3).asMap();
        assertEquals(List.of("title", "rating"), new ArrayList<>(map.keySet()).subList(0, 2));
        assertEquals("D", map.get("title"));
        assertEquals(1.0, map.get("rating"));
        assertThrows(IllegalArgumentException.class, () -> a.get(BookQuery.pages()));
        assertThrows(IllegalArgumentException.class, () -> books().values());
    }

    /** A projection target. */
    record TitleAndYear(String title, int year) {
    }

    @Test
    void valuesQueryMapsIntoRecords() {
        saveFour();
        ValuesQuery<TitleAndYear> records = books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.title(), BookQuery.published().year())
                .map(t -> new TitleAndYear(t.first(), t.second()));
        assertEquals(List.of(new TitleAndYear("A", 2001), new TitleAndYear("B", 2002), new TitleAndYear("C", 2003),
                new TitleAndYear("D", 2004)), records.list());
        assertEquals(new TitleAndYear("A", 2001), records.first().orElseThrow());
        try (Stream<TitleAndYear> stream = records.stream()) {
            assertEquals(4, stream.count());
        }
        List<String> mappedTwice = books().orderBy(BookQuery.title().asc()).valuesList(BookQuery.title())
                .map(String::toLowerCase).map(s -> s + "!").list();
        assertEquals(List.of("a!", "b!", "c!", "d!"), mappedTwice);
    }

    @Test
    void projectionsOfEnumsAndComputedExpressions() {
        saveFour();
        Book published = books().get(BookQuery.title().eq("C"));
        published.status = Status.PUBLISHED;
        published.price = new BigDecimal("10.50");
        db.save(published);

        List<Status> statuses = books().orderBy(BookQuery.title().asc()).valuesList(BookQuery.status()).list();
        assertEquals(List.of(Status.DRAFT, Status.DRAFT, Status.PUBLISHED, Status.DRAFT), statuses);
        assertEquals(Status.class, statuses.get(0).getClass());

        assertEquals(List.of(2001, 2002, 2003, 2004), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.published().year()).list());
        assertEquals(List.of(1, 2, 3, 4), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.published().month()).list());
        assertEquals(List.of(101, 401, 301, 201), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.pages().plus(1)).list());
        Tuple2<BigDecimal, Integer> computed = books().filter(BookQuery.title().eq("C"))
                .valuesList(BookQuery.price().times(2), BookQuery.pages().dividedBy(BookQuery.pages()))
                .first().orElseThrow();
        assertEquals(0, new BigDecimal("21.00").compareTo(computed.first()), computed.toString());
        assertEquals(1, computed.second());
    }

    @Test
    void sqlShowsTheSelect() {
        assertEquals(0, books().count());
        String sql = books().filter(BookQuery.title().eq("x"), BookQuery.rating().isNull())
                .orderBy(BookQuery.published().desc()).limit(5).sql();
        if (on(TestBackend.H2)) {
            assertEquals("SELECT \"book\".\"id\", \"book\".\"title\", \"book\".\"price\", \"book\".\"published\", "
                    + "\"book\".\"pages\", \"book\".\"status\", \"book\".\"available\", \"book\".\"rating\", "
                    + "\"book\".\"isbn\" FROM \"book\" WHERE (\"book\".\"title\" = ? AND \"book\".\"rating\" IS NULL) "
                    + "ORDER BY \"book\".\"published\" DESC FETCH FIRST 5 ROWS ONLY", sql);
            assertEquals("SELECT \"book\".\"title\" FROM \"book\" WHERE NOT (\"book\".\"title\" LIKE ? ESCAPE '!')",
                    books().exclude(BookQuery.title().startsWith("a")).valuesList(BookQuery.title()).sql());
        }
        assertTrue(books().toString().contains("Book"), books().toString());
        assertTrue(books().filter(BookQuery.title().eq("needle")).toString().contains("needle"));
    }
}
