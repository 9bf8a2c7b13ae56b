package dev.quarry.migrations.autodetect;

import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.TableState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * For runs without a terminal (CI, {@code --check}, a build plugin), as Django's non-interactive questioner: renames
 * are answered no, and each such answer is recorded as a note saying that the data will be dropped and how to answer
 * yes instead; a NOT NULL column without a default is refused with a message naming the answer that would allow it.
 */
public final class NonInteractiveQuestioner implements Questioner {
    private final PrintStream notesOut;
    private final List<String> notes = new ArrayList<>();

    /** Notes are only collected ({@link #notes()}). */
    public NonInteractiveQuestioner() {
        this(null);
    }

    /** Notes are also written to {@code notesOut} (e.g. standard error) as they are made. */
    public NonInteractiveQuestioner(PrintStream notesOut) {
        this.notesOut = notesOut;
    }

    /** What was answered no without asking, and how to answer yes. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    @Override
    public boolean askRenameModel(TableState oldTable, TableState newTable) {
        note("Not asked (non-interactive): " + oldTable.model() + " (table " + oldTable.name()
                + ") may have been renamed to " + newTable.model() + " (table " + newTable.name() + "); answered no, "
                + "so table " + oldTable.name() + " is DROPPED with its rows and " + newTable.name() + " created. To "
                + "rename it, run makemigrations in a terminal or answer \"rename-model " + oldTable.name() + "="
                + newTable.name() + "\".");
        return false;
    }

    @Override
    public boolean askRenameField(String table, String model, ColumnState oldColumn, ColumnState newColumn) {
        note("Not asked (non-interactive): " + model + "." + oldColumn.field() + " may have been renamed to "
                + model + "." + newColumn.field() + "; answered no, so column " + table + "." + oldColumn.columnName()
                + " is DROPPED with its values and " + newColumn.columnName() + " added. To rename it, run "
                + "makemigrations in a terminal or answer \"rename-field " + table + "." + oldColumn.columnName() + "="
                + newColumn.columnName() + "\".");
        return false;
    }

    @Override
    public String askOneOffDefault(String table, String model, ColumnState column) {
        throw new QuestionRefusedException(Questions.refuseAddition(table, model, column,
                Questions.answersForAddition(table, column)));
    }

    @Override
    public Optional<String> askNotNullAlteration(String table, String model, ColumnState from, ColumnState to) {
        throw new QuestionRefusedException(Questions.refuseAlteration(table, model, to,
                Questions.answersForAlteration(table, to)));
    }

    private void note(String note) {
        notes.add(note);
        if (notesOut != null) {
            notesOut.println(note);
        }
    }
}
