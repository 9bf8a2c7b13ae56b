package dev.quarry.query;

import dev.quarry.sql.TableSource;

/**
 * A relation that {@code prefetchRelated} can load with one extra query per level. Foreign keys are prefetchable;
 * reverse and many-to-many relations will be too.
 *
 * @param <R> the queried model
 */
public interface Prefetchable<R> {
    /** The foreign keys this relation follows. */
    TableSource.Join join();
}
