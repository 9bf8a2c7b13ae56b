package dev.quarry.migrations;

import dev.quarry.migrations.state.ProjectState;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema states a run of migrate asks for, one per step: each replays only what differs from the sequence asked
 * before it. A step's sequence is the previous one with one migration added at the end (forwards) or taken off the
 * end (rollbacks, the last applied first), so a run of n migrations replays each once instead of n times.
 */
final class ReplayedStates {
    private final List<Migration> sequence = new ArrayList<>();
    /** {@code after.get(i)}: the state once {@code sequence.get(0..i)} are applied. */
    private final List<ProjectState> after = new ArrayList<>();

    /** The state after these migrations, applied in this order from the empty schema. */
    ProjectState after(List<Migration> migrations) {
        int common = 0;
        while (common < sequence.size() && common < migrations.size()
                && sequence.get(common) == migrations.get(common)) { // the graph's own objects: no deep equals
            common++;
        }
        sequence.subList(common, sequence.size()).clear();
        after.subList(common, after.size()).clear();
        ProjectState state = common == 0 ? ProjectState.EMPTY : after.get(common - 1);
        for (Migration migration : migrations.subList(common, migrations.size())) {
            state = MigrationGraph.apply(migration, state);
            sequence.add(migration);
            after.add(state);
        }
        return state;
    }
}
