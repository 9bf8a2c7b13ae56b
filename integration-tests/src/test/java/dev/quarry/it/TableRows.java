package dev.quarry.it;

import dev.quarry.Database;
import dev.quarry.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows and catalog of a test's database in plain JDBC, for the migration tests whose tables are not test models:
 * quoting a name, inserting a row, reading a table's rows back as text, and the columns, indexes and SQLite PRAGMA
 * rows a migration left.
 */
final class TableRows {
    private final Database db;

    TableRows(Database db) {
        this.db = db;
    }

    private String q(String identifier) {
        return db.dialect().quote(identifier);
    }

    /** Inserts a row: {@code columns} are the column names separated by commas, one value for each. */
    void insert(String table, String columns, Object... values) {
        List<String> names = Arrays.stream(columns.split(",\\s*")).toList();
        String sql = "INSERT INTO " + q(table) + " (" + String.join(", ", names.stream().map(this::q).toList())
                + ") VALUES (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The rows of a table ordered by id, each as its values joined by {@code |}. */
    List<String> rows(String table) {
        return rowsBy(table, "id");
    }

    /** The rows of a table ordered by a column, each as its values joined by {@code |}. */
    List<String> rowsBy(String table, String orderBy) {
        String sql = "SELECT * FROM " + q(table) + " ORDER BY " + q(orderBy);
        return db.executor().run(sql, connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                int count = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        values.add(String.valueOf(result.getString(i)));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        });
    }

    /** The table's column names, in their order, from the driver's result set metadata. */
    List<String> columns(String table) {
        String sql = "SELECT * FROM " + q(table) + " WHERE 1 = 0";
        return db.executor().run(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i));
                }
                return names;
            }
        });
    }

    /** Whether the table exists: whether its rows can be read. */
    boolean exists(String table) {
        try {
            rows(table);
            return true;
        } catch (DatabaseException e) {
            return false;
        }
    }

    /** The names of the table's indexes, from the driver's metadata. */
    Set<String> indexes(String table) {
        return db.executor().run("getIndexInfo " + table, connection -> {
            Set<String> names = new TreeSet<>();
            try (ResultSet result = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                    connection.getSchema(), table, false, false)) {
                while (result.next()) {
                    if (result.getString("INDEX_NAME") != null) {
                        names.add(result.getString("INDEX_NAME"));
                    }
                }
            }
            return names;
        });
    }

    /** One column of a SQLite PRAGMA's rows, sorted; {@code table} is the PRAGMA's argument, or null for none. */
    List<String> pragma(String pragma, String table, String column) {
        String sql = "PRAGMA " + pragma + (table == null ? "" : "(" + q(table) + ")");
        return db.executor().run(sql, connection -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(column));
                }
            }
            values.sort(null);
            return values;
        });
    }
}
