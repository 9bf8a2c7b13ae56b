package dev.quarry.it.model;

import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import dev.quarry.annotation.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One column of every supported type, NOT NULL and nullable. */
@Model
public class AllTypes {
    /** An enum nested in the model. */
    public enum Color {
        RED,
        GREEN,
        BLUE
    }

    @PrimaryKey
    public Long id;

    public boolean flag;
    @Nullable
    public Boolean flagOrNull;

    public short smallValue;
    @Nullable
    public Short smallOrNull;

    public int intValue;
    @Nullable
    public Integer intOrNull;
    /** Boxed but NOT NULL. */
    public Integer boxedInt;

    public long longValue;
    @Nullable
    public Long longOrNull;

    public float floatValue;
    @Nullable
    public Float floatOrNull;

    public double doubleValue;
    @Nullable
    public Double doubleOrNull;

    @Decimal(precision = 30, scale = 10)
    public BigDecimal decimalValue;
    @Nullable
    @Decimal(precision = 12, scale = 4)
    public BigDecimal decimalOrNull;

    @MaxLength(100)
    public String varcharValue;
    @Nullable
    @MaxLength(10)
    public String shortVarchar;

    @Text
    public String textValue;
    @Nullable
    @Text
    public String textOrNull;

    public LocalDate date;
    @Nullable
    public LocalDate dateOrNull;

    public LocalTime time;
    @Nullable
    public LocalTime timeOrNull;

    public LocalDateTime dateTime;
    @Nullable
    public LocalDateTime dateTimeOrNull;

    public Instant instant;
    @Nullable
    public Instant instantOrNull;

    public OffsetDateTime offsetDateTime;
    @Nullable
    public OffsetDateTime offsetDateTimeOrNull;

    public UUID uuid;
    @Nullable
    public UUID uuidOrNull;

    public byte[] bytes;
    @Nullable
    public byte[] bytesOrNull;

    public Color color;
    @Nullable
    @MaxLength(10)
    public Color colorOrNull;
}
