package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quarry.dialect.Dialect;
import dev.quarry.dialect.Dialects;
import dev.quarry.it.model.AllTypes;
import dev.quarry.it.model.AllTypesQuery;
import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.query.Ordering;
import dev.quarry.query.QuerySet;
import dev.quarry.testing.CapturedQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the dialect layer hides: each test runs unchanged on every database and checks a place where they differ
 * (parameter limits, case sensitivity, NULL ordering, integer division, streaming).
 */
class DatabaseDifferencesTest extends DatabaseTest {
    @Test
    void theDialectIsDetectedFromTheConnection() {
        Dialect expected = switch (TestBackend.current()) {
            case H2 -> Dialects.H2;
            case SQLITE -> Dialects.SQLITE;
            case POSTGRES -> Dialects.POSTGRES;
            case MARIADB -> Dialects.MARIADB;
        };
        assertSame(expected, db.dialect());
    }

    @Test
    void anInListFarLongerThanTheParameterLimitIsOneQuery() {
        List<Book> saved = books().bulkCreate(List.of(book("a"), book("b"), book("c")));
        int count = db.dialect().maxParameters() + 50_000;
        List<Long> keys = new ArrayList<>(count);
        LongStream.range(0, count).map(i -> -i - 1).forEach(keys::add); // negative keys match nothing...
        keys.set(count / 2, saved.get(1).id); // ...except these two
        keys.set(count - 1, saved.get(2).id);
        assertNumQueries(db, 1, () -> assertEquals(List.of("b", "c"),
                books().filter(BookQuery.id().in(keys)).orderBy(BookQuery.title().asc())
                        .valuesList(BookQuery.title()).list()));
    }

    @Test
    void largeInListsOfTextDatesAndDecimalsMatchExactly() {
        Book priced = book("Priced");
        priced.price = new BigDecimal("12.50");
        priced.published = LocalDate.of(2001, 2, 3);
        db.save(priced);
        db.save(book("Other"));
        List<String> titles = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            titles.add("title " + i);
            dates.add(LocalDate.of(1900, 1, 1).plusDays(i));
            prices.add(new BigDecimal(i + ".25"));
        }
        titles.add("Priced");
        titles.add("priced"); // case-sensitive everywhere
        dates.add(LocalDate.of(2001, 2, 3));
        prices.add(new BigDecimal("12.5"));
        assertEquals(List.of("Priced"), books().filter(BookQuery.title().in(titles)).valuesList(BookQuery.title()).list());
        assertEquals(List.of("Priced"), books().filter(BookQuery.published().in(dates)).valuesList(BookQuery.title()).list());
        assertEquals(List.of("Priced"), books().filter(BookQuery.price().in(prices)).valuesList(BookQuery.title()).list());
    }

    @Test
    void largeInListsOfFloatsMatchTheStoredFloats() {
        AllTypes row = Fixtures.allTypes();
        row.floatValue = 0.1f;
        db.save(row);
        List<Float> floats = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            floats.add(1000f + i);
        }
        floats.add(0.1f);
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.floatValue().in(floats)).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.floatValue().in(0.1f, 0.2f)).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.floatValue().eq(0.1f)).count());
    }

    @Test
    void exactIsCaseAndTrailingSpaceSensitiveEverywhere() {
        db.save(book("Dune"));
        assertEquals(1, books().filter(BookQuery.title().eq("Dune")).count());
        assertEquals(0, books().filter(BookQuery.title().eq("dune")).count());
        assertEquals(0, books().filter(BookQuery.title().eq("Dune ")).count());
        assertEquals(1, books().filter(BookQuery.title().iexact("dUNE")).count());
        assertEquals(0, books().filter(BookQuery.title().contains("dun")).count());
        assertEquals(1, books().filter(BookQuery.title().icontains("dun")).count());
    }

    @Test
    void nullsFirstAndLastWhateverTheDatabaseDefault() {
        Book cheap = book("cheap");
        cheap.price = new BigDecimal("1.00");
        Book dear = book("dear");
        dear.price = new BigDecimal("9.00");
        books().bulkCreate(List.of(cheap, book("unpriced"), dear));
        assertEquals(List.of("unpriced", "cheap", "dear"), titles(BookQuery.price().asc().nullsFirst()));
        assertEquals(List.of("cheap", "dear", "unpriced"), titles(BookQuery.price().asc().nullsLast()));
        assertEquals(List.of("unpriced", "dear", "cheap"), titles(BookQuery.price().desc().nullsFirst()));
        assertEquals(List.of("dear", "cheap", "unpriced"), titles(BookQuery.price().desc().nullsLast()));
    }

    @Test
    void integerDivisionTruncatesAndDecimalDivisionDoesNot() {
        db.save(book("seven", 7));
        assertEquals(List.of(3), books().valuesList(BookQuery.pages().dividedBy(2)).list());
        Book priced = books().get();
        priced.price = new BigDecimal("7.00");
        db.save(priced);
        assertEquals(1, books().filter(BookQuery.price().dividedBy(2).eq(new BigDecimal("3.5"))).count());
    }

    @Test
    void offsetWithoutLimit() {
        books().bulkCreate(List.of(book("a"), book("b"), book("c")));
        assertEquals(List.of("b", "c"), books().orderBy(BookQuery.title().asc()).offset(1)
                .valuesList(BookQuery.title()).list());
    }

    @Test
    void streamingReadsEveryRowAndLeavesTheDatabaseUsable() {
        List<Book> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(book("book " + i, i));
        }
        books().bulkCreate(many);
        try (Stream<Book> stream = books().orderBy(BookQuery.pages().asc()).stream()) {
            assertEquals(2_000, stream.count());
        }
        // The stream's connection went back in autocommit mode: a write after it is visible right away.
        db.save(book("after", 1));
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertEquals(2_001, books().count());
            assertEquals(1, queries.count());
        }
    }

    private List<String> titles(Ordering<Book> ordering) {
        return books().orderBy(ordering).valuesList(BookQuery.title()).list();
    }

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }
}
