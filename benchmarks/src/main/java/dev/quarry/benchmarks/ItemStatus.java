package dev.quarry.benchmarks;

/** The lifecycle of an {@link Item}; stored by name. */
public enum ItemStatus {
    NEW, ACTIVE, SOLD_OUT, ARCHIVED
}
