package dev.quarry.migrations;

import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.state.ProjectState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The migrations and their dependencies: checked once (every dependency exists, no cycle), then ordered so that each
 * migration comes after what it depends on, ties broken by number, then name, so every process computes the same order.
 */
public final class MigrationGraph {
    private final Map<String, Migration> byName = new LinkedHashMap<>();
    private final List<Migration> ordered;

    public MigrationGraph(Collection<Migration> migrations) {
        for (Migration migration : migrations) {
            if (byName.put(migration.name(), migration) != null) {
                throw new MigrationException("Two migrations are named " + migration.name());
            }
        }
        for (Migration migration : migrations) {
            for (String dependency : migration.dependencies()) {
                if (!byName.containsKey(dependency)) {
                    throw new MigrationException("Migration " + migration.name() + " depends on " + dependency
                            + ", which does not exist; the migrations are " + byName.keySet());
                }
            }
        }
        this.ordered = List.copyOf(topologicalOrder());
    }

    /** Kahn's algorithm, always taking the first name ready ({@link Migration#NAME_ORDER}). */
    private List<Migration> topologicalOrder() {
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Migration migration : byName.values()) {
            waitingFor.put(migration.name(), migration.dependencies().size());
            for (String dependency : migration.dependencies()) {
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(migration.name());
            }
        }
        TreeSet<String> ready = new TreeSet<>(Migration.NAME_ORDER);
        waitingFor.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        List<Migration> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String name = ready.pollFirst();
            order.add(byName.get(name));
            for (String dependent : dependents.getOrDefault(name, List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < byName.size()) {
            Set<String> stuck = new TreeSet<>(byName.keySet());
            order.forEach(m -> stuck.remove(m.name()));
            throw new MigrationException("The dependencies of migrations " + stuck + " form a cycle");
        }
        return order;
    }

    /** Every migration, each after its dependencies. */
    public List<Migration> ordered() {
        return ordered;
    }

    public Migration get(String name) {
        Migration migration = byName.get(name);
        if (migration == null) {
            throw new MigrationException("No migration " + name + "; the migrations are " + byName.keySet());
        }
        return migration;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The migrations no other migration depends on: one in a healthy history. */
    public List<Migration> leaves() {
        Set<String> dependedOn = new HashSet<>();
        for (Migration migration : ordered) {
            dependedOn.addAll(migration.dependencies());
        }
        return ordered.stream().filter(m -> !dependedOn.contains(m.name())).toList();
    }

    /**
     * Fails when two migrations both continue the history (made on two branches, say): Django's "conflicting
     * migrations", with the way out.
     */
    public void requireOneLeaf() {
        List<Migration> leaves = leaves();
        if (leaves.size() > 1) {
            throw new MigrationException("Conflicting migrations: " + leaves.stream().map(Migration::name).toList()
                    + " all continue the history (made in parallel, on two branches for instance). Check that their "
                    + "changes do not clash, then run makemigrations --merge to write a migration that depends on "
                    + "all of them.");
        }
    }

    /** The schema state after every migration. */
    public ProjectState finalState() {
        return stateAfter(ordered);
    }

    /** The state after applying these migrations (in the given order) from the empty schema. */
    public static ProjectState stateAfter(List<Migration> migrations) {
        ProjectState state = ProjectState.EMPTY;
        for (Migration migration : migrations) {
            state = apply(migration, state);
        }
        return state;
    }

    /** The state after one migration. */
    public static ProjectState apply(Migration migration, ProjectState state) {
        ProjectState current = state;
        for (int i = 0; i < migration.operations().size(); i++) {
            current = applyOne(migration, i, current);
        }
        return current;
    }

    /**
     * The state before each operation of the migration (migrate runs each from its own); an operation that cannot
     * apply is an error naming the migration and the operation, as for {@link #apply}.
     */
    public static List<ProjectState> statesBeforeEach(Migration migration, ProjectState state) {
        List<ProjectState> states = new ArrayList<>();
        ProjectState current = state;
        for (int i = 0; i < migration.operations().size(); i++) {
            states.add(current);
            current = applyOne(migration, i, current);
        }
        return states;
    }

    private static ProjectState applyOne(Migration migration, int index, ProjectState state) {
        Operation operation = migration.operations().get(index);
        try {
            return operation.apply(state);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Migration " + migration.name() + ", operation " + (index + 1) + " ("
                    + operation.describe() + "): " + e.getMessage(), e);
        }
    }

    /** The migrations up to and including {@code target}, in order (all of its dependencies, transitively). */
    public List<Migration> upTo(String target) {
        Set<String> needed = new HashSet<>();
        collect(get(target), needed);
        return ordered.stream().filter(m -> needed.contains(m.name())).toList();
    }

    private void collect(Migration migration, Set<String> needed) {
        if (needed.add(migration.name())) {
            for (String dependency : migration.dependencies()) {
                collect(byName.get(dependency), needed);
            }
        }
    }
}
