package dev.quarry.query;

import dev.quarry.sql.And;
import dev.quarry.sql.Not;
import dev.quarry.sql.Or;
import dev.quarry.sql.Predicate;
import java.util.List;
import java.util.Objects;

/**
 * A filter condition on model {@code R}: what lookups return and {@code filter}/{@code exclude} take. Combine with
 * {@link #and}, {@link #or} and {@link #negate}, or with {@link Q}. Immutable.
 *
 * @param <R> the model the condition applies to; a condition on another model does not compile
 */
public final class Condition<R> {
    private final Predicate predicate;

    public Condition(Predicate predicate) {
        this.predicate = Objects.requireNonNull(predicate);
    }

    /** The SQL tree of the condition (used by the query compiler). */
    public Predicate predicate() {
        return predicate;
    }

    public Condition<R> and(Condition<R> other) {
        return new Condition<>(new And(List.of(predicate, other.predicate)));
    }

    public Condition<R> or(Condition<R> other) {
        return new Condition<>(new Or(List.of(predicate, other.predicate)));
    }

    /** NOT this condition; rows where a compared nullable column is NULL match the negation (as in Django). */
    public Condition<R> negate() {
        return new Condition<>(Not.of(predicate));
    }
}
