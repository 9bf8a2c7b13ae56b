package dev.quarry.exec;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.sql.BoundValue;
import dev.quarry.sql.SqlStatement;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Runs statements: takes a connection from the DataSource for each operation (or the current transaction's), binds,
 * executes, maps rows, logs to the {@code dev.quarry.sql} System.Logger, tells listeners, translates SQLExceptions.
 * No connection is held between operations outside a transaction.
 */
public final class Executor {
    private static final System.Logger SQL_LOG = System.getLogger("dev.quarry.sql");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Transaction> currentTransaction = new ThreadLocal<>();
    private final ThreadLocal<Connection> pinnedConnection = new ThreadLocal<>();

    public Executor(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The data source, for work that must hold one connection of its own (see {@link #pinned}). */
    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public void addListener(QueryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(QueryListener listener) {
        listeners.remove(listener);
    }

    /** Work on a connection; the checked SQLException is the caller's to translate. */
    @FunctionalInterface
    public interface ConnectionWork<X> {
        X run(Connection connection) throws SQLException;
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    /** Runs a query and reads every row. */
    public <T> List<T> list(SqlStatement statement, RowReader<T> reader) {
        return run(statement.sql(), connection -> {
            try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bindAll(ps, statement.parameters());
                long start = System.nanoTime();
                try (ResultSet resultSet = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    Row row = new Row(resultSet, dialect);
                    while (row.next()) {
                        rows.add(reader.read(row));
                    }
                    executed(statement.sql(), statement.parameters(), 1, start);
                    return rows;
                }
            }
        });
    }

    /**
     * Runs a query and streams its rows with a fetch size, holding the connection until the last row is read or the
     * stream is closed: use it in try-with-resources. Inside {@link #atomic}, read it before the block ends.
     */
    public <T> Stream<T> stream(SqlStatement statement, RowReader<T> reader) {
        Transaction transaction = currentTransaction.get();
        Connection pinned = pinnedConnection.get();
        StreamResources resources = new StreamResources(transaction, transaction == null && pinned == null);
        try {
            resources.open(transaction != null ? transaction.connection()
                    : pinned != null ? pinned : dataSource.getConnection());
            PreparedStatement ps = resources.prepare(statement.sql());
            ps.setFetchSize(dialect.streamFetchSize());
            bindAll(ps, statement.parameters());
            long start = System.nanoTime();
            Row row = new Row(resources.execute(), dialect);
            executed(statement.sql(), statement.parameters(), 1, start);
            RowSpliterator<T> rows = new RowSpliterator<>(row, reader, statement.sql(), resources);
            return StreamSupport.stream(rows, false).onClose(resources::release);
        } catch (SQLException e) {
            resources.release();
            throw dialect.translate("Query failed", statement.sql(), e);
        } catch (RuntimeException | Error e) {
            resources.release();
            throw e;
        }
    }

    /** What a stream holds: released once, at the last row, on an error, or when the stream is closed. */
    private final class StreamResources {
        private final Transaction transaction;
        private final boolean ownConnection;
        private Connection connection;
        private boolean autoCommitToRestore;
        private PreparedStatement statement;
        private ResultSet resultSet;
        private boolean released;

        StreamResources(Transaction transaction, boolean ownConnection) {
            this.transaction = transaction;
            this.ownConnection = ownConnection;
        }

        void open(Connection opened) throws SQLException {
            connection = opened;
            if (transaction == null && dialect.streamingNeedsTransaction() && connection.getAutoCommit()) {
                connection.setAutoCommit(false); // a read-only transaction of its own, rolled back on release
                autoCommitToRestore = true;
            }
        }

        PreparedStatement prepare(String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
            return statement;
        }

        ResultSet execute() throws SQLException {
            resultSet = statement.executeQuery();
            return resultSet;
        }

        /** Fails clearly when the stream outlives the transaction whose connection it reads. */
        void checkReadable() {
            if (transaction != null && transaction.ended()) {
                throw new QuarryException("A stream opened inside atomic(...) was read after the block ended, when"
                        + " its connection was gone: consume the stream inside the atomic block");
            }
        }

        void release() {
            if (released) {
                return;
            }
            released = true;
            closeQuietly(resultSet, statement, null);
            if (transaction == null && connection != null) {
                try {
                    if (autoCommitToRestore) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException ignored) {
                    // the connection is closed below either way
                }
                if (ownConnection) {
                    closeQuietly(null, null, connection);
                }
            }
        }
    }

    private final class RowSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
        private final Row row;
        private final RowReader<T> reader;
        private final String sql;
        private final StreamResources resources;

        RowSpliterator(Row row, RowReader<T> reader, String sql, StreamResources resources) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.row = row;
            this.reader = reader;
            this.sql = sql;
            this.resources = resources;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            resources.checkReadable();
            T value;
            try {
                if (!row.next()) {
                    resources.release(); // done: give the connection back without waiting for close()
                    return false;
                }
                value = reader.read(row);
            } catch (SQLException e) {
                resources.release();
                throw dialect.translate("Reading a streamed row failed", sql, e);
            } catch (RuntimeException | Error e) {
                resources.release();
                throw e;
            }
            action.accept(value);
            return true;
        }
    }

    /** Runs a query whose first column of the first row is a number (COUNT). */
    public long queryLong(SqlStatement statement) {
        List<Long> values = list(statement, row -> row.getLong());
        return values.isEmpty() ? 0 : values.get(0);
    }

    // ---- writes ----------------------------------------------------------------------------------------------------

    /** Runs an UPDATE/DELETE built by the SQL compiler; returns the number of rows changed. */
    public int update(SqlStatement statement) {
        return run(statement.sql(), connection -> {
            try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bindAll(ps, statement.parameters());
                long start = System.nanoTime();
                int count = ps.executeUpdate();
                executed(statement.sql(), statement.parameters(), 1, start);
                return count;
            }
        });
    }

    /** Runs a model statement whose parameters generated code binds; returns the number of rows changed. */
    public int update(String sql, List<ColumnMeta> columns, StatementBinder binder) {
        return run(sql, connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                Binder b = new Binder(ps, dialect, columns, observed());
                binder.bind(b);
                long start = System.nanoTime();
                int count = ps.executeUpdate();
                executed(sql, b.capturedValues(), 1, start);
                return count;
            }
        });
    }

    /** Runs an INSERT and hands the generated key row to {@code keyReader}. */
    public void insertReturningKey(String sql, List<ColumnMeta> columns, ColumnMeta key, StatementBinder binder,
            RowReader<?> keyReader) {
        run(sql, connection -> {
            try (PreparedStatement ps = dialect.prepareInsertReturningKey(connection, sql, key)) {
                Binder b = new Binder(ps, dialect, columns, observed());
                binder.bind(b);
                long start = System.nanoTime();
                ps.executeUpdate();
                executed(sql, b.capturedValues(), 1, start);
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    Row row = new Row(keys, dialect);
                    if (!row.next()) {
                        throw new QuarryException("The database returned no generated key for " + key.qualifiedName());
                    }
                    keyReader.read(row);
                }
                return null;
            }
        });
    }

    /**
     * Runs one statement for many rows as JDBC batches of {@code batchSize}; {@code bindRow} binds row {@code i}.
     * When {@code key} is given, generated keys are handed to {@code keyReader} with the row index.
     */
    public void batch(String sql, List<ColumnMeta> columns, int rows, int batchSize, IndexedBinder bindRow,
            ColumnMeta key, IndexedKeyReader keyReader) {
        run(sql, connection -> {
            try (PreparedStatement ps = key == null ? connection.prepareStatement(sql)
                    : dialect.prepareInsertReturningKey(connection, sql, key)) {
                Binder b = new Binder(ps, dialect, columns);
                int done = 0;
                while (done < rows) {
                    int end = Math.min(rows, done + batchSize);
                    for (int i = done; i < end; i++) {
                        b.reset();
                        bindRow.bind(i, b);
                        ps.addBatch();
                    }
                    long start = System.nanoTime();
                    ps.executeBatch();
                    executed(sql, List.of(), end - done, start);
                    if (key != null) {
                        try (ResultSet keys = dialect.batchGeneratedKeys(ps, end - done)) {
                            Row row = new Row(keys, dialect);
                            for (int i = done; i < end; i++) {
                                if (!row.next()) {
                                    throw new QuarryException("The database returned fewer generated keys than rows");
                                }
                                keyReader.read(i, row);
                            }
                        }
                    }
                    done = end;
                }
                return null;
            }
        });
    }

    /** Binds row {@code index} of a batch. */
    @FunctionalInterface
    public interface IndexedBinder {
        void bind(int index, Binder binder) throws SQLException;
    }

    /** Reads the generated key of row {@code index} of a batch. */
    @FunctionalInterface
    public interface IndexedKeyReader {
        void read(int index, Row keys) throws SQLException;
    }

    /** Runs DDL or other statements without parameters. */
    public void execute(String sql) {
        run(sql, connection -> {
            try (var statement = connection.createStatement()) {
                long start = System.nanoTime();
                statement.execute(sql);
                executed(sql, List.of(), 1, start);
                return null;
            }
        });
    }

    // ---- transactions ----------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} atomically, as Django's {@code transaction.atomic}: the outermost call opens a transaction and
     * commits it when work returns; a nested call uses a savepoint. Any exception rolls back that level and
     * propagates.
     */
    public <X> X atomic(Supplier<X> work) {
        Transaction transaction = currentTransaction.get();
        if (transaction != null) {
            return transaction.nested(work);
        }
        Connection pinned = pinnedConnection.get();
        Connection connection;
        try {
            connection = pinned != null ? pinned : dataSource.getConnection();
        } catch (SQLException e) {
            throw dialect.translate("Cannot get a connection", null, e);
        }
        transaction = new Transaction(connection, dialect, pinned == null);
        currentTransaction.set(transaction);
        try {
            return transaction.outermost(work);
        } finally {
            currentTransaction.remove();
        }
    }

    /** Whether the calling thread is inside {@link #atomic}. */
    public boolean inTransaction() {
        return currentTransaction.get() != null;
    }

    // ---- one session -----------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} with every statement and transaction of the calling thread on {@code connection}, which is
     * left open: for work that must stay in one database session, such as migrate under its session lock, without
     * taking a second connection from a pool that may have only one. Not inside {@link #atomic}.
     */
    public <X> X pinned(Connection connection, Supplier<X> work) {
        if (inTransaction() || pinnedConnection.get() != null) {
            throw new IllegalStateException("Already in a transaction or on a pinned connection");
        }
        pinnedConnection.set(connection);
        try {
            return work.get();
        } finally {
            pinnedConnection.remove();
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    /** Runs work on the transaction's connection, or on a connection of its own that is closed afterwards. */
    public <X> X run(String sql, ConnectionWork<X> work) {
        Transaction transaction = currentTransaction.get();
        try {
            if (transaction != null) {
                return work.run(transaction.connection());
            }
            Connection pinned = pinnedConnection.get();
            if (pinned != null) {
                return runAutoCommitted(pinned, work);
            }
            try (Connection connection = dataSource.getConnection()) {
                return runAutoCommitted(connection, work);
            }
        } catch (SQLException e) {
            throw dialect.translate("Statement failed", sql, e);
        }
    }

    private static <X> X runAutoCommitted(Connection connection, ConnectionWork<X> work) throws SQLException {
        if (connection.getAutoCommit()) {
            return work.run(connection);
        }
        // A pool configured with autocommit off would roll this work back when the connection returns.
        return runAndCommit(connection, work);
    }

    private static <X> X runAndCommit(Connection connection, ConnectionWork<X> work) throws SQLException {
        boolean committed = false;
        try {
            X result = work.run(connection);
            connection.commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
    }

    private void bindAll(PreparedStatement ps, List<BoundValue> parameters) throws SQLException {
        if (parameters.isEmpty()) {
            return;
        }
        Binder binder = new Binder(ps, dialect, null);
        for (BoundValue parameter : parameters) {
            if (parameter.list()) {
                binder.setList((List<?>) parameter.value(), parameter.type());
            } else {
                binder.setValue(parameter.value(), parameter.type());
            }
        }
    }

    /** Whether anyone looks at executed statements (worth capturing bound values for). */
    private boolean observed() {
        return !listeners.isEmpty() || SQL_LOG.isLoggable(Level.DEBUG);
    }

    private void executed(String sql, List<?> parameters, int batchSize, long startNanos) {
        if (!observed()) {
            return;
        }
        boolean log = SQL_LOG.isLoggable(Level.DEBUG);
        long nanos = System.nanoTime() - startNanos;
        List<Object> values = new ArrayList<>(parameters.size());
        for (Object parameter : parameters) {
            values.add(parameter instanceof BoundValue bound ? bound.value() : parameter);
        }
        ExecutedQuery query = new ExecutedQuery(sql, values, batchSize, nanos);
        if (log) {
            SQL_LOG.log(Level.DEBUG, () -> String.format("(%.3f ms) %s", nanos / 1e6, query));
        }
        for (QueryListener listener : listeners) {
            listener.onQuery(query);
        }
    }

    /** Closes what a stream opened, in reverse order; failures here have nothing left to protect. */
    private static void closeQuietly(ResultSet resultSet, PreparedStatement statement, Connection connection) {
        for (AutoCloseable resource : new AutoCloseable[] {resultSet, statement, connection}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // already done reading
                }
            }
        }
    }
}
