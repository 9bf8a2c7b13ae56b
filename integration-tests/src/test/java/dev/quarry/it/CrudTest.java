package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.DatabaseException;
import dev.quarry.IntegrityException;
import dev.quarry.ObjectDoesNotExistException;
import dev.quarry.QuarryException;
import dev.quarry.exec.ExecutedQuery;
import dev.quarry.exec.QueryListener;
import dev.quarry.it.model.AllTypes;
import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.CountryQuery;
import dev.quarry.it.model.Marker;
import dev.quarry.it.model.MarkerQuery;
import dev.quarry.it.model.Settings;
import dev.quarry.it.model.SettingsQuery;
import dev.quarry.it.model.Status;
import dev.quarry.it.model.Token;
import dev.quarry.it.model.TokenQuery;
import dev.quarry.query.GetOrCreateResult;
import dev.quarry.query.Q;
import dev.quarry.query.QuerySet;
import dev.quarry.testing.CapturedQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** save/insert/update/delete, query-set writes, bulkCreate, getOrCreate/updateOrCreate and transactions. */
class CrudTest extends DatabaseTest {

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }

    private Book reload(Book book) {
        return books().get(BookQuery.id().eq(book.id));
    }

    // ---- save, insert, update, delete ------------------------------------------------------------------------------

    @Test
    void saveInsertsAndSetsTheGeneratedKey() {
        Book first = book("First");
        assertNull(first.id);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            assertSame(first, db.save(first));
            assertEquals(1, queries.count(), queries.sql().toString());
            assertTrue(queries.sql().get(0).startsWith("INSERT INTO "), queries.sql().get(0));
        }
        assertNotNull(first.id);
        Book second = db.save(book("Second"));
        assertNotNull(second.id);
        assertNotEquals(first.id, second.id);
        assertEquals("First", reload(first).title);
        assertEquals("Second", reload(second).title);
        assertEquals(2, books().count());
    }

    @Test
    void saveOfASavedObjectUpdatesIt() {
        Book book = db.save(book("Draft title"));
        Long id = book.id;
        book.title = "Final title";
        book.pages = 999;
        book.price = new BigDecimal("5.00");
        book.setAvailable(true);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            db.save(book);
            assertEquals(1, queries.count(), queries.sql().toString());
            assertTrue(queries.sql().get(0).startsWith("UPDATE "), queries.sql().get(0));
        }
        assertEquals(id, book.id);
        Book read = reload(book);
        assertEquals("Final title", read.title);
        assertEquals(999, read.pages);
        assertEquals(new BigDecimal("5.00"), read.price);
        assertTrue(read.isAvailable());
        assertEquals(1, books().count());
    }

    @Test
    void saveWithAKeyThatHasNoRowInsertsAsDjangoDoes() {
        Book book = book("Explicit key");
        book.id = 1_000_000L;
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            db.save(book);
            assertEquals(2, queries.count(), "UPDATE (no row) then INSERT: " + queries.sql());
            assertTrue(queries.sql().get(0).startsWith("UPDATE "));
            assertTrue(queries.sql().get(1).startsWith("INSERT INTO "));
        }
        assertEquals(1_000_000L, book.id);
        assertEquals(Status.DRAFT, book.status, "defaults applied although the UPDATE came first");
        Book read = books().get(BookQuery.id().eq(1_000_000L));
        assertEquals("Explicit key", read.title);
        assertEquals(Status.DRAFT, read.status);
    }

    @Test
    void insertAlwaysInsertsAndUpdateAlwaysUpdates() {
        Book book = db.insert(book("Inserted"));
        assertNotNull(book.id);
        // insert with the key of an existing row violates the primary key
        assertThrows(IntegrityException.class, () -> db.insert(book));
        book.title = "Updated";
        assertSame(book, db.update(book));
        assertEquals("Updated", reload(book).title);

        Book missing = book("Missing");
        missing.id = 2_000_000L;
        missing.status = Status.DRAFT;
        ObjectDoesNotExistException e = assertThrows(ObjectDoesNotExistException.class, () -> db.update(missing));
        assertTrue(e.getMessage().contains("Book"), e.getMessage());
        assertEquals(1, books().count());
        assertThrows(QuarryException.class, () -> db.update(book("never saved")));
    }

    @Test
    void deleteRemovesTheRowAndClearsTheKey() {
        Book keep = db.save(book("Keep"));
        Book book = db.save(book("Delete me"));
        assertTrue(db.delete(book));
        assertNull(book.id);
        assertEquals(List.of("Keep"), books().valuesList(BookQuery.title()).list());
        // saving it again inserts a new row
        db.save(book);
        assertNotNull(book.id);
        assertEquals(2, books().count());
        // deleting a row that is already gone reports false
        Book ghost = book("Ghost");
        ghost.id = 3_000_000L;
        assertFalse(db.delete(ghost));
        assertNull(ghost.id);
        QuarryException neverSaved = assertThrows(QuarryException.class, () -> db.delete(book("unsaved")));
        assertTrue(neverSaved.getMessage().contains("Book"), neverSaved.getMessage());
        assertNotNull(keep.id);
    }

    @Test
    void uuidKeyIsGeneratedByQuarry() {
        Token token = new Token("t1");
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            db.save(token);
            assertEquals(1, queries.count(), "a UUID key is generated in Java: one INSERT " + queries.sql());
        }
        assertNotNull(token.id);
        assertEquals(4, token.id.version());
        Token other = db.save(new Token("t2"));
        assertNotEquals(token.id, other.id);
        assertEquals("t1", TokenQuery.objects(db).get(TokenQuery.id().eq(token.id)).label);

        UUID chosen = UUID.fromString("123e4567-e89b-42d3-a456-426614174000");
        Token explicit = new Token("chosen");
        explicit.id = chosen;
        db.save(explicit);
        assertEquals(chosen, explicit.id);
        assertEquals("chosen", TokenQuery.objects(db).get(TokenQuery.id().eq(chosen)).label);
        explicit.label = "renamed";
        db.save(explicit);
        assertEquals(3, TokenQuery.objects(db).count());
        assertEquals("renamed", TokenQuery.objects(db).get(TokenQuery.id().eq(chosen)).label);
    }

    @Test
    void stringKeyMustBeSet() {
        Country country = new Country(null, "Nowhere");
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            QuarryException e = assertThrows(QuarryException.class, () -> db.save(country));
            assertTrue(e.getMessage().contains("Country.code"), e.getMessage());
            assertTrue(e.getMessage().contains("primary key"), e.getMessage());
            assertThrows(QuarryException.class, () -> db.insert(country));
            assertThrows(QuarryException.class, () -> CountryQuery.objects(db).bulkCreate(List.of(country)));
            assertEquals(0, queries.count(), queries.sql().toString());
        }
        Country france = db.save(new Country("FR", "France"));
        assertEquals("FR", france.code);
        france.name = "République française";
        db.save(france);
        assertEquals("République française", CountryQuery.objects(db).get(CountryQuery.code().eq("FR")).name);
        assertEquals(1, CountryQuery.objects(db).count());
        assertThrows(IntegrityException.class, () -> db.insert(new Country("FR", "again")));
    }

    @Test
    void keyOnlyModel() {
        Marker marker = db.save(new Marker());
        assertNotNull(marker.id);
        Marker another = db.save(new Marker());
        assertNotEquals(marker.id, another.id);
        assertEquals(2, MarkerQuery.objects(db).count());
        // saving an existing key-only row changes nothing and inserts nothing
        db.save(marker);
        assertEquals(2, MarkerQuery.objects(db).count());
        db.update(marker);
        Marker explicit = new Marker();
        explicit.id = 4_000_000L;
        db.save(explicit);
        assertEquals(3, MarkerQuery.objects(db).count());
        assertThrows(ObjectDoesNotExistException.class, () -> {
            Marker missing = new Marker();
            missing.id = 5_000_000L;
            db.update(missing);
        });
        assertTrue(db.delete(marker));
        assertEquals(2, MarkerQuery.objects(db).count());
        assertEquals(2, MarkerQuery.objects(db).bulkCreate(List.of(new Marker(), new Marker())).size());
        assertEquals(4, MarkerQuery.objects(db).count());
    }

    @Test
    void defaultsAreAppliedOnInsert() {
        Settings settings = db.save(new Settings());
        assertEquals(Boolean.TRUE, settings.enabled);
        assertEquals(5, settings.retries);
        assertEquals((short) 7, settings.level);
        assertEquals(9_000_000_000L, settings.quota);
        assertEquals(0L, settings.primitiveCounter, "a primitive is always written: the default is DDL only");
        assertEquals(1.5, settings.ratio);
        assertEquals(2.25f, settings.factor);
        assertEquals(new BigDecimal("9.99"), settings.fee);
        assertEquals("hello", settings.greeting);
        assertEquals("it's", settings.quoted);
        assertEquals(LocalDate.of(2024, 1, 31), settings.startDate);
        assertEquals(LocalTime.of(12, 30), settings.alarm);
        assertEquals(LocalDateTime.of(2024, 1, 31, 10, 15, 30), settings.since);
        assertEquals(AllTypes.Color.GREEN, settings.color);

        Settings read = SettingsQuery.objects(db).get(SettingsQuery.id().eq(settings.id));
        assertEquals(Boolean.TRUE, read.enabled);
        assertEquals(5, read.retries);
        assertEquals(0L, read.primitiveCounter);
        assertEquals(new BigDecimal("9.99"), read.fee);
        assertEquals("it's", read.quoted);
        assertEquals(LocalDateTime.of(2024, 1, 31, 10, 15, 30), read.since);
        assertEquals(AllTypes.Color.GREEN, read.color);

        // values that are set are kept
        Settings custom = new Settings();
        custom.enabled = false;
        custom.retries = 0;
        custom.greeting = "bye";
        custom.color = AllTypes.Color.BLUE;
        db.save(custom);
        Settings readCustom = SettingsQuery.objects(db).get(SettingsQuery.id().eq(custom.id));
        assertEquals(Boolean.FALSE, readCustom.enabled);
        assertEquals(0, readCustom.retries);
        assertEquals("bye", readCustom.greeting);
        assertEquals(AllTypes.Color.BLUE, readCustom.color);
        assertEquals(1.5, readCustom.ratio);

        // the enum default of Book
        Book book = db.save(book("Defaulted"));
        assertEquals(Status.DRAFT, book.status);
        assertEquals(Status.DRAFT, reload(book).status);
    }

    @Test
    void defaultsAreNotAppliedOnUpdate() {
        Settings settings = db.save(new Settings());
        settings.greeting = null;
        QuarryException e = assertThrows(QuarryException.class, () -> db.update(settings));
        assertTrue(e.getMessage().contains("Settings.greeting"), e.getMessage());
    }

    @Test
    void nullInANotNullColumnFailsBeforeAnySqlNamingTheField() {
        Book book = book(null);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            QuarryException e = assertThrows(QuarryException.class, () -> db.save(book));
            assertTrue(e.getMessage().contains("Book.title"), e.getMessage());
            assertFalse(e instanceof DatabaseException, "detected by Quarry, not by the database");
            Book noDate = book("No date");
            noDate.published = null;
            QuarryException date = assertThrows(QuarryException.class, () -> db.save(noDate));
            assertTrue(date.getMessage().contains("Book.published"), date.getMessage());
            AllTypes row = Fixtures.allTypes();
            row.boxedInt = null;
            QuarryException boxed = assertThrows(QuarryException.class, () -> db.save(row));
            assertTrue(boxed.getMessage().contains("AllTypes.boxedInt"), boxed.getMessage());
            assertEquals(0, queries.count(), queries.sql().toString());
        }
        assertEquals(0, books().count());

        Book saved = db.save(book("Saved"));
        saved.title = null;
        assertNumQueries(db, 0, () -> {
            QuarryException e = assertThrows(QuarryException.class, () -> db.save(saved));
            assertTrue(e.getMessage().contains("Book.title"), e.getMessage());
        });
        assertEquals("Saved", books().get().title);
    }

    @Test
    void uniqueViolationIsAnIntegrityException() {
        Book first = book("First");
        first.isbn = "978-0-00";
        db.save(first);
        Book second = book("Second");
        second.isbn = "978-0-00";
        IntegrityException e = assertThrows(IntegrityException.class, () -> db.save(second));
        assertNotNull(e.sql());
        assertTrue(e.sqlState().startsWith("23"), e.sqlState());
        assertNull(second.id);
        assertEquals(1, books().count());
        // NULLs do not collide
        db.save(book("No ISBN 1"));
        db.save(book("No ISBN 2"));
        assertEquals(3, books().count());
    }

    // ---- query-set update and delete -------------------------------------------------------------------------------

    private void saveForUpdates() {
        Book a = book("A", 100);
        a.price = new BigDecimal("10.00");
        db.save(a);
        Book b = book("B", 200);
        b.price = new BigDecimal("20.00");
        db.save(b);
        Book c = book("C", 300);
        db.save(c);
    }

    @Test
    void updateWithValuesReturnsTheCount() {
        saveForUpdates();
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            int changed = books().filter(BookQuery.pages().gte(200)).update(BookQuery.status().set(Status.PUBLISHED),
                    BookQuery.rating().set(4.5), BookQuery.title().set("Renamed"));
            assertEquals(2, changed);
            assertEquals(1, queries.count());
            assertTrue(queries.sql().get(0).startsWith("UPDATE "), queries.sql().get(0));
        }
        assertEquals(List.of("A"), books().filter(BookQuery.status().eq(Status.DRAFT)).valuesList(BookQuery.title())
                .list());
        assertEquals(2, books().filter(BookQuery.title().eq("Renamed"), BookQuery.rating().eq(4.5)).count());
        assertEquals(0, books().filter(BookQuery.pages().gt(1000)).update(BookQuery.pages().set(1)));
        assertEquals(3, books().update(BookQuery.isbn().setNull()));
        BigDecimal noPrice = null;
        assertEquals(3, books().update(BookQuery.price().set(noPrice)));
        assertEquals(3, books().filter(BookQuery.price().isNull()).count());
    }

    @Test
    void updateWithExpressions() {
        saveForUpdates();
        int changed = books().update(BookQuery.price().set(BookQuery.price().times(new BigDecimal("1.1"))));
        assertEquals(3, changed);
        assertEquals(new BigDecimal("11.00"), books().get(BookQuery.title().eq("A")).price);
        assertEquals(new BigDecimal("22.00"), books().get(BookQuery.title().eq("B")).price);
        assertNull(books().get(BookQuery.title().eq("C")).price, "NULL * 1.1 stays NULL");

        assertEquals(2, books().filter(BookQuery.pages().lt(300))
                .update(BookQuery.pages().set(BookQuery.pages().plus(1)), BookQuery.rating().set(2.0)));
        assertEquals(List.of(101, 201, 300), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.pages()).list());
        // a column set from another: pages = pages * 2 - pages
        books().update(BookQuery.pages().set(BookQuery.pages().times(2).minus(BookQuery.pages())));
        assertEquals(List.of(101, 201, 300), books().orderBy(BookQuery.title().asc())
                .valuesList(BookQuery.pages()).list());
    }

    @Test
    void updateOfThePrimaryKeyIsRefused() {
        saveForUpdates();
        assertThrows(QuarryException.class, () -> books().update(BookQuery.id().set(1L)));
        assertThrows(IllegalArgumentException.class, () -> books().update());
    }

    @Test
    void queryDeleteReturnsTheCount() {
        saveForUpdates();
        assertNumQueries(db, 1, () -> assertEquals(2, books().filter(BookQuery.pages().lt(300)).delete()));
        assertEquals(List.of("C"), books().valuesList(BookQuery.title()).list());
        assertEquals(0, books().filter(BookQuery.pages().lt(300)).delete());
        assertEquals(1, books().delete());
        assertEquals(0, books().count());
    }

    @Test
    void updateAndDeleteOfASlicedSetThrow() {
        saveForUpdates();
        QuerySet<Book> sliced = books().orderBy(BookQuery.title().asc()).limit(1);
        assertNumQueries(db, 0, () -> {
            QuarryException update = assertThrows(QuarryException.class,
                    () -> sliced.update(BookQuery.pages().set(1)));
            assertTrue(update.getMessage().contains("Book"), update.getMessage());
            assertThrows(QuarryException.class, () -> sliced.delete());
            assertThrows(QuarryException.class, () -> books().offset(1).delete());
        });
        assertEquals(3, books().count());
    }

    // ---- bulkCreate ------------------------------------------------------------------------------------------------

    private static List<Book> numbered(int count) {
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Book book = book("Bulk " + i, i);
            book.isbn = "isbn-" + i;
            books.add(book);
        }
        return books;
    }

    @Test
    void bulkCreateSetsGeneratedKeysWithOneBatchPerBatchSize() {
        List<Book> books = numbered(7);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            List<Book> created = books().bulkCreate(books, 3);
            assertSame(books.get(0), created.get(0));
            assertEquals(3, queries.count(), "ceil(7 / 3) batches: " + queries.sql());
            assertEquals(List.of(3, 3, 1), queries.queries().stream().map(q -> q.batchSize()).toList());
        }
        Set<Long> keys = new HashSet<>();
        for (Book book : books) {
            assertNotNull(book.id, book.title);
            keys.add(book.id);
            Book read = reload(book);
            assertEquals(book.title, read.title);
            assertEquals(book.isbn, read.isbn);
            assertEquals(Status.DRAFT, read.status, "defaults are applied in bulk too");
        }
        assertEquals(7, keys.size());
        assertEquals(7, books().count());
    }

    @Test
    void bulkCreateBatchCounts() {
        assertNumQueries(db, 1, () -> books().bulkCreate(numbered(5)));
        books().delete();
        assertNumQueries(db, 5, () -> books().bulkCreate(numbered(5), 1));
        books().delete();
        assertNumQueries(db, 1, () -> books().bulkCreate(numbered(5), 5));
        books().delete();
        assertNumQueries(db, 2, () -> books().bulkCreate(numbered(5), 4));
        books().delete();
        assertNumQueries(db, 0, () -> books().bulkCreate(List.of()));
        assertThrows(IllegalArgumentException.class, () -> books().bulkCreate(numbered(1), 0));
    }

    @Test
    void bulkCreateWithUuidAndStringKeys() {
        List<Token> tokens = List.of(new Token("a"), new Token("b"), new Token("c"));
        assertNumQueries(db, 1, () -> TokenQuery.objects(db).bulkCreate(tokens));
        assertEquals(3, tokens.stream().map(t -> t.id).distinct().count());
        assertEquals("b", TokenQuery.objects(db).get(TokenQuery.id().eq(tokens.get(1).id)).label);

        CountryQuery.objects(db).bulkCreate(List.of(new Country("DE", "Germany"), new Country("IT", "Italy")));
        assertEquals(List.of("DE", "IT"), CountryQuery.objects(db).orderBy(CountryQuery.code().asc())
                .valuesList(CountryQuery.code()).list());
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        List<Book> books = numbered(6);
        books.get(4).isbn = books.get(0).isbn;
        assertThrows(IntegrityException.class, () -> books().bulkCreate(books, 2));
        assertEquals(0, books().count(), "the first two batches were rolled back");

        List<Book> sameBatch = numbered(3);
        sameBatch.get(2).isbn = sameBatch.get(1).isbn;
        assertThrows(IntegrityException.class, () -> books().bulkCreate(sameBatch));
        assertEquals(0, books().count());

        List<Book> withNull = numbered(3);
        withNull.get(2).title = null;
        assertNumQueries(db, 0, () -> {
            QuarryException e = assertThrows(QuarryException.class, () -> books().bulkCreate(withNull));
            assertTrue(e.getMessage().contains("Book.title"), e.getMessage());
        });
        assertEquals(0, books().count());
    }

    // ---- getOrCreate and updateOrCreate ----------------------------------------------------------------------------

    @Test
    void getOrCreateCreatesWithTheLookupValuesAndDefaults() {
        GetOrCreateResult<Book> result = books().getOrCreate(
                Q.and(BookQuery.title().eq("Dune"), BookQuery.pages().eq(412)), b -> {
                    b.published = LocalDate.of(1965, 8, 1);
                    b.price = new BigDecimal("9.99");
                });
        assertTrue(result.created());
        Book created = result.object();
        assertNotNull(created.id);
        assertEquals("Dune", created.title);
        assertEquals(412, created.pages);
        assertEquals(LocalDate.of(1965, 8, 1), created.published);
        assertEquals(Status.DRAFT, created.status, "model defaults too");
        Book read = reload(created);
        assertEquals("Dune", read.title);
        assertEquals(412, read.pages);
        assertEquals(new BigDecimal("9.99"), read.price);
    }

    @Test
    void getOrCreateGetsTheExistingRowWithoutApplyingDefaults() {
        Book existing = book("Dune", 412);
        existing.published = LocalDate.of(1965, 8, 1);
        db.save(existing);
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            GetOrCreateResult<Book> result = books().getOrCreate(BookQuery.title().eq("Dune"), b -> {
                b.published = LocalDate.of(2000, 1, 1);
                b.pages = 1;
            });
            assertFalse(result.created());
            assertEquals(existing.id, result.object().id);
            assertEquals(LocalDate.of(1965, 8, 1), result.object().published);
            assertEquals(412, result.object().pages);
            assertEquals(1, queries.count(), queries.sql().toString());
        }
        assertEquals(1, books().count());
        assertEquals(LocalDate.of(1965, 8, 1), reload(existing).published);
    }

    @Test
    void getOrCreateCopiesOnlyEqualityParts() {
        GetOrCreateResult<Book> result = books().getOrCreate(
                BookQuery.title().eq("Copied").and(BookQuery.pages().gt(10)), b -> b.published = Fixtures.DAY);
        assertTrue(result.created());
        assertEquals("Copied", result.object().title);
        assertEquals(0, result.object().pages, "a gt lookup is not a value to copy");
        // a second call finds nothing (pages is 0, not > 10) and creates again
        assertEquals(1, books().count());
    }

    @Test
    void getOrCreateWithoutDefaultsFailsCleanlyOnAMissingRequiredField() {
        QuarryException e = assertThrows(QuarryException.class,
                () -> books().getOrCreate(BookQuery.title().eq("No date")));
        assertTrue(e.getMessage().contains("Book.published"), e.getMessage());
        assertEquals(0, books().count());
        // a model whose lookup sets everything needed
        GetOrCreateResult<Country> country = CountryQuery.objects(db)
                .getOrCreate(Q.and(CountryQuery.code().eq("NL"), CountryQuery.name().eq("Netherlands")));
        assertTrue(country.created());
        assertFalse(CountryQuery.objects(db).getOrCreate(CountryQuery.code().eq("NL")).created());
    }

    @Test
    void getOrCreateReturnsTheRowACompetitorInsertedFirst() {
        // the competitor inserts right after getOrCreate's SELECT found nothing: the INSERT then hits the unique
        // constraint, and getOrCreate returns the competitor's row
        Book competitor = book("Competitor's");
        competitor.isbn = "978-race";
        QueryListener raceAfterSelect = new QueryListener() {
            private boolean done;

            @Override
            public void onQuery(ExecutedQuery query) {
                if (!done && query.sql().startsWith("SELECT")) {
                    done = true;
                    db.save(competitor);
                }
            }
        };
        db.addQueryListener(raceAfterSelect);
        GetOrCreateResult<Book> result;
        try {
            result = books().getOrCreate(BookQuery.isbn().eq("978-race"), b -> {
                b.title = "Mine";
                b.published = Fixtures.DAY;
            });
        } finally {
            db.removeQueryListener(raceAfterSelect);
        }
        assertFalse(result.created());
        assertEquals(competitor.id, result.object().id);
        assertEquals("Competitor's", result.object().title);
        assertEquals(1, books().count());
    }

    @Test
    void getOrCreateRethrowsAConstraintViolationThatIsNotARace() {
        Book existing = book("Existing");
        existing.isbn = "taken";
        db.save(existing);
        assertThrows(IntegrityException.class, () -> books().getOrCreate(BookQuery.title().eq("Other"), b -> {
            b.published = Fixtures.DAY;
            b.isbn = "taken";
        }));
        assertEquals(1, books().count());
    }

    @Test
    void updateOrCreateUpdatesTheExistingRow() {
        Book existing = book("Dune", 412);
        db.save(existing);
        GetOrCreateResult<Book> result;
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            result = books().updateOrCreate(BookQuery.title().eq("Dune"), b -> {
                b.pages = 500;
                b.price = new BigDecimal("12.50");
            });
            assertEquals(2, queries.count(), queries.sql().toString());
            String select = queries.sql().get(0);
            if (on(TestBackend.SQLITE)) {
                // SQLite has no row locks (a writing transaction locks the whole database): no FOR UPDATE.
                assertFalse(select.contains("FOR UPDATE"), select);
            } else {
                assertTrue(select.endsWith(" FOR UPDATE"), select);
            }
            assertTrue(queries.sql().get(1).startsWith("UPDATE "), queries.sql().get(1));
        }
        assertFalse(result.created());
        assertEquals(existing.id, result.object().id);
        Book read = reload(existing);
        assertEquals(500, read.pages);
        assertEquals(new BigDecimal("12.50"), read.price);
        assertEquals(1, books().count());
    }

    @Test
    void updateOrCreateCreatesWhenMissing() {
        GetOrCreateResult<Book> result = books().updateOrCreate(BookQuery.title().eq("New"), b -> {
            b.pages = 77;
            b.published = Fixtures.DAY;
        });
        assertTrue(result.created());
        assertNotNull(result.object().id);
        Book read = reload(result.object());
        assertEquals("New", read.title);
        assertEquals(77, read.pages);
        assertEquals(1, books().count());
        assertFalse(books().updateOrCreate(BookQuery.title().eq("New"), b -> b.pages = 78).created());
        assertEquals(78, reload(result.object()).pages);
    }

    // ---- transactions ----------------------------------------------------------------------------------------------

    @Test
    void atomicCommitsAndReturnsTheResult() {
        Long id = db.atomic(() -> {
            db.save(book("One"));
            return db.save(book("Two")).id;
        });
        assertNotNull(id);
        assertEquals(2, books().count());
    }

    @Test
    void atomicRollsBackOnException() {
        db.save(book("Before"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.atomic(() -> {
            db.save(book("Inside 1"));
            books().filter(BookQuery.title().eq("Before")).update(BookQuery.pages().set(1));
            books().filter(BookQuery.title().eq("Before")).delete();
            db.save(book("Inside 2"));
            assertEquals(2, books().count(), "the transaction sees its own writes");
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertEquals(List.of("Before"), books().valuesList(BookQuery.title()).list());
        assertEquals(100, books().get().pages);
    }

    @Test
    void atomicRollsBackWhenAStatementFails() {
        Book first = book("First");
        first.isbn = "dup";
        db.save(first);
        assertThrows(IntegrityException.class, () -> db.atomic(() -> {
            db.save(book("Inside"));
            Book duplicate = book("Duplicate");
            duplicate.isbn = "dup";
            db.save(duplicate);
        }));
        assertEquals(List.of("First"), books().valuesList(BookQuery.title()).list());
    }

    @Test
    void nestedAtomicRollsBackToItsSavepointAndKeepsTheOuterWork() {
        db.atomic(() -> {
            db.save(book("Outer before"));
            RuntimeException inner = assertThrows(RuntimeException.class, () -> db.atomic(() -> {
                db.save(book("Inner"));
                assertEquals(2, books().count());
                throw new RuntimeException("inner failure");
            }));
            assertEquals("inner failure", inner.getMessage());
            assertEquals(1, books().count(), "the savepoint was rolled back");
            db.atomic(() -> {
                db.save(book("Inner kept"));
            });
            db.save(book("Outer after"));
        });
        assertEquals(List.of("Inner kept", "Outer after", "Outer before"), books().valuesList(BookQuery.title())
                .list().stream().sorted().toList());
    }

    @Test
    void anExceptionInTheOuterBlockRollsBackCompletedInnerBlocks() {
        assertThrows(IllegalStateException.class, () -> db.atomic(() -> {
            db.atomic(() -> {
                db.save(book("Inner done"));
            });
            throw new IllegalStateException("outer failure");
        }));
        assertEquals(0, books().count());
        // and the thread is out of the transaction: later work autocommits
        db.save(book("After"));
        assertEquals(1, books().count());
    }
}
