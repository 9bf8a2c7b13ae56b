package dev.quarry.exec;

import dev.quarry.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/** The connection of one thread's open transaction; nested atomic blocks become savepoints. */
final class Transaction {
    private final Connection connection;
    private final Dialect dialect;

    Transaction(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    Connection connection() {
        return connection;
    }

    <X> X outermost(Supplier<X> work) {
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            X result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback(e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw dialect.translate("Transaction failed", null, e);
        } finally {
            try (Connection c = connection) {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection goes back to the pool (or closes) either way
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
        } catch (RuntimeException | Error e) {
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

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
