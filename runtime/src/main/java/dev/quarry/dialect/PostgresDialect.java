package dev.quarry.dialect;

import dev.quarry.meta.ColumnDefinition;

import dev.quarry.meta.ColumnType;
import dev.quarry.sql.BoundValue;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.Extract;
import dev.quarry.sql.In;
import dev.quarry.sql.Like;
import dev.quarry.sql.SqlWriter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL 15+ (and PostgreSQL-compatible databases that report themselves as PostgreSQL). */
public class PostgresDialect extends Dialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String sqlType(ColumnDefinition column) {
        return switch (column.type()) {
            case TIME -> "TIME(6)";
            case DATETIME -> "TIMESTAMP(6)";
            case INSTANT, OFFSET_DATETIME -> "TIMESTAMP(6) WITH TIME ZONE";
            default -> super.sqlType(column);
        };
    }

    /** The protocol counts parameters in a 16-bit field. */
    @Override
    public int maxParameters() {
        return 65_535;
    }

    /** pgjdbc reads a result in one go unless autocommit is off: streams open a transaction of their own. */
    @Override
    public boolean streamingNeedsTransaction() {
        return true;
    }

    @Override
    public void renderLimitOffset(SqlWriter writer, Long limit, Long offset) {
        if (limit != null) {
            writer.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            writer.append(" OFFSET ").append(offset);
        }
    }

    @Override
    public void renderLike(SqlWriter writer, Like like) {
        renderLikeOrIlike(writer, like);
    }

    /** {@code x = ANY(CAST(? AS type[]))}: one text-array parameter cast to the column's type. */
    @Override
    protected void renderLargeIn(SqlWriter writer, In in) {
        writer.node(in.operand()).append(" = ANY(CAST(")
                .parameter(new BoundValue(in.rawValues(), in.type(), true))
                .append(" AS ").append(arrayElementType(in.type())).append("[]))");
    }

    private static String arrayElementType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> "boolean";
            case SHORT -> "smallint";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case DECIMAL -> "numeric";
            case VARCHAR, TEXT, ENUM -> "text";
            case DATE -> "date";
            case TIME -> "time";
            case DATETIME -> "timestamp";
            case INSTANT, OFFSET_DATETIME -> "timestamptz";
            case UUID -> "uuid";
            case BYTES -> "bytea";
        };
    }

    @Override
    public void bindList(PreparedStatement statement, int index, List<?> values, ColumnType type) throws SQLException {
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            Object value = values.get(i);
            texts[i] = value instanceof byte[] bytes ? hex(bytes) : storedText(value, type);
        }
        statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
    }

    @Override
    protected String storedText(Object value, ColumnType type) {
        // timestamptz parses an explicit UTC offset; the base text has none.
        String text = super.storedText(value, type);
        return type == ColumnType.INSTANT || type == ColumnType.OFFSET_DATETIME ? text + "+00" : text;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    @Override
    public void renderExtract(SqlWriter writer, Extract extract) {
        boolean zoned = extract.sourceType() == ColumnType.INSTANT
                || extract.sourceType() == ColumnType.OFFSET_DATETIME;
        String field = switch (extract.part()) {
            case WEEK_DAY -> "DOW";
            default -> extract.part().name();
        };
        boolean weekDay = extract.part() == DatePart.WEEK_DAY;
        // EXTRACT returns numeric (with fractions for seconds); zoned values are read at UTC, not the session zone.
        writer.append(weekDay ? "(CAST(FLOOR(EXTRACT(" : "CAST(FLOOR(EXTRACT(").append(field).append(" FROM ");
        if (zoned) {
            writer.append("(").node(extract.source()).append(" AT TIME ZONE 'UTC')");
        } else {
            writer.node(extract.source());
        }
        writer.append(")) AS INTEGER)");
        if (weekDay) {
            writer.append(" + 1)"); // DOW counts Sunday = 0; Django counts Sunday = 1
        }
    }

    /**
     * PostgreSQL cannot lock the missing side of an outer join ("FOR UPDATE cannot be applied to the nullable side
     * of an outer join"): with outer joins, only the queried table's rows are locked ({@code FOR UPDATE OF}).
     */
    @Override
    public String forUpdateClause(String outerJoinedRoot) {
        return outerJoinedRoot == null ? " FOR UPDATE" : " FOR UPDATE OF " + quote(outerJoinedRoot);
    }

    /** Advisory locks are per database: the lock is named after the schema too. */
    @Override
    public String migrationLockScopeSql() {
        return "SELECT current_schema()";
    }

    @Override
    public String acquireMigrationLockSql() {
        return "SELECT pg_try_advisory_lock(hashtext(?))";
    }

    @Override
    public String releaseMigrationLockSql() {
        return "SELECT pg_advisory_unlock(hashtext(?))";
    }
}
