package dev.quarry.meta;

/**
 * The database-neutral type of a column. Each dialect maps it to its own SQL type and JDBC calls,
 * so models and queries never mention a database.
 */
public enum ColumnType {
    BOOLEAN,
    SHORT,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    /** BigDecimal with a precision and scale. */
    DECIMAL,
    /** String with a maximum length. */
    VARCHAR,
    /** Unbounded String. */
    TEXT,
    /** LocalDate. */
    DATE,
    /** LocalTime. */
    TIME,
    /** LocalDateTime: a wall-clock date-time without a zone. */
    DATETIME,
    /** Instant: a point in time, stored with a time zone (UTC). */
    INSTANT,
    /** OffsetDateTime: a point in time, stored with a time zone and read back at UTC. */
    OFFSET_DATETIME,
    UUID,
    /** byte[]. */
    BYTES,
    /** A Java enum stored by its constant name in a VARCHAR column. */
    ENUM;

    /** Whether the values are numbers (arithmetic applies). */
    public boolean isNumeric() {
        return this == SHORT || this == INTEGER || this == LONG || this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    /** Whether values of this type are text (LIKE lookups apply). */
    public boolean isText() {
        return this == VARCHAR || this == TEXT;
    }
}
