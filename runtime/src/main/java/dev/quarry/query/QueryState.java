package dev.quarry.query;

import dev.quarry.sql.And;
import dev.quarry.sql.OrderItem;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.TableSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/** The immutable description of a query set; every query-set method returns a copy with one thing changed. */
record QueryState(
        List<Predicate> filters,
        List<OrderItem> ordering,
        Long limit,
        Long offset,
        boolean distinct,
        boolean none,
        boolean forUpdate,
        List<TableSource.Join> selectRelated,
        FetchMode fetchMode) {

    static final QueryState ALL = new QueryState(List.of(), List.of(), null, null, false, false, false, List.of(),
            null);

    QueryState withFilter(Predicate predicate) {
        List<Predicate> all = new ArrayList<>(filters);
        all.add(predicate);
        return new QueryState(List.copyOf(all), ordering, limit, offset, distinct, none, forUpdate,
                selectRelated, fetchMode);
    }

    QueryState withOrdering(List<OrderItem> items) {
        return new QueryState(filters, List.copyOf(items), limit, offset, distinct, none, forUpdate,
                selectRelated, fetchMode);
    }

    QueryState withSlice(Long newLimit, Long newOffset) {
        return new QueryState(filters, ordering, newLimit, newOffset, distinct, none, forUpdate,
                selectRelated, fetchMode);
    }

    QueryState withDistinct() {
        return new QueryState(filters, ordering, limit, offset, true, none, forUpdate, selectRelated, fetchMode);
    }

    QueryState withNone() {
        return new QueryState(filters, ordering, limit, offset, distinct, true, forUpdate, selectRelated, fetchMode);
    }

    QueryState withForUpdate() {
        return new QueryState(filters, ordering, limit, offset, distinct, none, true, selectRelated, fetchMode);
    }

    /** Adds relations to load with the rows (and the relations on their way), keeping the earlier ones. */
    QueryState withSelectRelated(List<TableSource.Join> joins) {
        Set<TableSource.Join> all = new LinkedHashSet<>(selectRelated);
        for (TableSource.Join join : joins) {
            addWithParents(join, all);
        }
        return new QueryState(filters, ordering, limit, offset, distinct, none, forUpdate, List.copyOf(all), fetchMode);
    }

    private static void addWithParents(TableSource.Join join, Set<TableSource.Join> joins) {
        if (join.parent() instanceof TableSource.Join parent) {
            addWithParents(parent, joins);
        }
        joins.add(join);
    }

    QueryState withFetchMode(FetchMode mode) {
        return new QueryState(filters, ordering, limit, offset, distinct, none, forUpdate, selectRelated, mode);
    }

    boolean sliced() {
        return limit != null || offset != null;
    }

    /** The WHERE predicate, or null when unfiltered. */
    Predicate where() {
        if (filters.isEmpty()) {
            return null;
        }
        return filters.size() == 1 ? filters.get(0) : new And(filters);
    }

    /** True when the answer is known to be empty without asking the database. */
    boolean matchesNothing() {
        if (none || (limit != null && limit == 0)) {
            return true;
        }
        for (Predicate filter : filters) { // a loop, not a stream: this runs on every evaluation
            if (filter.matchesNothing()) {
                return true;
            }
        }
        return false;
    }
}
