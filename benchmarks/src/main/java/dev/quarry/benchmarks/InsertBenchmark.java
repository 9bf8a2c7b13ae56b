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
 * Bulk insert of 10,000 rows: Quarry's {@code bulkCreate} against a JDBC batch doing the same work (batches of 1,000
 * in one transaction, generated keys set on the objects). The same objects are inserted again by each invocation
 * (their keys cleared first), so building them is not measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class InsertBenchmark {
    static final int ROWS = 10_000;
    static final int BATCH_SIZE = 1000;

    private Fixture fixture;
    private List<Item> items;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture();
        items = Fixture.samples(ROWS);
    }

    /**
     * Each insert starts from an empty table: a table growing through the iteration made times drift by 5x. The
     * operation takes milliseconds, so a per-invocation setup (not timed) costs no accuracy here.
     */
    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        fixture.jdbc.truncate();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public void bulkInsert10000_quarry(Blackhole blackhole) {
        clearKeys();
        blackhole.consume(ItemQuery.objects(fixture.db).bulkCreate(items, BATCH_SIZE));
    }

    @Benchmark
    public void bulkInsert10000_jdbc(Blackhole blackhole) throws SQLException {
        clearKeys();
        fixture.jdbc.insertAll(items, BATCH_SIZE);
        blackhole.consume(items);
    }

    /** Makes the objects new again: both sides then insert them without a key and read the generated one. */
    private void clearKeys() {
        for (Item item : items) {
            item.id = null;
        }
    }
}
