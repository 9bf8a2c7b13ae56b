package dev.quarry.migrations;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import dev.quarry.schema.SchemaStatements;
import dev.quarry.sql.BoundValue;
import dev.quarry.sql.SqlStatement;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@value #TABLE}: one row per applied migration (name, checksum of its file, when it was applied), as
 * Django's django_migrations. Created on first use.
 */
final class MigrationHistory {
    static final String TABLE = "quarry_migrations";

    /** Fixed width, so that the text sorts as the time does. */
    private static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Database db;

    MigrationHistory(Database db) {
        this.db = db;
    }

    /** One applied migration. */
    record Applied(String name, String checksum, String appliedAt) {
    }

    void ensureTable() {
        createIfMissing(new TableState("quarry migration history", TABLE, List.of(
                column("name", ColumnType.VARCHAR, 255, true),
                column("checksum", ColumnType.VARCHAR, 64, false),
                column("applied_at", ColumnType.VARCHAR, 40, false)), List.of()));
    }

    void ensureLockTable() {
        createIfMissing(new TableState("quarry migration lock", MigrationLock.TABLE, List.of(
                new ColumnState("id", "id", ColumnType.INTEGER, false, true, false, 0, 0, 0, false, false, null, null,
                        null),
                column("locked_at", ColumnType.VARCHAR, 40, false)), List.of()));
    }

    private static ColumnState column(String name, ColumnType type, int length, boolean primaryKey) {
        return new ColumnState(name, name, type, false, primaryKey, false, length, 0, 0, false, false, null, null,
                null);
    }

    /** CREATE TABLE IF NOT EXISTS: several processes may start at once, before any lock exists. */
    private void createIfMissing(TableState table) {
        List<String> statements = new SchemaStatements(db.dialect()).createTable(ProjectState.EMPTY, table);
        String create = statements.get(0);
        if (!create.startsWith("CREATE TABLE ")) {
            throw new IllegalStateException("Unexpected DDL for " + table.name() + ": " + create);
        }
        try {
            db.executor().execute("CREATE TABLE IF NOT EXISTS " + create.substring("CREATE TABLE ".length()));
        } catch (QuarryException raced) {
            // PostgreSQL: two runs creating the table at the same moment, one fails on the catalog's unique key
            // although the table is there then; anything else fails the check below as well
            try {
                db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM " + q(table.name()), List.of()));
            } catch (QuarryException missing) {
                raced.addSuppressed(missing);
                throw raced;
            }
        }
    }

    /**
     * As {@link #applied}, none when the history table does not exist: read without creating it, so that
     * showmigrations and migrate --plan change nothing (and run with a user that may only read).
     */
    Map<String, Applied> appliedIfAny() {
        return exists() ? applied() : Map.of();
    }

    /** Whether the history table exists in the connection's schema (the driver's metadata). */
    private boolean exists() {
        return db.executor().run("DatabaseMetaData.getTables " + TABLE, connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            String escape = meta.getSearchStringEscape();
            String pattern = escape == null ? TABLE : TABLE.replace("_", escape + "_");
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
                while (tables.next()) {
                    if (TABLE.equals(tables.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    /** The applied migrations, by name, in the order they were applied. */
    Map<String, Applied> applied() {
        Map<String, Applied> applied = new LinkedHashMap<>();
        String sql = "SELECT " + q("name") + ", " + q("checksum") + ", " + q("applied_at") + " FROM " + q(TABLE)
                + " ORDER BY " + q("applied_at") + ", " + q("name");
        for (Applied row : db.executor().list(new SqlStatement(sql, List.of()),
                row -> new Applied(row.getString(), row.getString(), row.getString()))) {
            applied.put(row.name(), row);
        }
        return applied;
    }

    void recordApplied(Migration migration) {
        db.executor().update(new SqlStatement("INSERT INTO " + q(TABLE) + " (" + q("name") + ", " + q("checksum")
                + ", " + q("applied_at") + ") VALUES (?, ?, ?)", List.of(
                        new BoundValue(migration.name(), ColumnType.VARCHAR),
                        new BoundValue(migration.checksum(), ColumnType.VARCHAR),
                        new BoundValue(APPLIED_AT.format(Instant.now()), ColumnType.VARCHAR))));
    }

    void recordUnapplied(Migration migration) {
        db.executor().update(new SqlStatement("DELETE FROM " + q(TABLE) + " WHERE " + q("name") + " = ?",
                List.of(new BoundValue(migration.name(), ColumnType.VARCHAR))));
    }

    private String q(String identifier) {
        return db.dialect().quote(identifier);
    }
}
