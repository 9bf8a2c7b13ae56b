package dev.quarry.benchmarks;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Reads, side by side: each scenario has a {@code _quarry} and a {@code _jdbc} method that run the same SQL on the
 * same pooled H2 database and build the same {@link Item} objects. The setup checks that both sides render the same
 * SQL and read equal objects, so the numbers compare the mapping layers and nothing else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ReadBenchmark {
    static final int ROWS = 10_000;
    static final int MIN_QUANTITY = 50;

    private Fixture fixture;
    private long[] ids;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        fixture = new Fixture();
        List<Item> items = fixture.insertSamples(ROWS);
        ids = items.stream().mapToLong(item -> item.id).toArray();
        checkSameSql();
        checkSameObjects();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** The next key, cycling through every row so no lookup repeats the previous one. */
    private long nextId() {
        long id = ids[next];
        next = (next + 1) % ids.length;
        return id;
    }

    // ---- primary-key lookup ----------------------------------------------------------------------------------------

    @Benchmark
    public Item pkLookup_quarry() {
        return ItemQuery.objects(fixture.db).get(ItemQuery.id().eq(nextId()));
    }

    @Benchmark
    public Item pkLookup_jdbc() throws SQLException {
        return fixture.jdbc.get(nextId());
    }

    // ---- fetch 1,000 rows ------------------------------------------------------------------------------------------

    @Benchmark
    public void fetch1000_quarry(Blackhole blackhole) {
        blackhole.consume(quarryFirst1000());
    }

    @Benchmark
    public void fetch1000_jdbc(Blackhole blackhole) throws SQLException {
        blackhole.consume(fixture.jdbc.first1000());
    }

    // ---- fetch 10,000 rows (the whole table) -----------------------------------------------------------------------

    @Benchmark
    public void fetch10000_quarry(Blackhole blackhole) {
        blackhole.consume(quarryAll());
    }

    @Benchmark
    public void fetch10000_jdbc(Blackhole blackhole) throws SQLException {
        blackhole.consume(fixture.jdbc.all());
    }

    // ---- filter + order + limit ------------------------------------------------------------------------------------

    @Benchmark
    public void filterOrderLimit_quarry(Blackhole blackhole) {
        blackhole.consume(quarryFiltered());
    }

    @Benchmark
    public void filterOrderLimit_jdbc(Blackhole blackhole) throws SQLException {
        blackhole.consume(fixture.jdbc.activeWithQuantityAtLeast(MIN_QUANTITY));
    }

    // ---- the Quarry queries, shared with the checks ----------------------------------------------------------------

    private List<Item> quarryFirst1000() {
        return ItemQuery.objects(fixture.db).limit(1000).list();
    }

    private List<Item> quarryAll() {
        return ItemQuery.objects(fixture.db).list();
    }

    private List<Item> quarryFiltered() {
        return ItemQuery.objects(fixture.db)
                .filter(ItemQuery.active().isTrue(), ItemQuery.quantity().gte(MIN_QUANTITY))
                .orderBy(ItemQuery.price().desc())
                .limit(50)
                .list();
    }

    // ---- fairness checks -------------------------------------------------------------------------------------------

    private void checkSameSql() {
        var db = fixture.db;
        check(ItemQuery.objects(db).filter(ItemQuery.id().eq(1L)).limit(21).sql(), JdbcItems.SELECT_BY_ID);
        check(ItemQuery.objects(db).limit(1000).sql(), JdbcItems.SELECT_FIRST_1000);
        check(ItemQuery.objects(db).sql(), JdbcItems.SELECT_ALL);
        check(ItemQuery.objects(db).filter(ItemQuery.active().isTrue(), ItemQuery.quantity().gte(MIN_QUANTITY))
                .orderBy(ItemQuery.price().desc()).limit(50).sql(), JdbcItems.SELECT_FILTERED);
    }

    private static void check(String quarrySql, String jdbcSql) {
        if (!quarrySql.equals(jdbcSql)) {
            throw new IllegalStateException("The sides would run different SQL:\n  quarry: " + quarrySql
                    + "\n  jdbc:   " + jdbcSql);
        }
    }

    private void checkSameObjects() throws SQLException {
        long id = ids[ids.length / 2];
        checkSame(List.of(ItemQuery.objects(fixture.db).get(ItemQuery.id().eq(id))), List.of(fixture.jdbc.get(id)));
        checkSame(quarryFirst1000(), fixture.jdbc.first1000());
        checkSame(quarryAll(), fixture.jdbc.all());
        checkSame(quarryFiltered(), fixture.jdbc.activeWithQuantityAtLeast(MIN_QUANTITY));
        if (quarryAll().size() != ROWS || quarryFirst1000().size() != 1000 || quarryFiltered().size() != 50) {
            throw new IllegalStateException("unexpected row counts");
        }
    }

    private static void checkSame(List<Item> quarry, List<Item> jdbc) {
        if (quarry.size() != jdbc.size()) {
            throw new IllegalStateException("Quarry read " + quarry.size() + " rows, JDBC " + jdbc.size());
        }
        for (int i = 0; i < quarry.size(); i++) {
            if (!quarry.get(i).sameAs(jdbc.get(i))) {
                throw new IllegalStateException("Row " + i + " differs between Quarry and JDBC");
            }
        }
    }
}
