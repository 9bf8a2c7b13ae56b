package dev.quarry.benchmarks;

import dev.quarry.Database;
import dev.quarry.dialect.Dialects;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * One private H2 in-memory database with the {@code item} table, reached by both sides through the same connection
 * pool: Quarry through {@link Database#connect}, the baseline through {@link JdbcItems}.
 */
final class Fixture implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final JdbcConnectionPool dataSource;
    final Database db;
    final JdbcItems jdbc;

    Fixture() {
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:bench" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        db = Database.connect(dataSource, Dialects.H2);
        db.schema().createTables(List.of(ItemQuery.META));
        jdbc = new JdbcItems(dataSource);
    }

    /** {@code count} fresh, unsaved items with deterministic content. */
    static List<Item> samples(int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(Item.sample(i));
        }
        return items;
    }

    /** Inserts {@code count} sample rows (with the JDBC baseline, so reads start from identical data). */
    List<Item> insertSamples(int count) throws SQLException {
        List<Item> items = samples(count);
        jdbc.insertAll(items, 1000);
        return items;
    }

    @Override
    public void close() {
        db.executor().execute("DROP ALL OBJECTS");
        dataSource.dispose();
    }
}
