package dev.quarry;

import java.sql.SQLException;

/** The database refused a statement; the message names the statement, the cause is the driver's exception. */
public class DatabaseException extends QuarryException {
    private final String sql;

    public DatabaseException(String message, String sql, SQLException cause) {
        super(message + (sql == null ? "" : "\n  SQL: " + sql) + "\n  Database said: " + cause.getMessage(), cause);
        this.sql = sql;
    }

    /** The SQL that failed, or null when the failure was not tied to one statement. */
    public String sql() {
        return sql;
    }

    /** The SQLSTATE reported by the driver, or null. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
