package dev.quarry.testing;

import dev.quarry.Database;
import dev.quarry.exec.ExecutedQuery;
import dev.quarry.exec.QueryListener;
import dev.quarry.query.NPlusOne;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the statements a database runs while open: Django's {@code CaptureQueriesContext}.
 * <pre>{@code
 * try (CapturedQueries queries = CapturedQueries.start(db)) {
 *     BookQuery.objects(db).list();
 *     assertEquals(1, queries.count());
 * }
 * }</pre>
 */
public final class CapturedQueries implements AutoCloseable {
    private final Database db;
    private final List<ExecutedQuery> queries = Collections.synchronizedList(new ArrayList<>());
    private final QueryListener listener = queries::add;

    private CapturedQueries(Database db) {
        this.db = db;
        db.addQueryListener(listener);
    }

    public static CapturedQueries start(Database db) {
        return new CapturedQueries(db);
    }

    /** How many statements ran (a JDBC batch counts once: it is one round trip). */
    public int count() {
        return queries.size();
    }

    public List<ExecutedQuery> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    /** The SQL of each statement, in order. */
    public List<String> sql() {
        return queries().stream().map(ExecutedQuery::sql).toList();
    }

    @Override
    public void close() {
        db.removeQueryListener(listener);
    }

    /**
     * Runs {@code work} and fails with an {@link AssertionError} when it loads a relation one object at a time for
     * several objects of one result (an N+1 pattern), naming the relation, the query and the fix.
     */
    public static void assertNoNPlusOne(Database db, Runnable work) {
        List<NPlusOne> detected = Collections.synchronizedList(new ArrayList<>());
        Consumer<NPlusOne> listener = detected::add;
        db.addNPlusOneListener(listener);
        try {
            work.run();
        } finally {
            db.removeNPlusOneListener(listener);
        }
        if (!detected.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (NPlusOne event : detected) {
                message.append(message.length() == 0 ? "" : "\n").append(event.message());
            }
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Runs {@code work} and fails with an {@link AssertionError} listing the statements unless exactly
     * {@code expected} ran: Django's {@code assertNumQueries}.
     */
    public static void assertNumQueries(Database db, int expected, Runnable work) {
        try (CapturedQueries captured = start(db)) {
            work.run();
            if (captured.count() != expected) {
                StringBuilder message = new StringBuilder()
                        .append(captured.count()).append(" queries ran, expected ").append(expected).append(':');
                int i = 1;
                for (ExecutedQuery query : captured.queries()) {
                    message.append("\n  ").append(i++).append(". ").append(query);
                }
                throw new AssertionError(message.toString());
            }
        }
    }
}
