package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.exec.ExecutedQuery;
import dev.quarry.exec.QueryListener;
import dev.quarry.it.model.BookQuery;
import dev.quarry.testing.CapturedQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** SQL logging through System.Logger, query listeners and the query-counting helpers. */
class ObservabilityTest extends DatabaseTest {
    @Test
    void everyStatementIsLoggedAtDebugWithItsValues() {
        Logger logger = Logger.getLogger("dev.quarry.sql");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = collectingInto(records);
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINE); // System.Logger's DEBUG is java.util.logging's FINE
        logger.addHandler(handler);
        try {
            db.save(book("Logged"));
            BookQuery.objects(db).filter(BookQuery.title().eq("Logged")).count();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertEquals(2, records.size(), records.toString());
        assertTrue(records.get(0).getMessage().contains("INSERT INTO"), records.get(0).getMessage());
        assertTrue(records.get(0).getMessage().contains("Logged"), records.get(0).getMessage());
        assertTrue(records.get(1).getMessage().contains("SELECT COUNT(*)"), records.get(1).getMessage());
        assertTrue(records.get(1).getMessage().contains("[Logged]"), records.get(1).getMessage());
    }

    @Test
    void nothingIsLoggedWhenDebugIsOff() {
        Logger logger = Logger.getLogger("dev.quarry.sql");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = collectingInto(records);
        Level previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        try {
            BookQuery.objects(db).count();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertEquals(List.of(), records);
    }

    @Test
    void listenersSeeSqlValuesAndBatchSizes() {
        List<ExecutedQuery> seen = new ArrayList<>();
        QueryListener listener = seen::add;
        db.addQueryListener(listener);
        try {
            BookQuery.objects(db).filter(BookQuery.pages().gt(7)).list();
            BookQuery.objects(db).bulkCreate(List.of(book("a"), book("b"), book("c")));
        } finally {
            db.removeQueryListener(listener);
        }
        BookQuery.objects(db).count();
        assertEquals(2, seen.size(), "removed listeners hear nothing more");
        assertEquals(List.of(7), seen.get(0).parameters());
        assertTrue(seen.get(0).sql().startsWith("SELECT "), seen.get(0).sql());
        assertEquals(3, seen.get(1).batchSize());
    }

    private static Handler collectingInto(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void assertNumQueriesFailsListingTheStatementsThatRan() {
        AssertionError error = assertThrows(AssertionError.class, () -> CapturedQueries.assertNumQueries(db, 1, () -> {
            BookQuery.objects(db).count();
            BookQuery.objects(db).exists();
        }));
        assertTrue(error.getMessage().startsWith("2 queries ran, expected 1:"), error.getMessage());
        assertTrue(error.getMessage().contains("1. SELECT COUNT(*)"), error.getMessage());
        assertTrue(error.getMessage().contains("2. SELECT 1"), error.getMessage());
    }

    @Test
    void capturedQueriesStopsListeningWhenClosed() {
        CapturedQueries queries = CapturedQueries.start(db);
        BookQuery.objects(db).count();
        queries.close();
        BookQuery.objects(db).count();
        assertEquals(1, queries.count());
        assertEquals(1, queries.sql().size());
    }
}
