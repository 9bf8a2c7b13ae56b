package dev.quarry.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import org.junit.jupiter.api.Test;

class DialectsTest {
    @Test
    void productNamesReportedByTheDriversPickTheirDialect() {
        assertSame(Dialects.H2, Dialects.forProductName("H2"));
        assertSame(Dialects.POSTGRES, Dialects.forProductName("PostgreSQL"));
        assertSame(Dialects.MARIADB, Dialects.forProductName("MariaDB"));
        assertSame(Dialects.MYSQL, Dialects.forProductName("MySQL"));
        assertSame(Dialects.SQLITE, Dialects.forProductName("SQLite"));
    }

    @Test
    void anUnsupportedDatabaseIsNamedWithTheSupportedOnesAndTheWayOut() {
        QuarryException error = assertThrows(QuarryException.class, () -> Dialects.forProductName("Oracle"));
        assertTrue(error.getMessage().contains("'Oracle'"), error.getMessage());
        assertTrue(error.getMessage().contains("H2, PostgreSQL, MariaDB, MySQL and SQLite"), error.getMessage());
        assertTrue(error.getMessage().contains("Database.connect(dataSource, dialect)"), error.getMessage());
    }

    @Test
    void identifiersAreQuotedPerDatabaseAndValidated() {
        assertEquals("\"book\"", Dialects.POSTGRES.quote("book"));
        assertEquals("`book`", Dialects.MARIADB.quote("book"));
        assertThrows(QuarryException.class, () -> Dialects.SQLITE.quote("book\"; DROP TABLE x; --"));
        assertThrows(QuarryException.class, () -> Dialects.MARIADB.quote("1st"));
    }
}
