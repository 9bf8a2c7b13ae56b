package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a Quarry model: one table, one column per non-static, non-transient field.
 * The processor generates {@code <Name>Query} beside it (typed paths, the query entry point and row mapping).
 *
 * <p>A model is a top-level or static nested, non-abstract, non-generic class with a constructor without parameters
 * that the generated code can call (public or package-private). Records are not models, and a model's superclasses
 * may not declare fields (no model inheritance yet): see docs/models.md.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
    /** Table name; defaults to the snake_case of the class name ({@code BookAuthor} becomes {@code book_author}). */
    String table() default "";
}
