package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Precision and scale of a {@code BigDecimal} column: required for every BigDecimal field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Decimal {
    /** Total number of digits, 1 to 1000. */
    int precision();

    /** Digits after the decimal point, 0 to precision. */
    int scale();
}
