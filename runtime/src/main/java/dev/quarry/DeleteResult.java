package dev.quarry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a delete removed: Django's {@code (count, {model: count})}. The total counts every row deleted, cascades
 * included; {@link #counts()} breaks it down per model, in the order the rows were deleted (referring rows first), and
 * lists only models that lost rows. Rows changed by SET_NULL or SET_DEFAULT are not counted: they were updated, not
 * deleted (as in Django).
 */
public final class DeleteResult {
    /** Nothing deleted. */
    public static final DeleteResult NONE = new DeleteResult(Map.of());

    private final Map<Class<?>, Integer> counts;
    private final int total;

    /** @param counts rows deleted per model class, in deletion order; zero counts are dropped */
    public DeleteResult(Map<Class<?>, Integer> counts) {
        Map<Class<?>, Integer> copy = new LinkedHashMap<>();
        int sum = 0;
        for (Map.Entry<Class<?>, Integer> entry : counts.entrySet()) {
            int count = Objects.requireNonNull(entry.getValue(), "count");
            if (count > 0) {
                copy.merge(Objects.requireNonNull(entry.getKey(), "model"), count, Integer::sum);
                sum += count;
            }
        }
        this.counts = Collections.unmodifiableMap(copy);
        this.total = sum;
    }

    /** A result for rows of one model only. */
    public static DeleteResult of(Class<?> model, int count) {
        return count == 0 ? NONE : new DeleteResult(Map.of(model, count));
    }

    /** Every row deleted, cascades included. */
    public int total() {
        return total;
    }

    /** Rows deleted per model, in deletion order; models that lost no row are absent. */
    public Map<Class<?>, Integer> counts() {
        return counts;
    }

    /** Rows of this model deleted (0 when none). */
    public int count(Class<?> model) {
        return counts.getOrDefault(model, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeleteResult result && counts.equals(result.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    /** {@code 4 deleted (Novel: 3, Author: 1)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(total).append(" deleted");
        if (!counts.isEmpty()) {
            text.append(" (");
            String separator = "";
            for (Map.Entry<Class<?>, Integer> entry : counts.entrySet()) {
                text.append(separator).append(entry.getKey().getSimpleName()).append(": ").append(entry.getValue());
                separator = ", ";
            }
            text.append(")");
        }
        return text.toString();
    }
}
