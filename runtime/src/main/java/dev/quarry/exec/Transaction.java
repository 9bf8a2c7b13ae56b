package dev.quarry.exec;

import dev.quarry.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * The connection of one thread's open transaction; nested atomic blocks become savepoints. Anything thrown out of a
 * block, checked exceptions thrown sneakily included, rolls that block back: only a normal return commits.
 */
final class Transaction {
    private final Connection connection;
    private final Dialect dialect;
    private final boolean closeAtEnd;
    private boolean ended;

    /** {@code closeAtEnd}: the connection is the transaction's own (not a pinned one), returned when it ends. */
    Transaction(Connection connection, Dialect dialect, boolean closeAtEnd) {
        this.connection = connection;
        this.dialect = dialect;
        this.closeAtEnd = closeAtEnd;
    }

    Connection connection() {
        return connection;
    }

    /** Whether the transaction has committed or rolled back (its connection is gone). */
    boolean ended() {
        return ended;
    }

    <X> X outermost(Supplier<X> work) {
        boolean autoCommit = true;
        boolean committed = false;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            X result = work.get();
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            throw dialect.translate("Transaction failed", null, e);
        } finally {
            ended = true;
            end(committed, autoCommit);
        }
    }

    private void end(boolean committed, boolean autoCommit) {
        try {
            if (!committed) {
                connection.rollback(); // before autocommit is restored, which would commit the pending work
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the connection goes back to the pool (or closes) either way
        } finally {
            if (closeAtEnd) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing more to release
                }
            }
        }
    }

    <X> X nested(Supplier<X> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw dialect.translate("Cannot create a savepoint", null, e);
        }
        X result;
        try {
            result = work.get();
        } catch (Throwable e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw dialect.translate("Cannot release a savepoint", null, e);
        }
        return result;
    }
}
