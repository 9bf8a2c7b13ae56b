package dev.quarry.it.model;

/** The life cycle of a {@link Book}: an enum column stored by name. */
public enum Status {
    DRAFT,
    PUBLISHED,
    OUT_OF_PRINT
}
