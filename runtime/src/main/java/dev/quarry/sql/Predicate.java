package dev.quarry.sql;

/** A boolean node: a lookup or a combination of lookups, as used in WHERE. */
public interface Predicate extends SqlNode {
    /**
     * True when the predicate can match no row whatever the data (an {@code in} with an empty list): the query is
     * then answered without asking the database, as Django does.
     */
    default boolean matchesNothing() {
        return false;
    }

    /**
     * This predicate as it must be written under NOT: a lookup on a nullable column also requires the column to be
     * non-null, so that {@code exclude(price > 5)} keeps rows whose price is NULL (Django's exclude semantics).
     */
    default Predicate guardedForNegation() {
        return this;
    }
}
