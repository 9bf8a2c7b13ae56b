package dev.quarry.exec;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Binds a model's values to a statement's parameters, one after the other, from generated code. When it knows the
 * columns being bound, a null for a NOT NULL column fails here with the model and field named, before the database
 * answers with a bare constraint violation.
 */
public final class Binder {
    private final PreparedStatement statement;
    private final Dialect dialect;
    private final List<ColumnMeta> columns;
    private final List<Object> captured;
    private int index;

    /** A binder for the given columns, in parameter order (null when binding free-form query parameters). */
    public Binder(PreparedStatement statement, Dialect dialect, List<ColumnMeta> columns) {
        this(statement, dialect, columns, false);
    }

    /** As above; with {@code capture}, the bound values are kept for logging and query listeners. */
    public Binder(PreparedStatement statement, Dialect dialect, List<ColumnMeta> columns, boolean capture) {
        this.statement = statement;
        this.dialect = dialect;
        this.columns = columns;
        this.captured = capture ? new ArrayList<>() : null;
    }

    /** The values bound so far when capturing, else an empty list. */
    public List<Object> capturedValues() {
        return captured == null ? List.of() : captured;
    }

    private void capture(Object value) {
        if (captured != null) {
            captured.add(value);
        }
    }

    /** Starts again at the first parameter, for the next row of a batch. */
    public void reset() {
        index = 0;
        if (captured != null) {
            captured.clear();
        }
    }

    /** The number of parameters bound so far. */
    public int position() {
        return index;
    }

    public void setBoolean(boolean value) throws SQLException {
        capture(value);
        dialect.bindBoolean(statement, ++index, value);
    }

    public void setBoolean(Boolean value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.BOOLEAN); else dialect.bindBoolean(statement, ++index, value);
    }

    public void setShort(short value) throws SQLException {
        capture(value);
        statement.setShort(++index, value);
    }

    public void setShort(Short value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.SMALLINT); else statement.setShort(++index, value);
    }

    public void setInt(int value) throws SQLException {
        capture(value);
        statement.setInt(++index, value);
    }

    public void setInt(Integer value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.INTEGER); else statement.setInt(++index, value);
    }

    public void setLong(long value) throws SQLException {
        capture(value);
        statement.setLong(++index, value);
    }

    public void setLong(Long value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.BIGINT); else statement.setLong(++index, value);
    }

    public void setFloat(float value) throws SQLException {
        capture(value);
        dialect.bindFloat(statement, ++index, value);
    }

    public void setFloat(Float value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.REAL); else dialect.bindFloat(statement, ++index, value);
    }

    public void setDouble(double value) throws SQLException {
        capture(value);
        statement.setDouble(++index, value);
    }

    public void setDouble(Double value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.DOUBLE); else statement.setDouble(++index, value);
    }

    public void setBigDecimal(BigDecimal value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.DECIMAL); else dialect.bindBigDecimal(statement, ++index, value);
    }

    public void setString(String value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.VARCHAR); else statement.setString(++index, value);
    }

    public void setBytes(byte[] value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.VARBINARY); else statement.setBytes(++index, value);
    }

    public void setLocalDate(LocalDate value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.DATE); else dialect.bindLocalDate(statement, ++index, value);
    }

    public void setLocalTime(LocalTime value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.TIME); else dialect.bindLocalTime(statement, ++index, value);
    }

    public void setLocalDateTime(LocalDateTime value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.TIMESTAMP); else dialect.bindLocalDateTime(statement, ++index, value);
    }

    public void setInstant(Instant value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.TIMESTAMP_WITH_TIMEZONE); else dialect.bindInstant(statement, ++index, value);
    }

    public void setOffsetDateTime(OffsetDateTime value) throws SQLException {
        capture(value);
        if (value == null) {
            setNull(Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            dialect.bindOffsetDateTime(statement, ++index, value);
        }
    }

    public void setUuid(UUID value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.OTHER); else dialect.bindUuid(statement, ++index, value);
    }

    public void setEnum(Enum<?> value) throws SQLException {
        capture(value);
        if (value == null) setNull(Types.VARCHAR); else statement.setString(++index, value.name());
    }

    /** Binds a value whose Java type matches the column type (query parameters, lookups, updates). */
    public void setValue(Object value, ColumnType type) throws SQLException {
        capture(value);
        if (value == null) {
            setNull(dialect.jdbcType(type));
            return;
        }
        dialect.bindValue(statement, ++index, value, type);
    }

    /** Binds a whole list of values as one parameter (an array or JSON, as the dialect reads large IN lists). */
    public void setList(List<?> values, ColumnType type) throws SQLException {
        capture(values.size() + " values");
        dialect.bindList(statement, ++index, values, type);
    }

    private void setNull(int sqlType) throws SQLException {
        int parameter = ++index;
        if (columns != null) {
            ColumnMeta column = columns.get(parameter - 1);
            if (!column.nullable()) {
                throw new QuarryException(column.qualifiedName() + " is null, but column " + column.tableName() + "."
                        + column.columnName() + " is NOT NULL: set a value, or mark the field @Nullable");
            }
        }
        statement.setNull(parameter, sqlType);
    }
}
