package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import dev.quarry.meta.ColumnType;

/**
 * The Java value types a column can hold, with what the generated code calls for each: the {@code Row} reader, the
 * {@code Binder} setter and the field-path class of {@code XxxQuery}.
 */
enum ValueKind {
    BOOLEAN(ColumnType.BOOLEAN, "Boolean", "getBoolean", "getBooleanOrNull", "setBoolean", PathClass.BOOLEAN),
    SHORT(ColumnType.SHORT, "Short", "getShort", "getShortOrNull", "setShort", PathClass.NUMBER),
    INTEGER(ColumnType.INTEGER, "Integer", "getInt", "getIntOrNull", "setInt", PathClass.NUMBER),
    LONG(ColumnType.LONG, "Long", "getLong", "getLongOrNull", "setLong", PathClass.NUMBER),
    FLOAT(ColumnType.FLOAT, "Float", "getFloat", "getFloatOrNull", "setFloat", PathClass.NUMBER),
    DOUBLE(ColumnType.DOUBLE, "Double", "getDouble", "getDoubleOrNull", "setDouble", PathClass.NUMBER),
    DECIMAL(ColumnType.DECIMAL, "BigDecimal", "getBigDecimal", "getBigDecimal", "setBigDecimal", PathClass.NUMBER),
    /** VARCHAR or TEXT, decided by {@code @MaxLength} / {@code @Text}. */
    STRING(ColumnType.VARCHAR, "String", "getString", "getString", "setString", PathClass.STRING),
    DATE(ColumnType.DATE, "LocalDate", "getLocalDate", "getLocalDate", "setLocalDate", PathClass.DATE),
    TIME(ColumnType.TIME, "LocalTime", "getLocalTime", "getLocalTime", "setLocalTime", PathClass.TIME),
    DATETIME(ColumnType.DATETIME, "LocalDateTime", "getLocalDateTime", "getLocalDateTime", "setLocalDateTime",
            PathClass.DATE_TIME),
    INSTANT(ColumnType.INSTANT, "Instant", "getInstant", "getInstant", "setInstant", PathClass.DATE_TIME),
    OFFSET_DATETIME(ColumnType.OFFSET_DATETIME, "OffsetDateTime", "getOffsetDateTime", "getOffsetDateTime",
            "setOffsetDateTime", PathClass.DATE_TIME),
    UUID(ColumnType.UUID, "UUID", "getUuid", "getUuid", "setUuid", PathClass.VALUE),
    BYTES(ColumnType.BYTES, "byte[]", "getBytes", "getBytes", "setBytes", PathClass.VALUE),
    /** Reads with {@code getEnum(E::valueOf)}; the reader name is not used directly. */
    ENUM(ColumnType.ENUM, "enum", "getEnum", "getEnum", "setEnum", PathClass.VALUE);

    /** The {@code dev.quarry.query} class of a field path, and whether it takes the value type as 2nd argument. */
    enum PathClass {
        BOOLEAN("BooleanField", false),
        NUMBER("NumberField", true),
        STRING("StringField", false),
        DATE("DateField", false),
        TIME("TimeField", false),
        DATE_TIME("DateTimeField", true),
        VALUE("ValueField", true);

        final ClassName className;
        final boolean takesValueType;

        PathClass(String simpleName, boolean takesValueType) {
            this.className = ClassName.get("dev.quarry.query", simpleName);
            this.takesValueType = takesValueType;
        }
    }

    final ColumnType columnType;
    /** How messages name the type. */
    final String displayName;
    /** Row method for a primitive field (or the only one for reference types). */
    final String rowGetter;
    /** Row method for a boxed field: returns null for SQL NULL. */
    final String rowGetterOrNull;
    final String binderSetter;
    final PathClass pathClass;

    ValueKind(ColumnType columnType, String displayName, String rowGetter, String rowGetterOrNull,
            String binderSetter, PathClass pathClass) {
        this.columnType = columnType;
        this.displayName = displayName;
        this.rowGetter = rowGetter;
        this.rowGetterOrNull = rowGetterOrNull;
        this.binderSetter = binderSetter;
        this.pathClass = pathClass;
    }

    /** Whether a Java primitive exists for the kind (so a field of the kind may be primitive). */
    boolean hasPrimitive() {
        return ordinal() <= DOUBLE.ordinal();
    }

    boolean isIntegral() {
        return this == SHORT || this == INTEGER || this == LONG;
    }
}
