package dev.quarry.exec;

import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.meta.ColumnType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * The current row of a result, read column after column by generated code. Reading in select-list order, with a
 * cursor instead of column names, keeps hydration as cheap as hand-written {@code rs.getXxx(index)} calls and lets
 * several models (a book and its author, later) be read one after the other from the same row.
 */
public final class Row {
    private final ResultSet resultSet;
    private final Dialect dialect;
    private int column;

    public Row(ResultSet resultSet, Dialect dialect) {
        this.resultSet = resultSet;
        this.dialect = dialect;
    }

    /** Moves to the next row of the result and back to its first column. */
    public boolean next() throws SQLException {
        column = 0;
        return resultSet.next();
    }

    /** Skips columns that the caller does not read. */
    public void skip(int columns) {
        column += columns;
    }

    public ResultSet resultSet() {
        return resultSet;
    }

    public boolean getBoolean() throws SQLException {
        return dialect.readBoolean(resultSet, ++column);
    }

    // The *OrNull readers: JDBC returns 0/false for SQL NULL, so wasNull() (a driver call per column per row, a few
    // percent of hydration time) is only asked when the value read is 0/false.

    public Boolean getBooleanOrNull() throws SQLException {
        boolean value = dialect.readBoolean(resultSet, ++column);
        return !value && resultSet.wasNull() ? null : value;
    }

    public short getShort() throws SQLException {
        return resultSet.getShort(++column);
    }

    public Short getShortOrNull() throws SQLException {
        short value = resultSet.getShort(++column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    public int getInt() throws SQLException {
        return resultSet.getInt(++column);
    }

    public Integer getIntOrNull() throws SQLException {
        int value = resultSet.getInt(++column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    public long getLong() throws SQLException {
        return resultSet.getLong(++column);
    }

    public Long getLongOrNull() throws SQLException {
        long value = resultSet.getLong(++column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    public float getFloat() throws SQLException {
        return resultSet.getFloat(++column);
    }

    public Float getFloatOrNull() throws SQLException {
        float value = resultSet.getFloat(++column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    public double getDouble() throws SQLException {
        return resultSet.getDouble(++column);
    }

    public Double getDoubleOrNull() throws SQLException {
        double value = resultSet.getDouble(++column);
        return value == 0 && resultSet.wasNull() ? null : value;
    }

    public BigDecimal getBigDecimal() throws SQLException {
        return dialect.readBigDecimal(resultSet, ++column);
    }

    public String getString() throws SQLException {
        return resultSet.getString(++column);
    }

    public byte[] getBytes() throws SQLException {
        return resultSet.getBytes(++column);
    }

    public LocalDate getLocalDate() throws SQLException {
        return dialect.readLocalDate(resultSet, ++column);
    }

    public LocalTime getLocalTime() throws SQLException {
        return dialect.readLocalTime(resultSet, ++column);
    }

    public LocalDateTime getLocalDateTime() throws SQLException {
        return dialect.readLocalDateTime(resultSet, ++column);
    }

    public Instant getInstant() throws SQLException {
        return dialect.readInstant(resultSet, ++column);
    }

    public OffsetDateTime getOffsetDateTime() throws SQLException {
        return dialect.readOffsetDateTime(resultSet, ++column);
    }

    public UUID getUuid() throws SQLException {
        return dialect.readUuid(resultSet, ++column);
    }

    /**
     * Reads a value of any column type, boxed (null for SQL NULL): projections and keys, not model hydration, which
     * calls the typed methods directly. {@code enumType} converts ENUM columns.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object getValue(ColumnType type, Class<? extends Enum<?>> enumType) throws SQLException {
        return switch (type) {
            case BOOLEAN -> getBooleanOrNull();
            case SHORT -> getShortOrNull();
            case INTEGER -> getIntOrNull();
            case LONG -> getLongOrNull();
            case FLOAT -> getFloatOrNull();
            case DOUBLE -> getDoubleOrNull();
            case DECIMAL -> getBigDecimal();
            case VARCHAR, TEXT -> getString();
            case DATE -> getLocalDate();
            case TIME -> getLocalTime();
            case DATETIME -> getLocalDateTime();
            case INSTANT -> getInstant();
            case OFFSET_DATETIME -> getOffsetDateTime();
            case UUID -> getUuid();
            case BYTES -> getBytes();
            case ENUM -> enumType == null ? getString() : getEnum(name -> Enum.valueOf((Class) enumType, name));
        };
    }

    /** Reads an enum stored by name; {@code valueOf} is the enum's own {@code Xxx::valueOf}. */
    public <E extends Enum<E>> E getEnum(Function<String, E> valueOf) throws SQLException {
        String name = resultSet.getString(++column);
        if (name == null) {
            return null;
        }
        try {
            return valueOf.apply(name);
        } catch (IllegalArgumentException e) {
            String label = resultSet.getMetaData().getColumnLabel(column);
            throw new QuarryException("Column '" + label + "' holds '" + name
                    + "', which is not a constant of the field's enum; add the constant or fix the row", e);
        }
    }
}
