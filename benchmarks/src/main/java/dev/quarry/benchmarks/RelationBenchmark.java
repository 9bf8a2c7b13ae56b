package dev.quarry.benchmarks;

import dev.quarry.Database;
import dev.quarry.dialect.Dialects;
import dev.quarry.testing.CapturedQueries;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Relations, side by side: 1,000 books, each by one of 100 authors, each author with one of 10 publishers. Each
 * scenario has a {@code _quarry} and a {@code _jdbc} method that run the same SQL on the same pooled H2 database and
 * build the same object graph ({@link JdbcLibrary} is the JDBC side). The setup checks that both sides run the same
 * SQL, the same number of statements, and build equal graphs of the same shape before anything is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RelationBenchmark {
    static final int PUBLISHERS = 10;
    static final int AUTHORS = 100;
    static final int BOOKS = 1_000;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private JdbcConnectionPool dataSource;
    private Database db;
    private JdbcLibrary jdbc;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:relations" + COUNTER.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        db = Database.connect(dataSource, Dialects.H2);
        db.schema().createTables(List.of(BenchPublisherQuery.META, BenchAuthorQuery.META, BenchBookQuery.META));
        jdbc = new JdbcLibrary(dataSource);
        insertLibrary();
        checkSameWork();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.executor().execute("DROP ALL OBJECTS");
        dataSource.dispose();
    }

    /** Publisher i % 10 for author i, author i % 100 for book i: every publisher and author is used. */
    private void insertLibrary() {
        List<BenchPublisher> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            publishers.add(BenchPublisher.sample(i));
        }
        BenchPublisherQuery.objects(db).bulkCreate(publishers);
        List<BenchAuthor> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(BenchAuthor.sample(i, publishers.get(i % PUBLISHERS)));
        }
        BenchAuthorQuery.objects(db).bulkCreate(authors);
        List<BenchBook> books = new ArrayList<>();
        for (int i = 0; i < BOOKS; i++) {
            books.add(BenchBook.sample(i, authors.get(i % AUTHORS)));
        }
        BenchBookQuery.objects(db).bulkCreate(books);
    }

    // ---- selectRelated: one query, two INNER JOINs -----------------------------------------------------------------

    @Benchmark
    public void selectRelated_quarry(Blackhole blackhole) {
        blackhole.consume(quarrySelectRelated());
    }

    @Benchmark
    public void selectRelated_jdbc(Blackhole blackhole) throws SQLException {
        blackhole.consume(jdbc.booksWithAuthorAndPublisher());
    }

    // ---- prefetchRelated of a foreign key: the books, then one IN query for their authors -------------------------

    @Benchmark
    public void prefetch_quarry(Blackhole blackhole) {
        blackhole.consume(quarryPrefetch());
    }

    @Benchmark
    public void prefetch_jdbc(Blackhole blackhole) throws SQLException {
        blackhole.consume(jdbc.booksThenAuthors());
    }

    // ---- the Quarry queries, shared with the checks ----------------------------------------------------------------

    private List<BenchBook> quarrySelectRelated() {
        return BenchBookQuery.objects(db).selectRelated(BenchBookQuery.author().publisher()).list();
    }

    private List<BenchBook> quarryPrefetch() {
        return BenchBookQuery.objects(db).prefetchRelated(BenchBookQuery.author()).list();
    }

    // ---- fairness checks -------------------------------------------------------------------------------------------

    private void checkSameWork() throws SQLException {
        List<BenchBook> selected = checkSameSql(this::quarrySelectRelated,
                List.of(JdbcLibrary.SELECT_BOOKS_WITH_AUTHOR_AND_PUBLISHER));
        List<BenchBook> jdbcSelected = jdbc.booksWithAuthorAndPublisher();
        checkSameGraph(selected, jdbcSelected, true);
        checkShape(selected, BOOKS);       // one author object per row, as the JDBC side builds
        checkShape(jdbcSelected, BOOKS);

        List<BenchBook> prefetched = checkSameSql(this::quarryPrefetch,
                List.of(JdbcLibrary.SELECT_BOOKS, JdbcLibrary.authorsByIdSql(AUTHORS)));
        List<BenchBook> jdbcPrefetched = jdbc.booksThenAuthors();
        checkSameGraph(prefetched, jdbcPrefetched, false);
        checkShape(prefetched, AUTHORS);   // one author object per author, shared by its books
        checkShape(jdbcPrefetched, AUTHORS);
    }

    /** Runs the Quarry query, checking that it runs exactly these statements; returns its result. */
    private List<BenchBook> checkSameSql(Supplier<List<BenchBook>> query, List<String> jdbcSql) {
        try (CapturedQueries queries = CapturedQueries.start(db)) {
            List<BenchBook> books = query.get();
            if (!queries.sql().equals(jdbcSql)) {
                throw new IllegalStateException("The sides would run different SQL:\n  quarry: " + queries.sql()
                        + "\n  jdbc:   " + jdbcSql);
            }
            return books;
        }
    }

    /**
     * Equal books, authors and publishers in the same order, every relation loaded, and the content the setup
     * inserted (book i by author i % 100, published by publisher i % 100 % 10).
     */
    private static void checkSameGraph(List<BenchBook> quarry, List<BenchBook> jdbc, boolean withPublishers) {
        if (quarry.size() != BOOKS || jdbc.size() != BOOKS) {
            throw new IllegalStateException("Quarry read " + quarry.size() + " books, JDBC " + jdbc.size());
        }
        for (int i = 0; i < BOOKS; i++) {
            BenchBook q = quarry.get(i);
            BenchBook j = jdbc.get(i);
            if (!q.author.isLoaded() || !j.author.isLoaded()) {
                throw new IllegalStateException("Book " + i + ": author not loaded");
            }
            if (!q.sameAs(j) || !q.author.get().sameAs(j.author.get())) {
                throw new IllegalStateException("Book " + i + " or its author differs between Quarry and JDBC");
            }
            int n = Integer.parseInt(q.title.substring("Book number ".length()));
            if (!q.author.get().name.equals("Author " + n % AUTHORS)) {
                throw new IllegalStateException("Book " + n + " has the wrong author: " + q.author.get().name);
            }
            if (withPublishers) {
                BenchPublisher qp = q.author.get().publisher.get();
                BenchPublisher jp = j.author.get().publisher.get();
                if (!q.author.get().publisher.isLoaded() || !qp.sameAs(jp)
                        || !qp.name.equals("Publisher " + n % AUTHORS % PUBLISHERS)) {
                    throw new IllegalStateException("Book " + n + ": publisher differs or is wrong");
                }
            }
        }
    }

    /** The number of distinct author objects behind the books. */
    private static void checkShape(List<BenchBook> books, int expectedAuthorObjects) {
        Map<Object, Boolean> authors = new IdentityHashMap<>();
        for (BenchBook book : books) {
            authors.put(book.author.get(), Boolean.TRUE);
        }
        if (authors.size() != expectedAuthorObjects) {
            throw new IllegalStateException("Expected " + expectedAuthorObjects + " author objects, found "
                    + authors.size());
        }
    }
}
