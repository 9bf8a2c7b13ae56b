package dev.quarry;

import java.sql.SQLException;

/** A constraint refused the change (unique, NOT NULL, foreign key, check). Nothing of the statement was applied. */
public class IntegrityException extends DatabaseException {
    public IntegrityException(String message, String sql, SQLException cause) {
        super(message, sql, cause);
    }
}
