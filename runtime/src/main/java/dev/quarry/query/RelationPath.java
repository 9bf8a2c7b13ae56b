package dev.quarry.query;

import dev.quarry.Database;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ModelMeta;
import dev.quarry.sql.ColumnRef;
import dev.quarry.sql.IsNull;
import dev.quarry.sql.TableSource;
import java.util.Collection;
import java.util.List;

/**
 * The related model {@code T} reached from the queried model {@code R} through foreign keys:
 * {@code BookQuery.author()} is an {@code AuthorQuery.Path<Book>}, whose generated methods give Author's fields as
 * paths of Book queries ({@code BookQuery.author().name()}) and Author's own relations
 * ({@code BookQuery.author().publisher()}).
 *
 * @param <R> the queried model
 * @param <T> the related model
 */
public abstract class RelationPath<R, T> implements ToOne<R>, Prefetchable<R> {
    private final TableSource.Join join;

    protected RelationPath(TableSource.Join join) {
        this.join = join;
        join.model(); // initialises the related query class, whose metadata owns the columns this path reads
    }

    @Override
    public final TableSource.Join join() {
        return join;
    }

    /**
     * Loads this relation for objects already in memory, with one query for all of them (Django's
     * {@code prefetch_related_objects}): {@code BookQuery.author().prefetch(db, books)}.
     */
    public void prefetch(Database db, Collection<? extends R> owners) {
        Prefetcher.prefetch(db, rootModel(), owners, List.of(join), db.fetchMode());
    }

    /** Loads this relation for one object already in memory (no query when it is loaded or empty). */
    public void prefetch(Database db, R owner) {
        prefetch(db, List.of(owner));
    }

    @SuppressWarnings("unchecked")
    private ModelMeta<R> rootModel() {
        TableSource source = join;
        while (source instanceof TableSource.Join step) {
            source = step.parent();
        }
        return (ModelMeta<R>) source.model();
    }

    /** The relation is empty (its foreign key is NULL). */
    public Condition<R> isNull() {
        return new Condition<>(new IsNull(foreignKey(), true));
    }

    /** The relation points to an object. */
    public Condition<R> isNotNull() {
        return new Condition<>(new IsNull(foreignKey(), false));
    }

    /**
     * A column of the related model, reached through this relation. The related primary key is the foreign key's
     * own value, so it needs no join ({@code BookQuery.author().id()} reads {@code book.author_id}).
     */
    protected final ColumnRef column(ColumnMeta column) {
        return column.primaryKey() ? foreignKey() : new ColumnRef(join, column);
    }

    /** A relation of the related model, followed from here. */
    protected final TableSource.Join join(ColumnMeta foreignKey) {
        return new TableSource.Join(join, foreignKey);
    }

    private ColumnRef foreignKey() {
        return new ColumnRef(join.parent(), join.foreignKey());
    }

    @Override
    public String toString() {
        return join.foreignKey().qualifiedName();
    }
}
