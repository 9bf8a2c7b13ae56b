package dev.quarry.it;

import static dev.quarry.it.Fixtures.book;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialects;
import dev.quarry.exec.ExecutedQuery;
import dev.quarry.exec.QueryListener;
import dev.quarry.it.model.Book;
import dev.quarry.it.model.BookQuery;
import dev.quarry.query.GetOrCreateResult;
import dev.quarry.query.QuerySet;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Atomic blocks under every kind of failure, pools that disable autocommit, and the lifetime of streams. */
class TransactionAndStreamTest extends DatabaseTest {
    @Test
    void aCheckedExceptionThrownSneakilyRollsTheBlockBack() {
        assertThrows(IOException.class, () -> db.atomic(() -> {
            db.save(book("lost"));
            throw sneaky(new IOException("disk full"));
        }));
        assertEquals(0, BookQuery.objects(db).count());
    }

    @Test
    void aNestedBlockThatFailsSneakilyRollsBackItsOwnWorkOnly() {
        db.atomic(() -> {
            db.save(book("kept"));
            try {
                db.atomic(() -> {
                    db.save(book("lost"));
                    throw sneaky(new IOException("nested failure"));
                });
            } catch (Exception expected) {
                // the outer block goes on
            }
        });
        assertEquals(List.of("kept"), BookQuery.objects(db).valuesList(BookQuery.title()).list());
    }

    @Test
    void writesPersistWhenThePoolHandsOutConnectionsWithAutocommitOff() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:autocommit_off_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database other = Database.connect(pool, Dialects.H2);
            other.schema().createTables(List.of(BookQuery.META));
            other.save(book("persisted"));
            BookQuery.objects(other).filter(BookQuery.title().eq("persisted")).update(BookQuery.pages().set(7));
            assertEquals(List.of(7), BookQuery.objects(other).valuesList(BookQuery.pages()).list());
        }
    }

    @Test
    void aStreamGivesItsConnectionBackAfterItsLastRowEvenIfNeverClosed() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:streams_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            Database other = Database.connect(pool, Dialects.H2);
            other.schema().createTables(List.of(BookQuery.META));
            BookQuery.objects(other).bulkCreate(List.of(book("a"), book("b")));
            @SuppressWarnings("resource") // the point: a stream read to its end without close()
            List<String> titles = BookQuery.objects(other).orderBy(BookQuery.title().asc()).stream()
                    .map(b -> b.title).toList();
            assertEquals(List.of("a", "b"), titles);
            assertEquals(0, pool.getActiveConnections());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aStreamReadAfterItsAtomicBlockEndedFailsClearly() {
        books().bulkCreate(List.of(book("a"), book("b")));
        Stream<Book> escaped = db.atomic(() -> books().stream());
        QuarryException error = assertThrows(QuarryException.class, () -> escaped.toList());
        assertTrue(error.getMessage().contains("consume the stream inside the atomic block"), error.getMessage());
        escaped.close();
    }

    @Test
    void updateOrCreateUpdatesTheRowAnotherCallerCreatedFirst() {
        Book competitor = book("Competitor's", 1);
        QueryListener createAfterSelect = new QueryListener() {
            private boolean done;

            @Override
            public void onQuery(ExecutedQuery query) {
                if (!done && query.sql().startsWith("SELECT")) {
                    done = true;
                    db.insert(withIsbn(competitor, "race"));
                }
            }
        };
        db.addQueryListener(createAfterSelect);
        GetOrCreateResult<Book> result;
        try {
            result = books().updateOrCreate(BookQuery.isbn().eq("race"), b -> {
                b.title = "Mine";
                b.published = Fixtures.DAY;
                b.pages = 42;
            });
        } finally {
            db.removeQueryListener(createAfterSelect);
        }
        assertFalse(result.created());
        assertEquals(competitor.id, result.object().id);
        Book stored = books().get();
        assertEquals("Mine", stored.title);
        assertEquals(42, stored.pages);
    }

    /**
     * On a pinned connection (migrate's, which holds a session lock), statements, atomic blocks and streams all use
     * that connection and leave it open: nothing else is taken from the pool, and a rolled-back block is undone.
     */
    @Test
    void workOnAPinnedConnectionStaysOnItAndLeavesItOpen() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(db.executor().dataSource());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(500);
        try (HikariDataSource pool = new HikariDataSource(config);
                java.sql.Connection connection = pool.getConnection()) {
            Database single = Database.connect(pool, db.dialect()); // no connection taken to detect it
            single.executor().pinned(connection, () -> {
                single.save(book("autocommitted"));
                single.atomic(() -> {
                    single.save(book("committed"));
                });
                assertThrows(IllegalStateException.class, () -> single.atomic(() -> {
                    single.save(book("rolled back"));
                    throw new IllegalStateException("undo");
                }));
                try (Stream<String> titles = BookQuery.objects(single).orderBy(BookQuery.title().asc()).valuesList(
                        BookQuery.title()).stream()) {
                    assertEquals(List.of("autocommitted", "committed"), titles.toList());
                }
                assertThrows(IllegalStateException.class, () -> single.executor().pinned(connection, () -> null));
                return null;
            });
            assertFalse(connection.isClosed());
            assertTrue(connection.getAutoCommit(), "autocommit restored after the blocks");
        }
        assertEquals(2, books().count());
    }

    private static Book withIsbn(Book book, String isbn) {
        book.isbn = isbn;
        return book;
    }

    private QuerySet<Book> books() {
        return BookQuery.objects(db);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
