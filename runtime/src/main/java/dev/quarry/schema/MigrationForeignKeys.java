package dev.quarry.schema;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.dialect.SqliteDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's foreign keys turned off around a migration's transaction, as SQLite's documentation does for a table
 * rebuild: with them on, the rebuild's DROP TABLE runs the ON DELETE actions (CASCADE, SET NULL) of the foreign keys
 * of other tables that point to the table, deleting or changing their rows ({@code PRAGMA defer_foreign_keys} defers
 * the checks, not the actions). {@code PRAGMA foreign_keys} changes only outside a transaction, hence around it;
 * {@link #check} stands in for the checks that were off, before the commit. Nothing is done on the other databases,
 * nor on SQLite when foreign keys are off already. The transaction must run on the connection this was made on (migrate
 * pins one).
 */
public final class MigrationForeignKeys {
    private static final int SHOWN = 5;

    private final Database db;
    private final boolean off;

    private MigrationForeignKeys(Database db, boolean off) {
        this.db = db;
        this.off = off;
    }

    /** For a migration on this database: off during it when it is SQLite with foreign keys on. */
    public static MigrationForeignKeys of(Database db) {
        return new MigrationForeignKeys(db, db.dialect() instanceof SqliteDialect && enforced(db));
    }

    private static boolean enforced(Database db) {
        String sql = "PRAGMA foreign_keys";
        return db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        });
    }

    /** Runs the migration's transaction, with foreign keys off during it where they need to be. */
    public void around(Runnable transaction) {
        if (!off) {
            transaction.run();
            return;
        }
        db.executor().execute("PRAGMA foreign_keys = OFF");
        try {
            transaction.run();
        } finally {
            db.executor().execute("PRAGMA foreign_keys = ON");
        }
    }

    /** Inside the transaction, before its commit: fails (so it rolls back) when a row breaks a foreign key. */
    public void check() {
        if (!off) {
            return;
        }
        String sql = "PRAGMA foreign_key_check";
        List<String> broken = db.executor().run(sql, connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                while (result.next() && rows.size() <= SHOWN) {
                    rows.add("a row of " + result.getString("table") + " (rowid " + result.getString("rowid")
                            + ") refers to a missing row of " + result.getString("parent"));
                }
            }
            return rows;
        });
        if (!broken.isEmpty()) {
            throw new QuarryException("Foreign keys do not hold after the migration: "
                    + String.join("; ", broken.subList(0, Math.min(SHOWN, broken.size())))
                    + (broken.size() > SHOWN ? "; and more" : ""));
        }
    }
}
