package dev.quarry;

import dev.quarry.meta.ModelRegistry;
import java.util.Objects;

/**
 * The to-one end of a relation: the foreign key value, and once loaded the object it points to. Reading the key
 * never queries ({@code book.author.id()}); reading the object needs it loaded ({@code selectRelated}), and says how
 * to load it when it is not.
 *
 * @param <T> the related model
 */
public final class Ref<T> {
    private Object id;
    private T object;
    private boolean loaded;
    private String description = "this relation";
    private Loader loader;

    /** Loads a relation that was not loaded with its owner, as the query's fetch mode says. */
    public interface Loader {
        /** Loads {@code ref}'s object (calling {@link #setLoaded}), or throws saying why it will not. */
        void load(Ref<?> ref);
    }

    /** The related object's primary key, or null when the relation is empty. */
    @SuppressWarnings("unchecked")
    public <K> K id() {
        if (id == null && object != null) {
            return (K) ModelRegistry.of(object.getClass()).primaryKeyValue(cast(object));
        }
        return (K) id;
    }

    /** Whether the relation points to an object that has no key yet (saving the owner now would lose the link). */
    public boolean pointsToUnsavedObject() {
        return id == null && object != null
                && ModelRegistry.of(object.getClass()).primaryKeyValue(cast(object)) == null;
    }

    /** Whether {@link #get()} can answer without a query. */
    public boolean isLoaded() {
        return loaded || id == null && object == null;
    }

    /**
     * The related object (null for an empty relation). When the query that read the owner did not load it, the
     * query's fetch mode decides: load it now (LAZY, the default), load it for every object of that result at once
     * (PEERS), or fail (STRICT).
     *
     * @throws RelationNotLoadedException in STRICT mode, or for an owner that no query read
     */
    public T get() {
        if (isLoaded()) {
            return object;
        }
        if (loader != null) {
            loader.load(this);
            return object;
        }
        throw new RelationNotLoadedException(description + " (key " + id + ") was not loaded: add "
                + "selectRelated(...) with this relation to the query that read its owner");
    }

    /** For the query layer: how to load this relation on access. */
    public void attach(Loader loader) {
        this.loader = loader;
    }

    /** Where this relation was read from, for messages ({@code Book.author}). */
    public String description() {
        return description;
    }

    /** Points the relation at {@code object} (which may be unsaved yet: its key is read when the owner is saved). */
    public void set(T object) {
        this.object = object;
        this.id = null;
        this.loaded = true;
    }

    /** Points the relation at the object with this key; the object itself is not loaded. */
    public void setId(Object id) {
        if (!Objects.equals(id(), id)) {
            this.object = null;
            this.loaded = false;
        }
        this.id = id;
    }

    /** For generated code and the query layer: the key read from a row, with where it came from for messages. */
    public void setIdFromRow(Object id, String description) {
        this.id = id;
        this.object = null;
        this.loaded = false;
        this.description = description;
    }

    /** For the query layer: the related object read with its owner (null for an empty relation). */
    public void setLoaded(T object) {
        this.object = object;
        this.loaded = true;
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object object) {
        return (X) object;
    }

    @Override
    public String toString() {
        return loaded ? "Ref[" + object + "]" : "Ref[id=" + id + ", not loaded]";
    }
}
