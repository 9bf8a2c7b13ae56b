package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column accepts NULL. Without it a column is NOT NULL, as in Django. Primitive fields cannot be nullable.
 * (Any annotation named {@code Nullable}, such as JSpecify's, is understood the same way.)
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Nullable {}
