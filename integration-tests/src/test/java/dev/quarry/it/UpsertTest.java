package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static dev.quarry.testing.CapturedQueries.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.CountryQuery;
import dev.quarry.query.OnConflict;
import dev.quarry.query.QuerySet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bulkCreate with conflict handling: each database's upsert statement, one batch, same outcome everywhere. */
class UpsertTest extends DatabaseTest {
    @Test
    void ignoreSkipsRowsThatConflictOnAUniqueColumn() {
        db.save(withIsbn(book("Original"), "111"));
        assertNumQueries(db, 1, () -> books().bulkCreate(
                List.of(withIsbn(book("Duplicate"), "111"), withIsbn(book("Fresh"), "222")), OnConflict.ignore()));
        assertEquals(List.of("Fresh", "Original"), titles());
    }

    @Test
    void ignoreOnNamedFieldsSkipsRowsThatConflictThere() {
        db.save(withIsbn(book("Original"), "111"));
        books().bulkCreate(List.of(withIsbn(book("Duplicate"), "111"), withIsbn(book("Fresh"), "222")),
                OnConflict.on(BookQuery.isbn()).ignore());
        assertEquals(List.of("Fresh", "Original"), titles());
    }

    @Test
    void updateOverwritesTheNamedFieldsOfTheConflictingRow() {
        Book original = db.save(withIsbn(book("Original", 100), "111"));
        assertNumQueries(db, 1, () -> books().bulkCreate(
                List.of(withIsbn(book("Renamed", 999), "111"), withIsbn(book("Fresh", 5), "222")),
                OnConflict.on(BookQuery.isbn()).update(BookQuery.title())));
        assertEquals(List.of("Fresh", "Renamed"), titles());
        Book updated = books().get(BookQuery.isbn().eq("111"));
        assertEquals(original.id, updated.id);
        assertEquals("Renamed", updated.title);
        assertEquals(100, updated.pages, "fields not named in update() keep their value");
    }

    @Test
    void conflictsOnTheKeyOfObjectsThatCarryOne() {
        db.save(new Country("fr", "France"));
        CountryQuery.objects(db).bulkCreate(List.of(new Country("fr", "République française"),
                new Country("de", "Germany")), OnConflict.on(CountryQuery.code()).update(CountryQuery.name()));
        assertEquals(List.of("Germany", "République française"),
                CountryQuery.objects(db).orderBy(CountryQuery.name().asc()).valuesList(CountryQuery.name()).list());
        CountryQuery.objects(db).bulkCreate(List.of(new Country("de", "Deutschland")), OnConflict.ignore());
        assertEquals("Germany", CountryQuery.objects(db).get(CountryQuery.code().eq("de")).name);
    }

    private static Book withIsbn(Book book, String isbn) {
        book.isbn = isbn;
        return book;
    }

    private List<String> titles() {
        return books().orderBy(BookQuery.title().asc()).valuesList(BookQuery.title()).list();
    }

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }
}
