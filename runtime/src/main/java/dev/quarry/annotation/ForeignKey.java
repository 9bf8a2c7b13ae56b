package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation on a {@code Ref<Target>} field: the column {@code <field>_id} holds the target's primary key,
 * with a FOREIGN KEY constraint and an index. {@code book.author.id()} reads the key without a query.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** What deleting the target does to this object: required, as in Django, so that it is a conscious choice. */
    OnDelete onDelete();
}
