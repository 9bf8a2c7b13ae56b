package dev.quarry.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.meta.ColumnType;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each state asked for is the one a whole replay gives, whatever was asked before. */
class ReplayedStatesTest {
    private final List<Migration> migrations = new ArrayList<>();

    ReplayedStatesTest() {
        add(new CreateModel(new TableState("Note", "note", List.of(new ColumnState("id", "id", ColumnType.LONG,
                false, true, true, 0, 0, 0, false, false, null, null, null)), List.of())));
        for (int i = 1; i <= 5; i++) {
            add(new AddField("note", new ColumnState("c" + i, "c" + i, ColumnType.INTEGER, true, false, false, 0, 0,
                    0, false, false, null, null, null), null));
        }
    }

    private void add(Operation operation) {
        int number = migrations.size() + 1;
        migrations.add(new Migration(String.format("%04d_m", number), List.of(), List.of(operation),
                "checksum" + number));
    }

    private void assertReplays(ReplayedStates states, List<Migration> sequence) {
        assertEquals(MigrationGraph.stateAfter(sequence), states.after(sequence), sequence.toString());
    }

    @Test
    void forwardsRollbacksAndAnotherBranch() {
        ReplayedStates states = new ReplayedStates();
        for (int i = 0; i <= migrations.size(); i++) {
            assertReplays(states, migrations.subList(0, i)); // migrate: one more each time
        }
        for (int i = migrations.size(); i >= 0; i--) {
            assertReplays(states, migrations.subList(0, i)); // a rollback: one fewer each time
        }
        // a sequence that leaves one out in the middle (the other branch of a merge), then the whole again
        List<Migration> skipping = new ArrayList<>(migrations);
        skipping.remove(2);
        assertReplays(states, skipping);
        assertReplays(states, migrations);
        assertReplays(states, List.of());
    }
}
