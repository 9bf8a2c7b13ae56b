package dev.quarry.query;

/**
 * What {@code getOrCreate}/{@code updateOrCreate} return: the object, and whether it was created (Django's tuple).
 */
public record GetOrCreateResult<T>(T object, boolean created) {
}
