package dev.quarry.annotation;

/** What deleting a referenced object does to the objects that refer to it: Django's {@code on_delete}. */
public enum OnDelete {
    /** Delete the referring objects too (and theirs, in one transaction). */
    CASCADE,
    /** Refuse the delete with an error naming the referring objects. */
    PROTECT,
    /** Refuse, unless the referring objects are being deleted by the same cascade (Django's RESTRICT). */
    RESTRICT,
    /** Set the foreign key to NULL (the field must be @Nullable). */
    SET_NULL,
    /** Set the foreign key to its @Default. */
    SET_DEFAULT,
    /** Do nothing: the database's constraint decides. */
    DO_NOTHING
}
