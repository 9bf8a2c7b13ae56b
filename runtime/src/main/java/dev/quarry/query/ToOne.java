package dev.quarry.query;

import dev.quarry.sql.TableSource;

/**
 * A path that reaches at most one related object per row (a foreign key, followed any number of times):
 * what {@code selectRelated} accepts. To-many paths do not implement it, so passing one does not compile.
 *
 * @param <R> the queried model
 */
public interface ToOne<R> {
    /** The chain of joins this path follows. */
    TableSource.Join join();
}
