package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code String} stored as unbounded text (TEXT/CLOB) instead of VARCHAR. Not on a primary key, nor with
 * {@code @Unique}/{@code @Indexed}: MySQL and MariaDB cannot index unbounded text.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Text {}
