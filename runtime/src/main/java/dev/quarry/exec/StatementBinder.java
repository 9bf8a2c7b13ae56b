package dev.quarry.exec;

import java.sql.SQLException;

/** Binds the parameters of a model statement (generated {@code bindValues}/{@code bindPrimaryKey} calls). */
@FunctionalInterface
public interface StatementBinder {
    void bind(Binder binder) throws SQLException;
}
