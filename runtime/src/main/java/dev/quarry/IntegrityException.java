package dev.quarry;

import java.sql.SQLException;

/** A constraint refused the change (unique, NOT NULL, foreign key, check). Nothing of the statement was applied. */
public class IntegrityException extends DatabaseException {
    public IntegrityException(String message, String sql, SQLException cause) {
        super(message, sql, cause);
    }

    /** The driver's SQLSTATE, or the class-23 "integrity constraint violation" when the driver gives none. */
    @Override
    public String sqlState() {
        String state = super.sqlState();
        return state != null ? state : "23000";
    }
}
