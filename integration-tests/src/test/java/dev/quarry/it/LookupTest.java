package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.AllTypes;
import dev.quarry.it.model.AllTypesQuery;
import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.Item;
import dev.quarry.it.model.ItemQuery;
import dev.quarry.it.model.Status;
import dev.quarry.query.Condition;
import dev.quarry.query.Q;
import dev.quarry.query.QuerySet;
import dev.quarry.testing.CapturedQueries;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every lookup, with the rows it must match (and only those). */
class LookupTest extends DatabaseTest {

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }

    /** The titles of the query set's rows, sorted in Java (so no database collation is involved). */
    private static List<String> titles(QuerySet<Book> books) {
        return books.valuesList(BookQuery.title()).list().stream().sorted().toList();
    }

    private List<String> titlesWhere(Condition<Book> condition) {
        return titles(books().filter(condition));
    }

    private List<String> titlesExcluding(Condition<Book> condition) {
        return titles(books().exclude(condition));
    }

    private List<String> itemsWhere(Condition<Item> condition) {
        return ItemQuery.objects(db).filter(condition).valuesList(ItemQuery.name()).list().stream().sorted().toList();
    }

    private List<String> itemsExcluding(Condition<Item> condition) {
        return ItemQuery.objects(db).exclude(condition).valuesList(ItemQuery.name()).list().stream().sorted()
                .toList();
    }

    private Book save(String title, int pages, Double rating, String isbn) {
        Book book = book(title, pages);
        book.rating = rating;
        book.isbn = isbn;
        return db.save(book);
    }

    private void saveTitles(String... titles) {
        for (String title : titles) {
            db.save(book(title));
        }
    }

    // ---- exact, ne, iexact ---------------------------------------------------------------------------------------

    @Test
    void eqMatchesTheExactValueOnly() {
        saveTitles("Dune", "dune", "Dune Messiah", "Dune ");
        assertEquals(List.of("Dune"), titlesWhere(BookQuery.title().eq("Dune")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().eq("Dun")));
    }

    @Test
    void eqOnNumbersEnumsAndDates() {
        Book a = save("A", 100, 4.5, null);
        Book b = save("B", 200, null, null);
        b.status = Status.PUBLISHED;
        b.published = LocalDate.of(1999, 9, 9);
        db.save(b);
        assertEquals(List.of("B"), titlesWhere(BookQuery.pages().eq(200)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.rating().eq(4.5)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.status().eq(Status.PUBLISHED)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.status().eq(Status.DRAFT)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.published().eq(LocalDate.of(1999, 9, 9))));
        assertEquals(List.of("A"), titlesWhere(BookQuery.id().eq(a.id)));
    }

    @Test
    void eqWithANullVariableMeansIsNull() {
        save("No ISBN", 100, null, null);
        save("With ISBN", 100, 3.0, "978-0");
        String noIsbn = null;
        Double noRating = null;
        assertEquals(List.of("No ISBN"), titlesWhere(BookQuery.isbn().eq(noIsbn)));
        assertEquals(List.of("No ISBN"), titlesWhere(BookQuery.rating().eq(noRating)));
        assertTrue(books().filter(BookQuery.isbn().eq(noIsbn)).sql().endsWith(" IS NULL"),
                books().filter(BookQuery.isbn().eq(noIsbn)).sql());
        // and ne(null) is IS NOT NULL
        assertEquals(List.of("With ISBN"), titlesWhere(BookQuery.isbn().ne(noIsbn)));
    }

    @Test
    void neExcludesTheValueAndNullRows() {
        save("A", 100, 4.0, null);
        save("B", 200, 2.0, null);
        save("C", 300, null, null);
        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.pages().ne(100)));
        // documented: rows where the value is NULL do not match ne(x) (SQL semantics)
        assertEquals(List.of("B"), titlesWhere(BookQuery.rating().ne(4.0)));
        // the negation of eq keeps them, as Django's ~Q(rating=4)
        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.rating().eq(4.0).negate()));
    }

    @Test
    void iexactIgnoresCaseAndTreatsWildcardsLiterally() {
        saveTitles("The Hobbit", "the hobbit", "The Hobbit II", "The_Hobbit", "TheXHobbit", "100%", "1000");
        assertEquals(List.of("The Hobbit", "the hobbit"), titlesWhere(BookQuery.title().iexact("THE HOBBIT")));
        assertEquals(List.of("The_Hobbit"), titlesWhere(BookQuery.title().iexact("the_hobbit")));
        assertEquals(List.of("100%"), titlesWhere(BookQuery.title().iexact("100%")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().iexact("the%")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().iexact("THE HOBBIT ")));
    }

    @Test
    void iexactNullMeansIsNull() {
        save("No ISBN", 100, null, null);
        save("With ISBN", 100, null, "abc");
        assertEquals(List.of("No ISBN"), titlesWhere(BookQuery.isbn().iexact(null)));
        assertEquals(List.of("With ISBN"), titlesWhere(BookQuery.isbn().iexact("ABC")));
    }

    // ---- text lookups with wildcards in the data and the argument --------------------------------------------------

    private void saveWildcardTitles() {
        saveTitles("100% pure", "100 pure", "1000 pure", "a_b", "axb", "back\\slash", "backslash", "Back\\Slash",
                "50%", "50x");
    }

    @Test
    void containsMatchesPercentUnderscoreAndBackslashLiterally() {
        saveWildcardTitles();
        assertEquals(List.of("100% pure", "50%"), titlesWhere(BookQuery.title().contains("%")));
        assertEquals(List.of("100% pure", "50%"), titlesWhere(BookQuery.title().contains("0%")));
        assertEquals(List.of("a_b"), titlesWhere(BookQuery.title().contains("_")));
        assertEquals(List.of("Back\\Slash", "back\\slash"), titlesWhere(BookQuery.title().contains("\\")));
        assertEquals(List.of("back\\slash"), titlesWhere(BookQuery.title().contains("k\\s")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().contains("%%")));
        assertEquals(List.of("100 pure", "100% pure", "1000 pure"), titlesWhere(BookQuery.title().contains("pure")));
        assertEquals(10, books().filter(BookQuery.title().contains("")).count());
    }

    @Test
    void icontainsIgnoresCaseAndMatchesWildcardsLiterally() {
        saveWildcardTitles();
        assertEquals(List.of("100 pure", "100% pure", "1000 pure"), titlesWhere(BookQuery.title().icontains("PURE")));
        assertEquals(List.of("100% pure"), titlesWhere(BookQuery.title().icontains("0% PURE")));
        assertEquals(List.of("Back\\Slash", "back\\slash"), titlesWhere(BookQuery.title().icontains("K\\S")));
        assertEquals(List.of("a_b"), titlesWhere(BookQuery.title().icontains("A_B")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().icontains("_%_")));
    }

    @Test
    void startsWithAndIstartsWith() {
        saveWildcardTitles();
        assertEquals(List.of("100% pure"), titlesWhere(BookQuery.title().startsWith("100%")));
        assertEquals(List.of("a_b"), titlesWhere(BookQuery.title().startsWith("a_")));
        assertEquals(List.of("Back\\Slash"), titlesWhere(BookQuery.title().startsWith("Back")));
        assertEquals(List.of("back\\slash"), titlesWhere(BookQuery.title().startsWith("back\\")));
        assertEquals(List.of("Back\\Slash", "back\\slash"), titlesWhere(BookQuery.title().istartsWith("BACK\\")));
        assertEquals(List.of("Back\\Slash", "back\\slash", "backslash"),
                titlesWhere(BookQuery.title().istartsWith("back")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().istartsWith("%")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().startsWith("_")));
    }

    @Test
    void endsWithAndIendsWith() {
        saveWildcardTitles();
        assertEquals(List.of("50%"), titlesWhere(BookQuery.title().endsWith("%")));
        assertEquals(List.of("a_b"), titlesWhere(BookQuery.title().endsWith("_b")));
        assertEquals(List.of("back\\slash"), titlesWhere(BookQuery.title().endsWith("\\slash")));
        assertEquals(List.of("Back\\Slash", "back\\slash"), titlesWhere(BookQuery.title().iendsWith("\\SLASH")));
        assertEquals(List.of("Back\\Slash", "back\\slash", "backslash"),
                titlesWhere(BookQuery.title().iendsWith("SLASH")));
        assertEquals(List.of(), titlesWhere(BookQuery.title().iendsWith("_")));
    }

    @Test
    void textLookupsOnANullableColumnNeverMatchNull() {
        save("A", 100, null, "978-1");
        save("B", 100, null, "979-1");
        save("C", 100, null, null);
        assertEquals(List.of("A"), titlesWhere(BookQuery.isbn().startsWith("978")));
        // exclude keeps the NULL row (Django)
        assertEquals(List.of("B", "C"), titlesExcluding(BookQuery.isbn().startsWith("978")));
    }

    // ---- in ------------------------------------------------------------------------------------------------------

    @Test
    void inMatchesAnyListedValue() {
        save("A", 100, 1.0, null);
        save("B", 200, 2.0, null);
        save("C", 300, null, null);
        assertEquals(List.of("A", "C"), titlesWhere(BookQuery.pages().in(List.of(100, 300))));
        assertEquals(List.of("A", "C"), titlesWhere(BookQuery.pages().in(100, 300, 999)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.title().in("B", "Z")));
        assertEquals(List.of("A", "B", "C"), titlesWhere(BookQuery.status().in(Status.DRAFT, Status.PUBLISHED)));
        assertEquals(List.of("C"), titlesExcluding(BookQuery.pages().in(100, 200)));
        // exclude(rating IN (1, 2)) keeps the NULL rating (Django)
        assertEquals(List.of("C"), titlesExcluding(BookQuery.rating().in(1.0, 2.0)));
    }

    @Test
    void inWithAnEmptyListMatchesNothingWithoutAQuery() {
        save("A", 100, null, null);
        QuerySet<Book> none = books().filter(BookQuery.pages().in(List.of()));
        assertNumQueries(db, 0, () -> {
            assertEquals(List.of(), none.list());
            assertEquals(0, none.count());
            assertFalse(none.exists());
            assertTrue(none.first().isEmpty());
            assertEquals(List.of(), none.valuesList(BookQuery.title()).list());
            assertEquals(0, none.update(BookQuery.pages().set(1)));
            assertEquals(0, none.delete());
            // ANDed with anything it still matches nothing
            assertEquals(List.of(), books().filter(Q.and(BookQuery.title().eq("A"), BookQuery.pages().in(List.of())))
                    .list());
            assertEquals(List.of(), books().filter(BookQuery.title().eq("A")).filter(BookQuery.rating().in(List.of()))
                    .list());
        });
        assertEquals(1, books().count());
    }

    @Test
    void emptyInUnderOrIsFalseAndUnderNotIsTrue() {
        save("A", 100, null, null);
        save("B", 200, 2.0, null);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertEquals(List.of("A"), titlesWhere(Q.or(BookQuery.pages().in(List.of()), BookQuery.title().eq("A"))));
            assertEquals(1, queries.count(), queries.sql().toString());
        }
        assertEquals(List.of(), titlesWhere(Q.or(BookQuery.pages().in(List.of()), BookQuery.title().in(List.of()))));
        assertEquals(List.of("A", "B"), titlesWhere(Q.not(BookQuery.pages().in(List.of()))));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.rating().in(List.of()).negate()));
        assertEquals(List.of("A", "B"), titlesExcluding(BookQuery.rating().in(List.of())));
        assertEquals(List.of("B"), titlesExcluding(Q.or(BookQuery.pages().in(List.of()), BookQuery.title().eq("A"))));
        assertEquals(List.of("A"), titlesWhere(Q.and(Q.not(BookQuery.pages().in(List.of())),
                BookQuery.pages().lt(150))));
    }

    // ---- comparisons and ranges ------------------------------------------------------------------------------------

    @Test
    void gtGteLtLte() {
        Book a = save("A", 100, null, null);
        a.price = new BigDecimal("9.99");
        a.published = LocalDate.of(2000, 1, 1);
        db.save(a);
        Book b = save("B", 200, null, null);
        b.price = new BigDecimal("10.00");
        b.published = LocalDate.of(2010, 1, 1);
        db.save(b);
        save("C", 300, null, null);

        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.pages().gt(100)));
        assertEquals(List.of("A", "B", "C"), titlesWhere(BookQuery.pages().gte(100)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.pages().lt(200)));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.pages().lte(200)));

        assertEquals(List.of("B"), titlesWhere(BookQuery.price().gt(new BigDecimal("9.99"))));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.price().gte(new BigDecimal("9.99"))));
        assertEquals(List.of("A"), titlesWhere(BookQuery.price().lt(new BigDecimal("10"))));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.price().lte(new BigDecimal("10"))));

        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.published().gt(LocalDate.of(2000, 1, 1))));
        assertEquals(List.of("A"), titlesWhere(BookQuery.published().lt(LocalDate.of(2010, 1, 1))));

        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.title().gt("A")));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.title().lte("B")));
    }

    @Test
    void betweenIncludesBothEnds() {
        save("A", 100, 1.0, null);
        save("B", 150, 2.5, null);
        save("C", 200, 4.0, null);
        save("D", 201, null, null);
        assertEquals(List.of("A", "B", "C"), titlesWhere(BookQuery.pages().between(100, 200)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.pages().between(101, 199)));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.rating().between(1.0, 2.5)));
        assertEquals(List.of(), titlesWhere(BookQuery.pages().between(300, 100)));
        assertEquals(List.of("D"), titlesExcluding(BookQuery.pages().between(100, 200)));
        // NOT BETWEEN keeps NULL ratings (Django)
        assertEquals(List.of("C", "D"), titlesExcluding(BookQuery.rating().between(1.0, 2.5)));
    }

    @Test
    void isNullIsNotNullAndIsNullBoolean() {
        save("A", 100, 1.0, null);
        save("B", 100, null, null);
        assertEquals(List.of("B"), titlesWhere(BookQuery.rating().isNull()));
        assertEquals(List.of("A"), titlesWhere(BookQuery.rating().isNotNull()));
        assertEquals(List.of("B"), titlesWhere(BookQuery.rating().isNull(true)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.rating().isNull(false)));
        assertEquals(List.of("A"), titlesExcluding(BookQuery.rating().isNull()));
        assertEquals(List.of("A", "B"), titlesWhere(BookQuery.price().isNull()));
        assertEquals(List.of(), titlesWhere(BookQuery.title().isNull()));
    }

    // ---- date and time parts ---------------------------------------------------------------------------------------

    private void saveDated(String title, LocalDate published) {
        Book book = book(title);
        book.published = published;
        db.save(book);
    }

    @Test
    void datePartsOfALocalDate() {
        saveDated("A", LocalDate.of(2019, 12, 31)); // Tuesday, Q4
        saveDated("B", LocalDate.of(2020, 2, 29));  // Saturday, Q1
        saveDated("C", LocalDate.of(2020, 5, 10));  // Sunday, Q2
        saveDated("D", LocalDate.of(2021, 7, 5));   // Monday, Q3

        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.published().year().eq(2020)));
        assertEquals(List.of("C", "D"), titlesWhere(BookQuery.published().year().gte(2020)
                .and(BookQuery.published().month().gte(5))));
        assertEquals(List.of("A", "B", "C"), titlesWhere(BookQuery.published().year().between(2019, 2020)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.published().quarter().eq(4)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.published().quarter().eq(1)));
        assertEquals(List.of("C"), titlesWhere(BookQuery.published().quarter().eq(2)));
        assertEquals(List.of("D"), titlesWhere(BookQuery.published().quarter().eq(3)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.published().month().eq(2)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.published().month().eq(12)));
        assertEquals(List.of("A"), titlesWhere(BookQuery.published().day().eq(31)));
        assertEquals(List.of("B"), titlesWhere(BookQuery.published().day().eq(29)));
        assertEquals(List.of("D"), titlesWhere(BookQuery.published().day().lt(10)));
    }

    @Test
    void weekDayCountsLikeDjangoSundayIsOne() {
        LocalDate monday = LocalDate.of(2024, 3, 11);
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            saveDated(date.getDayOfWeek().name(), date);
        }
        assertEquals(List.of("SUNDAY"), titlesWhere(BookQuery.published().weekDay().eq(1)));
        assertEquals(List.of("MONDAY"), titlesWhere(BookQuery.published().weekDay().eq(2)));
        assertEquals(List.of("TUESDAY"), titlesWhere(BookQuery.published().weekDay().eq(3)));
        assertEquals(List.of("SATURDAY"), titlesWhere(BookQuery.published().weekDay().eq(7)));
        for (DayOfWeek day : DayOfWeek.values()) {
            int django = day.getValue() % 7 + 1;
            assertEquals(List.of(day.name()), titlesWhere(BookQuery.published().weekDay().eq(django)), day.name());
        }
        assertEquals(List.of("FRIDAY", "SATURDAY", "THURSDAY"),
                titlesWhere(BookQuery.published().weekDay().gte(5)));
    }

    private AllTypes saveTimed(String label, LocalDateTime dateTime, LocalTime time) {
        AllTypes row = Fixtures.allTypes();
        row.varcharValue = label;
        row.dateTime = dateTime;
        row.time = time;
        return db.save(row);
    }

    private List<String> labelsWhere(Condition<AllTypes> condition) {
        return AllTypesQuery.objects(db).filter(condition).valuesList(AllTypesQuery.varcharValue()).list().stream()
                .sorted().toList();
    }

    @Test
    void hourMinuteSecondOfALocalDateTime() {
        saveTimed("late", LocalDateTime.of(2024, 3, 10, 23, 45, 59, 999_000_000), LocalTime.of(1, 1, 1));
        saveTimed("early", LocalDateTime.of(2024, 3, 11, 0, 5, 7), LocalTime.of(1, 1, 1));
        assertEquals(List.of("late"), labelsWhere(AllTypesQuery.dateTime().hour().eq(23)));
        assertEquals(List.of("early"), labelsWhere(AllTypesQuery.dateTime().hour().eq(0)));
        assertEquals(List.of("late"), labelsWhere(AllTypesQuery.dateTime().minute().eq(45)));
        assertEquals(List.of("early"), labelsWhere(AllTypesQuery.dateTime().minute().lt(10)));
        // whole seconds: 59.999 is second 59, not 60
        assertEquals(List.of("late"), labelsWhere(AllTypesQuery.dateTime().second().eq(59)));
        assertEquals(List.of("early"), labelsWhere(AllTypesQuery.dateTime().second().eq(7)));
        assertEquals(List.of("late"), labelsWhere(AllTypesQuery.dateTime().day().eq(10)));
        assertEquals(List.of("early"), labelsWhere(AllTypesQuery.dateTime().weekDay().eq(2)));
        assertEquals(List.of("early", "late"), labelsWhere(AllTypesQuery.dateTime().year().eq(2024)));
    }

    @Test
    void hourMinuteSecondOfALocalTime() {
        LocalDateTime anyDay = LocalDateTime.of(2000, 1, 1, 0, 0);
        saveTimed("evening", anyDay, LocalTime.of(23, 45, 59));
        saveTimed("morning", anyDay, LocalTime.of(8, 5, 7));
        assertEquals(List.of("evening"), labelsWhere(AllTypesQuery.time().hour().eq(23)));
        assertEquals(List.of("morning"), labelsWhere(AllTypesQuery.time().hour().lt(12)));
        assertEquals(List.of("morning"), labelsWhere(AllTypesQuery.time().minute().eq(5)));
        assertEquals(List.of("evening"), labelsWhere(AllTypesQuery.time().second().eq(59)));
        assertEquals(List.of("morning"), labelsWhere(AllTypesQuery.time().second().eq(7)));
        assertEquals(List.of("evening"), labelsWhere(AllTypesQuery.time().gt(LocalTime.NOON)));
    }

    @Test
    void datePartsOfInstantsAndOffsetDateTimesAreTakenAtUtc() {
        AllTypes row = Fixtures.allTypes();
        row.varcharValue = "row";
        row.instant = Instant.parse("2024-03-10T23:30:00Z");
        // 01:30 on the 11th at +02:00 is 23:30 on the 10th at UTC
        row.offsetDateTime = OffsetDateTime.of(2024, 3, 11, 1, 30, 0, 0, ZoneOffset.ofHours(2));
        db.save(row);
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.instant().hour().eq(23)));
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.instant().day().eq(10)));
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.offsetDateTime().hour().eq(23)));
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.offsetDateTime().day().eq(10)));
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.offsetDateTime().minute().eq(30)));
        // comparisons are by instant, whatever the offset of the argument
        assertEquals(List.of("row"), labelsWhere(AllTypesQuery.offsetDateTime()
                .eq(OffsetDateTime.parse("2024-03-10T18:30:00-05:00"))));
        assertEquals(List.of(), labelsWhere(AllTypesQuery.offsetDateTime()
                .gt(OffsetDateTime.parse("2024-03-10T23:30:00Z"))));
    }

    // ---- F: column-to-column comparisons and arithmetic -----------------------------------------------------------

    private void saveItems() {
        db.save(new Item("a", "10.00", "4.00", 5, 5));
        db.save(new Item("b", "10.00", "6.00", 8, 2));
        db.save(new Item("c", "3.00", null, 1, 4));
    }

    @Test
    void columnToColumnComparisons() {
        saveItems();
        assertEquals(List.of("a"), itemsWhere(ItemQuery.quantity().eq(ItemQuery.reserved())));
        assertEquals(List.of("b", "c"), itemsWhere(ItemQuery.quantity().ne(ItemQuery.reserved())));
        assertEquals(List.of("b"), itemsWhere(ItemQuery.quantity().gt(ItemQuery.reserved())));
        assertEquals(List.of("a", "b"), itemsWhere(ItemQuery.quantity().gte(ItemQuery.reserved())));
        assertEquals(List.of("c"), itemsWhere(ItemQuery.quantity().lt(ItemQuery.reserved())));
        assertEquals(List.of("a", "c"), itemsWhere(ItemQuery.quantity().lte(ItemQuery.reserved())));
        assertEquals(List.of("a", "b"), itemsWhere(ItemQuery.price().gt(ItemQuery.cost())));
        assertEquals(List.of("a", "b"), itemsWhere(ItemQuery.cost().eq(ItemQuery.cost())));
    }

    @Test
    void arithmeticInComparisons() {
        saveItems();
        assertEquals(List.of("a"), itemsWhere(ItemQuery.price().gt(ItemQuery.cost().times(2))));
        assertEquals(List.of("b"), itemsWhere(ItemQuery.price().lt(ItemQuery.cost().plus(new BigDecimal("5")))));
        assertEquals(List.of("a"), itemsWhere(ItemQuery.price().minus(ItemQuery.cost()).gt(new BigDecimal("5"))));
        assertEquals(List.of("b"), itemsWhere(ItemQuery.quantity().minus(ItemQuery.reserved()).gte(3)));
        assertEquals(List.of("a", "b"), itemsWhere(ItemQuery.quantity().plus(ItemQuery.reserved()).eq(10)));
        assertEquals(List.of("b"), itemsWhere(ItemQuery.quantity().times(2).gt(ItemQuery.reserved().plus(6))));
        assertEquals(List.of("c"), itemsWhere(ItemQuery.price().dividedBy(3).eq(new BigDecimal("1"))));
        // integer division for integer operands
        assertEquals(List.of("a"), itemsWhere(ItemQuery.quantity().dividedBy(2).eq(2)));
        assertEquals(List.of("a", "b"), itemsWhere(ItemQuery.quantity().times(ItemQuery.reserved()).between(16, 25)));
    }

    @Test
    void excludeWithArithmeticOnANullableColumnKeepsNullRows() {
        saveItems();
        assertEquals(List.of("b", "c"), itemsExcluding(ItemQuery.price().gt(ItemQuery.cost().times(2))));
        assertEquals(List.of("b", "c"), itemsExcluding(ItemQuery.price().minus(ItemQuery.cost())
                .gt(new BigDecimal("5"))));
        assertEquals(List.of("c"), itemsExcluding(ItemQuery.price().gt(ItemQuery.cost())));
    }

    // ---- Q, and, or, not, negate ---------------------------------------------------------------------------------

    private void saveForCombinations() {
        save("A", 100, 5.0, null);
        save("B", 200, 2.0, null);
        save("C", 300, null, null);
        save("D", 400, 4.0, null);
    }

    @Test
    void qAndOrNotCombinations() {
        saveForCombinations();
        assertEquals(List.of("B"), titlesWhere(Q.and(BookQuery.pages().gt(100), BookQuery.pages().lt(300))));
        assertEquals(List.of("A", "C", "D"), titlesWhere(Q.or(BookQuery.pages().eq(100), BookQuery.pages().eq(300),
                BookQuery.title().eq("D"))));
        assertEquals(List.of("B", "C", "D"), titlesWhere(Q.not(BookQuery.title().eq("A"))));
        assertEquals(List.of("A", "D"), titlesWhere(Q.not(Q.or(BookQuery.title().eq("B"), BookQuery.title().eq("C")))));
        assertEquals(List.of("A", "C"), titlesWhere(Q.or(Q.and(BookQuery.pages().lt(200), BookQuery.rating().gt(4.5)),
                Q.and(BookQuery.pages().gt(200), BookQuery.rating().isNull()))));
        assertEquals(List.of("A", "B", "D"), titlesWhere(BookQuery.pages().gt(150).and(BookQuery.pages().lt(250))
                .or(BookQuery.rating().gte(4.0))));
        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.pages().between(150, 350).and(
                BookQuery.title().ne("D"))));
        assertEquals(List.of("C", "D"), titlesWhere(BookQuery.pages().lte(200).negate()));
        // filter(a, b) and chained filters are ANDed
        assertEquals(List.of("D"), titles(books().filter(BookQuery.pages().gt(200), BookQuery.rating().isNotNull())));
        assertEquals(List.of("D"), titles(books().filter(BookQuery.pages().gt(200))
                .filter(BookQuery.rating().isNotNull())));
    }

    @Test
    void excludeOfSeveralConditionsIsNotOfTheirConjunction() {
        saveForCombinations();
        // NOT (pages > 150 AND rating > 3): only D has both
        assertEquals(List.of("A", "B", "C"), titles(books().exclude(BookQuery.pages().gt(150),
                BookQuery.rating().gt(3.0))));
        // whereas two excludes remove either
        assertEquals(List.of("A"), titles(books().exclude(BookQuery.pages().gt(150))
                .exclude(BookQuery.rating().lt(3.0))));
    }

    @Test
    void excludeOnANullableColumnKeepsNullRowsAsInDjango() {
        saveForCombinations();
        assertEquals(List.of("B", "C"), titlesExcluding(BookQuery.rating().gt(3.0)));
        assertEquals(List.of("B", "C"), titlesWhere(Q.not(BookQuery.rating().gt(3.0))));
        assertEquals(List.of("B", "C"), titlesWhere(BookQuery.rating().gt(3.0).negate()));
        assertEquals(List.of("A", "C", "D"), titlesExcluding(BookQuery.rating().lte(3.0)));
        assertEquals(List.of("A", "C", "D"), titlesExcluding(BookQuery.rating().eq(2.0)));
        // a plain filter never matches NULL
        assertEquals(List.of("B"), titlesWhere(BookQuery.rating().lte(3.0)));
        // double negation is the filter again
        assertEquals(List.of("A", "D"), titlesExcluding(Q.not(BookQuery.rating().gt(3.0))));
        // exclude(Q.or(...)) with a nullable column: NOT (rating > 4.5 OR pages = 200)
        assertEquals(List.of("C", "D"), titlesExcluding(Q.or(BookQuery.rating().gt(4.5), BookQuery.pages().eq(200))));
    }
}
