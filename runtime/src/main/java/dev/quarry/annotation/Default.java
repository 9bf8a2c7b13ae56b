package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database default of the column, also applied by Quarry when a reference field is {@code null} on insert.
 * Written as the value's text: {@code "0"}, {@code "true"}, {@code "2024-01-31"}, an enum constant name, any string.
 * The processor checks at compile time that the text parses as the field's type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Default {
    String value();
}
