package dev.quarry.dialect;

import dev.quarry.meta.ColumnDefinition;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.sql.Arithmetic;
import dev.quarry.sql.BoundValue;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.Extract;
import dev.quarry.sql.In;
import dev.quarry.sql.OrderItem;
import dev.quarry.sql.SqlWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * MariaDB 10.11+. MySQL 8 shares this family ({@link MySqlDialect} keeps its few differences). Tables are created
 * with the binary {@code utf8mb4_bin} collation so that comparisons, unique constraints and {@code eq} are
 * case-sensitive as on the other databases (MariaDB's default collations ignore case); the {@code i} lookups fold
 * case explicitly.
 */
public class MariaDbDialect extends Dialect {
    public static final MariaDbDialect INSTANCE = new MariaDbDialect();

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String quote(String identifier) {
        requireValidIdentifier(identifier);
        return '`' + identifier + '`';
    }

    @Override
    public String sqlType(ColumnDefinition column) {
        return switch (column.type()) {
            // MariaDB sends FLOAT values as text rounded to 6 digits: store floats in DOUBLE, bound as their
            // shortest decimal form, so that they read back and compare exactly.
            case FLOAT -> "DOUBLE";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
            case TEXT -> "LONGTEXT";
            case TIME -> "TIME(6)";
            // No time zone type that survives 2038: zoned values are stored as DATETIME at UTC.
            case DATETIME, INSTANT, OFFSET_DATETIME -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case BYTES -> "LONGBLOB";
            default -> super.sqlType(column);
        };
    }

    /** MySQL string literals also treat a backslash as an escape (in the default SQL mode). */
    @Override
    protected String stringLiteral(String value) {
        return super.stringLiteral(value.replace("\\", "\\\\"));
    }

    @Override
    public String generatedPrimaryKeyDefinition(ColumnDefinition column) {
        return sqlType(column) + " NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    /** Binary and NO PAD: case-sensitive, and {@code 'a'} differs from {@code 'a '} as everywhere else. */
    protected String binaryCollation() {
        return "utf8mb4_nopad_bin";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + binaryCollation();
    }

    @Override
    public void bindFloat(PreparedStatement statement, int index, float value) throws SQLException {
        bindFloatAsShortestDouble(statement, index, value);
    }

    /** {@code /} is decimal division here; integers use DIV, so integer division truncates as elsewhere. */
    @Override
    public void renderArithmetic(SqlWriter writer, Arithmetic arithmetic) {
        boolean integers = arithmetic.type() == ColumnType.SHORT || arithmetic.type() == ColumnType.INTEGER
                || arithmetic.type() == ColumnType.LONG;
        if (integers && arithmetic.operator() == Arithmetic.Operator.DIVIDED_BY) {
            writer.append("(").node(arithmetic.left()).append(" DIV ").node(arithmetic.right()).append(")");
        } else {
            super.renderArithmetic(writer, arithmetic);
        }
    }

    @Override
    public String dropForeignKeyIfExists(String table, String constraint) {
        return "ALTER TABLE IF EXISTS " + quote(table) + " DROP FOREIGN KEY IF EXISTS " + quote(constraint);
    }

    /** MySQL and MariaDB commit before every DDL statement: a failed migration cannot roll back its DDL. */
    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public int maxParameters() {
        return 65_535;
    }

    @Override
    public void renderLimitOffset(SqlWriter writer, Long limit, Long offset) {
        if (limit != null || offset != null) {
            // MySQL has no OFFSET without LIMIT: the documented idiom is the largest unsigned BIGINT.
            writer.append(" LIMIT ").append(limit != null ? Long.toString(limit) : "18446744073709551615");
        }
        if (offset != null) {
            writer.append(" OFFSET ").append(offset);
        }
    }

    /**
     * ON DUPLICATE KEY UPDATE, which MySQL and MariaDB apply to every unique constraint. Skipping is a no-op update
     * rather than INSERT IGNORE, which would also turn other errors (a too-long string) into silent truncation.
     */
    @Override
    public String upsert(String table, List<ColumnMeta> columns, List<ColumnMeta> uniqueColumns,
            List<ColumnMeta> updateColumns) {
        if (updateColumns.isEmpty()) {
            String first = quote(columns.get(0).columnName());
            return insert(table, columns) + " ON DUPLICATE KEY UPDATE " + first + " = " + first;
        }
        StringBuilder sql = new StringBuilder(insert(table, columns)).append(newRowAlias())
                .append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < updateColumns.size(); i++) {
            String column = quote(updateColumns.get(i).columnName());
            sql.append(i > 0 ? ", " : "").append(column).append(" = ").append(newValue(column));
        }
        return sql.toString();
    }

    /** Written after VALUES (...) to name the new row; MariaDB reads it with VALUES(col) instead. */
    protected String newRowAlias() {
        return "";
    }

    protected String newValue(String quotedColumn) {
        return "VALUES(" + quotedColumn + ")";
    }

    @Override
    public String insertDefaultValues(String table) {
        return "INSERT INTO " + quote(table) + " () VALUES ()";
    }

    /** No NULLS FIRST/LAST: order by {@code x IS NULL} first (1 for NULLs). */
    @Override
    public void renderOrderItem(SqlWriter writer, OrderItem item) {
        switch (item.nulls()) {
            case FIRST -> writer.node(item.expression()).append(" IS NULL DESC, ");
            case LAST -> writer.node(item.expression()).append(" IS NULL ASC, ");
            case DEFAULT -> { }
        }
        writer.node(item.expression()).append(item.descending() ? " DESC" : " ASC");
    }

    /** A JSON array parameter read back as rows by JSON_TABLE, typed as the column. */
    @Override
    protected void renderLargeIn(SqlWriter writer, In in) {
        writer.node(in.operand()).append(" IN (SELECT ").append(quote("quarry_values")).append(".")
                .append(quote("v")).append(" FROM JSON_TABLE(")
                .parameter(new BoundValue(in.rawValues(), in.type(), true))
                .append(", '$[*]' COLUMNS (").append(quote("v")).append(" ").append(jsonTableType(in.type()))
                .append(" PATH '$')) AS ").append(quote("quarry_values")).append(")");
    }

    private String jsonTableType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case SHORT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT, DOUBLE -> "DOUBLE"; // floats are stored as DOUBLE (see sqlType)
            case DECIMAL -> "DECIMAL(65, 30)";
            case VARCHAR, TEXT, ENUM, UUID -> "VARCHAR(16383) CHARACTER SET utf8mb4 COLLATE " + binaryCollation();
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case DATETIME, INSTANT, OFFSET_DATETIME -> "DATETIME(6)";
            case BYTES -> "LONGBLOB"; // never reached: jsonArray refuses byte arrays
        };
    }

    @Override
    public void bindList(PreparedStatement statement, int index, List<?> values, ColumnType type) throws SQLException {
        statement.setString(index, jsonArray(values, type));
    }

    @Override
    public void renderExtract(SqlWriter writer, Extract extract) {
        if (extract.part() == DatePart.WEEK_DAY) {
            writer.append("DAYOFWEEK(").node(extract.source()).append(")"); // 1 = Sunday, as Django
        } else {
            super.renderExtract(writer, extract);
        }
    }

    // Zoned values are stored as their UTC wall-clock time in DATETIME(6).

    @Override
    public void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    public void bindOffsetDateTime(PreparedStatement statement, int index, OffsetDateTime value) throws SQLException {
        statement.setObject(index, value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                .toLocalDateTime());
    }

    @Override
    public Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public OffsetDateTime readOffsetDateTime(ResultSet resultSet, int index) throws SQLException {
        LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    public UUID readUuid(ResultSet resultSet, int index) throws SQLException {
        return parseText(resultSet, index, UUID::fromString);
    }

    /** GET_LOCK's names are server-wide: the lock is named after the database too. */
    @Override
    public String migrationLockScopeSql() {
        return "SELECT DATABASE()";
    }

    @Override
    public String acquireMigrationLockSql() {
        return "SELECT GET_LOCK(?, 0)";
    }

    @Override
    public String releaseMigrationLockSql() {
        return "SELECT RELEASE_LOCK(?)";
    }
}
