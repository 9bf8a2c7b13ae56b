package dev.quarry.query;

/**
 * What reading a relation that its query did not load does ({@code book.author.get()} without
 * {@code selectRelated}). Django 6.1's fetch modes are the model.
 */
public enum FetchMode {
    /** Load it now with one query; when several objects of one result do so, the N+1 detector warns. The default. */
    LAZY,
    /** Load it for every object of the same result at once: one query per relation instead of one per object. */
    PEERS,
    /** Fail with a {@code RelationNotLoadedException} naming the {@code selectRelated} call that would load it. */
    STRICT
}
