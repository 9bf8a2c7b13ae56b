package dev.quarry.it.model;

import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.Default;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** @Default on every type that supports one; every column has a default so a bare INSERT works. */
@Model
public class Settings {
    @PrimaryKey
    public Long id;

    @Default("true")
    public Boolean enabled;

    @Default("5")
    public Integer retries;

    @Default("7")
    public Short level;

    @Default("9000000000")
    public Long quota;

    /** A primitive: always written (0 when not set); the default only shapes the DDL. */
    @Default("42")
    public long primitiveCounter;

    @Default("1.5")
    public Double ratio;

    @Default("2.25")
    public Float factor;

    @Default("9.99")
    @Decimal(precision = 10, scale = 2)
    public BigDecimal fee;

    @Default("hello")
    @MaxLength(20)
    public String greeting;

    @Default("it's")
    @MaxLength(10)
    public String quoted;

    @Default("2024-01-31")
    public LocalDate startDate;

    @Default("12:30")
    public LocalTime alarm;

    @Default("2024-01-31T10:15:30")
    public LocalDateTime since;

    @Default("GREEN")
    public AllTypes.Color color;
}
