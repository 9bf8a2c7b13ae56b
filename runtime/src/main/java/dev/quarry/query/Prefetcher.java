package dev.quarry.query;

import dev.quarry.Database;
import dev.quarry.Ref;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ModelMeta;
import dev.quarry.sql.ColumnRef;
import dev.quarry.sql.In;
import dev.quarry.sql.Param;
import dev.quarry.sql.TableSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads relations of objects already in memory with one query per relation level: Django's
 * {@code prefetch_related_objects}. The keys of every owner go into one {@code IN} list (one parameter past 1,000
 * keys, so any number of owners is one statement); owners whose relation is loaded or empty cost nothing, and a
 * level without keys runs no query.
 */
final class Prefetcher {
    private Prefetcher() {
    }

    /** Loads {@code relations} (and the relations on their way) for {@code owners}. */
    static <R> void prefetch(Database db, ModelMeta<R> model, Collection<? extends R> owners,
            List<TableSource.Join> relations, FetchMode mode) {
        List<TableSource.Join> joins = TableSource.Join.withParents(relations);
        Set<TableSource> parentsOfDeeperLevels = new HashSet<>();
        for (TableSource.Join join : joins) {
            parentsOfDeeperLevels.add(join.parent());
        }
        Map<TableSource, Collection<?>> objectsAt = new HashMap<>();
        objectsAt.put(new TableSource.Root(model), owners);
        for (TableSource.Join join : joins) {
            Collection<?> parents = objectsAt.getOrDefault(join.parent(), List.of());
            load(db, join, parents, mode);
            if (parentsOfDeeperLevels.contains(join)) {
                objectsAt.put(join, related(join, parents));
            }
        }
    }

    /** Loads one relation of the parents with one query for the keys not loaded yet (none when there are none). */
    private static void load(Database db, TableSource.Join join, Collection<?> parents, FetchMode mode) {
        ModelMeta<?> ownerModel = join.parent().model();
        Set<Object> keys = new LinkedHashSet<>();
        for (Object parent : parents) {
            Ref<?> ref = ref(ownerModel, parent, join.foreignKey());
            if (!ref.isLoaded()) {
                keys.add(ref.id());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<Object, Object> byKey = byKey(db, join.model(), keys, mode);
        for (Object parent : parents) {
            Ref<?> ref = ref(ownerModel, parent, join.foreignKey());
            if (!ref.isLoaded()) {
                setLoaded(ref, byKey.get(ref.id()));
            }
        }
    }

    /** The distinct objects the parents' relation points to: the owners of the next level. */
    private static List<Object> related(TableSource.Join join, Collection<?> parents) {
        ModelMeta<?> ownerModel = join.parent().model();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> related = new ArrayList<>();
        for (Object parent : parents) {
            Object object = ref(ownerModel, parent, join.foreignKey()).get();
            if (object != null && seen.put(object, Boolean.TRUE) == null) {
                related.add(object);
            }
        }
        return related;
    }

    /** Loads every ref not loaded yet with one query for all their keys (none when there are none). */
    static void loadRefs(Database db, ModelMeta<?> target, List<Ref<?>> refs, FetchMode mode) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Ref<?> ref : refs) {
            if (!ref.isLoaded()) {
                keys.add(ref.id());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<Object, Object> byKey = byKey(db, target, keys, mode);
        for (Ref<?> ref : refs) {
            if (!ref.isLoaded()) {
                setLoaded(ref, byKey.get(ref.id()));
            }
        }
    }

    /** The objects with these keys, by key: one query. */
    private static Map<Object, Object> byKey(Database db, ModelMeta<?> target, Collection<?> keys,
            FetchMode mode) {
        Map<Object, Object> byKey = new HashMap<>();
        for (Object related : byKeys(db, target, keys, mode)) {
            byKey.put(primaryKey(target, related), related);
        }
        return byKey;
    }

    /**
     * The objects of a model whose keys are given: one query, whatever the number of keys. {@code mode} is the fetch
     * mode of the query the owners came from, so that a STRICT query stays strict for the objects it prefetches.
     */
    static <X> List<X> byKeys(Database db, ModelMeta<X> model, Collection<?> keys, FetchMode mode) {
        return byKeys(db, model, keys, mode, null);
    }

    /** As above, the objects read counting their lazy loads with those of the result they were loaded for. */
    static <X> List<X> byKeys(Database db, ModelMeta<X> model, Collection<?> keys, FetchMode mode,
            ResultRelations.LazyLoads lazyLoads) {
        ColumnMeta key = model.primaryKey();
        List<Param> params = new ArrayList<>(keys.size());
        for (Object value : keys) {
            params.add(new Param(value, key.type()));
        }
        return db.query(model).fetchMode(mode).countingLazyLoadsWith(lazyLoads)
                .filter(new Condition<>(new In(ColumnRef.of(key), key.type(), params))).list();
    }

    @SuppressWarnings("unchecked")
    private static <O> Ref<?> ref(ModelMeta<O> model, Object owner, ColumnMeta foreignKey) {
        return model.ref((O) owner, foreignKey);
    }

    @SuppressWarnings("unchecked")
    private static <X> Object primaryKey(ModelMeta<X> model, Object object) {
        return model.primaryKeyValue((X) object);
    }

    @SuppressWarnings("unchecked")
    static <X> void setLoaded(Ref<X> ref, Object object) {
        ref.setLoaded((X) object);
    }
}
