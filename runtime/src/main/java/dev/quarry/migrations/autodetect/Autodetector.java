package dev.quarry.migrations.autodetect;

import dev.quarry.meta.RelationMeta;
import dev.quarry.migrations.MigrationException;
import dev.quarry.migrations.operations.AddField;
import dev.quarry.migrations.operations.AddIndex;
import dev.quarry.migrations.operations.AddUnique;
import dev.quarry.migrations.operations.AlterField;
import dev.quarry.migrations.operations.CreateModel;
import dev.quarry.migrations.operations.DeleteModel;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RemoveField;
import dev.quarry.migrations.operations.RemoveIndex;
import dev.quarry.migrations.operations.RemoveUnique;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.state.ColumnState;
import dev.quarry.migrations.state.ProjectState;
import dev.quarry.migrations.state.TableState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The heart of makemigrations, as Django's MigrationAutodetector: the operations that turn one project state (the
 * migration files replayed) into another (the models), asking a {@link Questioner} what it cannot decide.
 *
 * <p>The operations come in this order, each group sorted by table name, then column order:
 * <ol>
 * <li>models renamed ({@code RenameModel}: foreign keys that point to the table follow). The same model name on
 *     another table, or another model name on the same table, is a rename without a question (no data is at stake);
 *     a table that disappeared and one with the same columns that appeared are asked about (the join tables of a
 *     model renamed so follow it without a question; those of a model answered not renamed are not asked about). A
 *     table that would pass
 *     from one model to another still on a table (two models swapping tables) is refused.</li>
 * <li>fields renamed ({@code RenameField}): a field keeping its Java name under another column name, or its column
 *     under another field name, without a question; a column that disappeared and one with the same definition that
 *     appeared in the same table are asked about.</li>
 * <li>unique constraints and indexes that go ({@code RemoveUnique}, {@code RemoveIndex}: an index alone).</li>
 * <li>columns removed ({@code RemoveField}).</li>
 * <li>tables created ({@code CreateModel}), each after the tables its foreign keys point to; a cycle of foreign keys
 *     (a self-reference is none) is broken by creating the first table of the cycle with the closing foreign key
 *     columns as plain columns, then adding their foreign keys ({@code AlterField}) once their targets exist. Join
 *     tables of many-to-many relations are tables like the others: after both sides.</li>
 * <li>columns added ({@code AddField}; a NOT NULL one without a default gets the one-off default the questioner
 *     gives).</li>
 * <li>columns altered ({@code AlterField}: type, length, precision, nullability, default, uniqueness, foreign key, and
 *     the index when something else changes too). A column made NOT NULL without a default is asked about: a
 *     one-off default gives two alterations, to NOT NULL with the default (the database fills the NULL values
 *     with it), then without the default.</li>
 * <li>tables deleted ({@code DeleteModel}), tables that refer to another deleted table first; a cycle is broken by
 *     dropping the closing foreign keys ({@code AlterField}) first.</li>
 * <li>indexes and unique constraints that come ({@code AddIndex}, {@code AddUnique}).</li>
 * </ol>
 *
 * <p>Replaying the operations on {@code from} gives {@code to}, with one exception in the order of the lists: an added
 * column or unique constraint comes last in its table, where the models may list it elsewhere; the order is not part
 * of the schema ({@link #sameSchema}), and a state differing from the models only there has no changes.
 */
public final class Autodetector {
    private final ProjectState to;
    private final Questioner questioner;
    private ProjectState current;
    private final List<Operation> operations = new ArrayList<>();
    /** How the columns of each table in both states correspond, by table name. */
    private final Map<String, Matching> matchings = new TreeMap<>();

    /** The columns of a table in both states: paired (by their new names), removed and added. */
    private record Matching(List<String> paired, List<String> removed, List<ColumnState> added) {
    }

    private Autodetector(ProjectState from, ProjectState to, Questioner questioner) {
        this.current = from;
        this.to = to;
        this.questioner = questioner;
    }

    /**
     * The operations that turn {@code from} into {@code to}; none when they have the same schema.
     *
     * @throws MigrationException when the questioner stops, or gives a one-off default that does not fit its column
     */
    public static List<Operation> changes(ProjectState from, ProjectState to, Questioner questioner) {
        requireTargets(from, "the migrations");
        requireTargets(to, "the models");
        Autodetector detector = new Autodetector(from, to, questioner);
        detector.renameModels();
        detector.renameFields();
        detector.removeConstraints();
        detector.removeFields();
        detector.createModels();
        detector.addFields();
        detector.alterFields();
        detector.deleteModels();
        detector.addConstraints();
        if (!sameSchema(detector.current, to)) {
            throw new IllegalStateException("Quarry bug: the detected operations " + detector.operations.stream()
                    .map(Operation::describe).toList() + " give " + detector.current.tables() + " instead of "
                    + to.tables());
        }
        return List.copyOf(detector.operations);
    }

    /** Every foreign key of the state points to a table of the state (ProjectState.of and replays make sure). */
    private static void requireTargets(ProjectState state, String whose) {
        for (TableState table : state.tables()) {
            for (ColumnState column : table.columns()) {
                if (column.isForeignKey() && state.table(column.referencesTable()).isEmpty()) {
                    throw new IllegalArgumentException("In the schema of " + whose + ", " + table.model() + "."
                            + column.field() + " (column " + table.name() + "." + column.columnName()
                            + ") points to table " + column.referencesTable() + ", which it does not have");
                }
            }
        }
    }

    /**
     * Whether the two states have the same schema: the same tables with the same model names, columns (in any order)
     * and unique constraints (in any order; the columns of each in their order).
     */
    public static boolean sameSchema(ProjectState a, ProjectState b) {
        if (a.tables().size() != b.tables().size()) {
            return false;
        }
        for (TableState table : a.tables()) {
            Optional<TableState> other = b.table(table.name());
            if (other.isEmpty() || !sameTable(table, other.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTable(TableState a, TableState b) {
        if (!a.model().equals(b.model()) || a.columns().size() != b.columns().size()
                || a.uniqueTogether().size() != b.uniqueTogether().size()
                || !new HashSet<>(a.uniqueTogether()).equals(new HashSet<>(b.uniqueTogether()))) {
            return false;
        }
        for (ColumnState column : a.columns()) {
            if (!b.column(column.columnName()).map(column::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private void add(Operation operation) {
        current = operation.apply(current);
        operations.add(operation);
    }

    /** Tables of the models that the current state lacks, by name. */
    private List<TableState> added() {
        return to.tables().stream().filter(t -> current.table(t.name()).isEmpty()).toList();
    }

    /** Tables of the current state that the models lack, by name. */
    private List<TableState> removed() {
        return current.tables().stream().filter(t -> to.table(t.name()).isEmpty()).toList();
    }

    /** Tables in both (once models are renamed), by name: the models' version. */
    private List<TableState> common() {
        return to.tables().stream().filter(t -> current.table(t.name()).isPresent()).toList();
    }

    /** The tables whose columns {@link #renameFields} matched (not those created since), by name. */
    private List<TableState> matched() {
        return matchings.keySet().stream().map(to::requireTable).toList();
    }

    // ---- 1. models renamed ------------------------------------------------------------------------------------------

    private void renameModels() {
        renameModelsWithoutQuestion();
        askRenameModels();
        renameModelsWithoutQuestion();
        requireNoTableChangingHands();
    }

    /**
     * The renames without a question, until none applies: another model name on the same table when neither name is
     * used on another table (a class renamed), and the same model on another table once that table name is free (so
     * that a model moving to the old table of another that moved too waits for it: their rows stay theirs).
     */
    private void renameModelsWithoutQuestion() {
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            for (TableState target : to.tables()) {
                Optional<TableState> sameTable = current.table(target.name());
                if (sameTable.isPresent()) {
                    TableState old = sameTable.get();
                    if (!old.model().equals(target.model()) && tablesOf(to, old.model()).isEmpty()
                            && tablesOf(current, target.model()).isEmpty()) {
                        add(new RenameModel(old.name(), target.model(), old.name()));
                        renamed = true;
                    }
                    continue;
                }
                List<TableState> sameModel = tablesOf(current, target.model());
                if (sameModel.size() == 1 && tablesOf(to, target.model()).size() == 1) {
                    add(new RenameModel(sameModel.get(0).name(), target.model(), target.name()));
                    renamed = true;
                }
            }
        }
    }

    private static List<TableState> tablesOf(ProjectState state, String model) {
        return state.tables().stream().filter(t -> t.model().equals(model)).toList();
    }

    /**
     * A table that belongs to one model in the migrations and to another in the models, while either model is on
     * another table too (two models swapping tables, or one taking the table of another): renaming the model would
     * hand one model's rows to the other and drop the rest, so it is refused.
     */
    private void requireNoTableChangingHands() {
        for (TableState target : to.tables()) {
            current.table(target.name()).filter(old -> !old.model().equals(target.model())).ifPresent(old -> {
                throw new MigrationException("Table " + old.name() + " is model " + old.model() + "'s in the "
                        + "migrations and model " + target.model() + "'s in the models, while "
                        + (tablesOf(to, old.model()).isEmpty() ? target.model() + " has table "
                                + tablesOf(current, target.model()).get(0).name() + " in the migrations"
                                : old.model() + " has table " + tablesOf(to, old.model()).get(0).name()
                                        + " in the models")
                        + ": makemigrations cannot tell whose rows the table keeps. Make the change in two steps: "
                        + "first give one of the models a table name that neither uses, run makemigrations, then "
                        + "finish the change and run it again.");
            });
        }
    }

    /**
     * Tables that disappeared and identical ones that appeared: asked about, each yes looking again. The join table
     * of a many-to-many relation of a model renamed so follows it without a question, as Django's RenameModel renames
     * the join tables: the answer about the model was the answer about its links.
     */
    private void askRenameModels() {
        Set<List<String>> declined = new HashSet<>();
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            search:
            for (TableState target : added()) {
                for (TableState old : removed()) {
                    List<String> pair = List.of(old.name(), target.name());
                    if (!declined.contains(pair) && ownerDeclined(old, target, declined)) {
                        declined.add(pair); // its links point to rows that are dropped: not a rename to ask about
                    } else if (!declined.contains(pair) && renameCandidate(old, target)) {
                        if (followsRenamedOwner(old, target) || questioner.askRenameModel(old, target)) {
                            add(new RenameModel(old.name(), target.model(), target.name()));
                            renamed = true;
                            break search; // foreign keys now point to the new name: look again
                        }
                        declined.add(pair);
                    }
                }
            }
        }
    }

    /**
     * Whether both are the join table of the same many-to-many field ({@code Novel.genres link}, then
     * {@code Book.genres link}) and the old one's owner is now the new one's, renamed in this run: its source column
     * points to the table of the new owner.
     */
    private boolean followsRenamedOwner(TableState old, TableState target) {
        Optional<JoinTableOf> before = JoinTableOf.of(old);
        Optional<JoinTableOf> after = JoinTableOf.of(target);
        if (before.isEmpty() || after.isEmpty() || !before.get().field().equals(after.get().field())
                || before.get().owner().equals(after.get().owner())) {
            return false;
        }
        Optional<ColumnState> source = sourceColumn(old);
        return source.isPresent() && current.table(source.get().referencesTable())
                .filter(owner -> owner.model().equals(after.get().owner())).isPresent()
                && sourceColumn(target).filter(c -> c.referencesTable().equals(source.get().referencesTable()))
                        .isPresent();
    }

    /** Whether both are join tables of one field whose owners' tables were answered not to be a rename. */
    private static boolean ownerDeclined(TableState old, TableState target, Set<List<String>> declined) {
        Optional<JoinTableOf> before = JoinTableOf.of(old);
        Optional<JoinTableOf> after = JoinTableOf.of(target);
        Optional<ColumnState> oldSource = sourceColumn(old);
        Optional<ColumnState> newSource = sourceColumn(target);
        return before.isPresent() && after.isPresent() && before.get().field().equals(after.get().field())
                && oldSource.isPresent() && newSource.isPresent()
                && declined.contains(List.of(oldSource.get().referencesTable(), newSource.get().referencesTable()));
    }

    /** The model and the field whose many-to-many relation a join table is, read from its model name. */
    private record JoinTableOf(String owner, String field) {
        static Optional<JoinTableOf> of(TableState table) {
            String model = table.model();
            String suffix = RelationMeta.JOIN_TABLE_MODEL_SUFFIX;
            int dot = model.lastIndexOf('.');
            if (!model.endsWith(suffix) || dot < 1 || dot >= model.length() - suffix.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new JoinTableOf(model.substring(0, dot),
                    model.substring(dot + 1, model.length() - suffix.length())));
        }
    }

    private static Optional<ColumnState> sourceColumn(TableState joinTable) {
        return joinTable.columns().stream().filter(c -> c.field().equals("source") && c.isForeignKey()).findFirst();
    }

    /**
     * Whether a table that disappeared may have become one that appeared: their columns correspond one to one (by
     * column name, else by field name) with the same definitions, and their unique constraints too. A foreign key to
     * the table itself, or from a table that disappeared to one that appeared, counts as the same.
     */
    private boolean renameCandidate(TableState old, TableState target) {
        Map<ColumnState, ColumnState> pairs = pairAll(old.columns(), target.columns());
        if (pairs == null) {
            return false;
        }
        Set<String> removedNames = new HashSet<>();
        removed().forEach(t -> removedNames.add(t.name()));
        Set<String> addedNames = new HashSet<>();
        added().forEach(t -> addedNames.add(t.name()));
        Map<String, String> columnNames = new TreeMap<>();
        for (Map.Entry<ColumnState, ColumnState> pair : pairs.entrySet()) {
            ColumnState before = pair.getKey();
            ColumnState after = pair.getValue();
            if (before.isForeignKey() && after.isForeignKey()) {
                String reference = before.referencesTable();
                if (reference.equals(old.name())
                        || removedNames.contains(reference) && addedNames.contains(after.referencesTable())) {
                    before = referencing(before, after.referencesTable(), before.referencesColumn());
                }
            }
            if (!before.sameDefinitionAs(after)) {
                return false;
            }
            columnNames.put(pair.getKey().columnName(), after.columnName());
        }
        Set<List<String>> unique = new HashSet<>();
        for (List<String> together : old.uniqueTogether()) {
            unique.add(together.stream().map(columnNames::get).toList());
        }
        return unique.equals(new HashSet<>(target.uniqueTogether()))
                && old.uniqueTogether().size() == target.uniqueTogether().size();
    }

    /** Each old column with its new one, by column name, else by field name; null when they do not all pair. */
    private static Map<ColumnState, ColumnState> pairAll(List<ColumnState> old, List<ColumnState> target) {
        if (old.size() != target.size()) {
            return null;
        }
        Map<ColumnState, ColumnState> pairs = new LinkedHashMap<>();
        List<ColumnState> left = new ArrayList<>(target);
        List<ColumnState> unpaired = new ArrayList<>();
        for (ColumnState column : old) {
            Optional<ColumnState> same = left.stream().filter(c -> c.columnName().equals(column.columnName()))
                    .findFirst();
            if (same.isPresent()) {
                pairs.put(column, same.get());
                left.remove(same.get());
            } else {
                unpaired.add(column);
            }
        }
        for (ColumnState column : unpaired) {
            Optional<ColumnState> same = left.stream().filter(c -> c.field().equals(column.field())).findFirst();
            if (same.isEmpty()) {
                return null;
            }
            pairs.put(column, same.get());
            left.remove(same.get());
        }
        return pairs;
    }

    // ---- 2. fields renamed ------------------------------------------------------------------------------------------

    private void renameFields() {
        for (TableState target : common()) {
            TableState table = current.requireTable(target.name());
            List<ColumnState> oldLeft = new ArrayList<>(table.columns());
            List<ColumnState> newLeft = new ArrayList<>(target.columns());
            Map<String, ColumnState> oldByNew = new LinkedHashMap<>();
            for (ColumnState column : target.columns()) {
                table.column(column.columnName()).ifPresent(old -> pair(oldByNew, oldLeft, newLeft, old, column));
            }
            for (ColumnState column : List.copyOf(newLeft)) {
                oldLeft.stream().filter(old -> old.field().equals(column.field())).findFirst()
                        .ifPresent(old -> pair(oldByNew, oldLeft, newLeft, old, column));
            }
            for (ColumnState column : List.copyOf(newLeft)) {
                for (ColumnState old : List.copyOf(oldLeft)) {
                    if (old.sameDefinitionAs(column)
                            && questioner.askRenameField(table.name(), target.model(), old, column)) {
                        pair(oldByNew, oldLeft, newLeft, old, column);
                        break;
                    }
                }
            }
            List<String> paired = new ArrayList<>();
            for (ColumnState column : target.columns()) {
                ColumnState old = oldByNew.get(column.columnName());
                if (old == null) {
                    continue;
                }
                paired.add(column.columnName());
                if (!old.columnName().equals(column.columnName()) || !old.field().equals(column.field())) {
                    add(new RenameField(table.name(), old.columnName(), column.field(), column.columnName()));
                }
            }
            matchings.put(target.name(), new Matching(paired,
                    oldLeft.stream().map(ColumnState::columnName).toList(), List.copyOf(newLeft)));
        }
    }

    private static void pair(Map<String, ColumnState> oldByNew, List<ColumnState> oldLeft, List<ColumnState> newLeft,
            ColumnState old, ColumnState column) {
        oldByNew.put(column.columnName(), old);
        oldLeft.remove(old);
        newLeft.remove(column);
    }

    // ---- 3. constraints that go, 4. columns removed ---------------------------------------------------------------

    private void removeConstraints() {
        for (TableState target : matched()) {
            TableState table = current.requireTable(target.name());
            for (List<String> together : table.uniqueTogether()) {
                if (!target.uniqueTogether().contains(together)) {
                    add(new RemoveUnique(table.name(), together));
                }
            }
            for (String name : matchings.get(target.name()).paired()) {
                ColumnState old = table.requireColumn(name);
                if (indexAlone(old, target.requireColumn(name)) && old.indexed()) {
                    add(new RemoveIndex(table.name(), name));
                }
            }
        }
    }

    private void removeFields() {
        for (TableState target : matched()) {
            for (String name : matchings.get(target.name()).removed()) {
                add(new RemoveField(target.name(), name));
            }
        }
    }

    // ---- 5. tables created ------------------------------------------------------------------------------------------

    private void createModels() {
        TreeSet<String> remaining = new TreeSet<>();
        added().forEach(t -> remaining.add(t.name()));
        List<AlterField> foreignKeysLater = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String next = remaining.stream().filter(name -> to.requireTable(name).columns().stream()
                    .noneMatch(c -> pointsToOther(c, name, remaining))).findFirst().orElse(null);
            TableState table = to.requireTable(next != null ? next : remaining.first());
            if (next == null) {
                // a cycle: this table first, with its foreign keys to tables not created yet as plain columns
                List<ColumnState> columns = new ArrayList<>();
                for (ColumnState column : table.columns()) {
                    if (pointsToOther(column, table.name(), remaining)) {
                        columns.add(referencing(column, null, null));
                        foreignKeysLater.add(new AlterField(table.name(), column));
                    } else {
                        columns.add(column);
                    }
                }
                table = table.withColumns(columns);
            }
            add(new CreateModel(table));
            remaining.remove(table.name());
        }
        foreignKeysLater.forEach(this::add);
    }

    /** Whether the column is a foreign key to another table among {@code tables}. */
    private static boolean pointsToOther(ColumnState column, String table, Set<String> tables) {
        return column.isForeignKey() && !column.referencesTable().equals(table)
                && tables.contains(column.referencesTable());
    }

    // ---- 6. columns added, 7. columns altered -----------------------------------------------------------------------

    private void addFields() {
        for (TableState target : matched()) {
            for (ColumnState column : matchings.get(target.name()).added()) {
                String oneOffDefault = null;
                if (!column.nullable() && column.defaultValue() == null && !column.generated()) {
                    oneOffDefault = checked(target, column,
                            questioner.askOneOffDefault(target.name(), target.model(), column));
                }
                add(new AddField(target.name(), column, oneOffDefault));
            }
        }
    }

    private void alterFields() {
        for (TableState target : matched()) {
            for (String name : matchings.get(target.name()).paired()) {
                ColumnState old = current.requireTable(target.name()).requireColumn(name);
                ColumnState column = target.requireColumn(name);
                if (old.equals(column) || indexAlone(old, column)) {
                    continue;
                }
                if (old.nullable() && !column.nullable() && column.defaultValue() == null && !column.generated()) {
                    Optional<String> fill = questioner.askNotNullAlteration(target.name(), target.model(), old,
                            column);
                    if (fill.isPresent()) {
                        add(new AlterField(target.name(), withDefault(column, checked(target, column, fill.get()))));
                    }
                }
                add(new AlterField(target.name(), column));
            }
        }
    }

    private static String checked(TableState table, ColumnState column, String value) {
        if (value == null) {
            throw new MigrationException("No one-off default was given for " + table.model() + "." + column.field());
        }
        String error = OneOffDefaults.check(table.model(), column, value);
        if (error != null) {
            throw new MigrationException(error);
        }
        return value;
    }

    // ---- 8. tables deleted ------------------------------------------------------------------------------------------

    private void deleteModels() {
        TreeSet<String> remaining = new TreeSet<>();
        removed().forEach(t -> remaining.add(t.name()));
        while (!remaining.isEmpty()) {
            String next = remaining.stream().filter(name -> referrers(name).isEmpty()).findFirst().orElse(null);
            String table = next != null ? next : remaining.first();
            if (next == null) {
                // a cycle: the foreign keys to this table go first, so that it can be dropped before the others
                for (Map.Entry<TableState, ColumnState> referrer : referrers(table)) {
                    add(new AlterField(referrer.getKey().name(), referencing(referrer.getValue(), null, null)));
                }
            }
            add(new DeleteModel(table));
            remaining.remove(table);
        }
    }

    /** The foreign keys of other tables to this one. */
    private List<Map.Entry<TableState, ColumnState>> referrers(String table) {
        List<Map.Entry<TableState, ColumnState>> referrers = current.referencesTo(table).stream()
                .filter(e -> !e.getKey().name().equals(table)).toList();
        for (Map.Entry<TableState, ColumnState> referrer : referrers) {
            if (to.table(referrer.getKey().name()).isPresent()) {
                throw new IllegalStateException("Quarry bug: " + referrer.getKey().name() + "."
                        + referrer.getValue().columnName() + " still points to " + table + ", which is deleted");
            }
        }
        return referrers;
    }

    // ---- 9. constraints that come -----------------------------------------------------------------------------------

    private void addConstraints() {
        for (TableState target : matched()) {
            for (String name : matchings.get(target.name()).paired()) {
                ColumnState column = target.requireColumn(name);
                if (column.indexed() && !current.requireTable(target.name()).requireColumn(name).indexed()) {
                    add(new AddIndex(target.name(), name));
                }
            }
            for (List<String> together : target.uniqueTogether()) {
                if (!current.requireTable(target.name()).uniqueTogether().contains(together)) {
                    add(new AddUnique(target.name(), together));
                }
            }
        }
    }

    // ---- columns ----------------------------------------------------------------------------------------------------

    /** Whether the columns differ by their index alone. */
    private static boolean indexAlone(ColumnState old, ColumnState column) {
        return old.indexed() != column.indexed() && withIndex(old, column.indexed()).equals(column);
    }

    private static ColumnState withIndex(ColumnState c, boolean indexed) {
        return new ColumnState(c.field(), c.columnName(), c.type(), c.nullable(), c.primaryKey(), c.generated(),
                c.maxLength(), c.precision(), c.scale(), c.unique(), indexed, c.defaultValue(), c.referencesTable(),
                c.referencesColumn());
    }

    private static ColumnState withDefault(ColumnState c, String defaultValue) {
        return new ColumnState(c.field(), c.columnName(), c.type(), c.nullable(), c.primaryKey(), c.generated(),
                c.maxLength(), c.precision(), c.scale(), c.unique(), c.indexed(), defaultValue, c.referencesTable(),
                c.referencesColumn());
    }

    /** The column pointing elsewhere, or (null, null) a plain column. */
    private static ColumnState referencing(ColumnState c, String table, String column) {
        return new ColumnState(c.field(), c.columnName(), c.type(), c.nullable(), c.primaryKey(), c.generated(),
                c.maxLength(), c.precision(), c.scale(), c.unique(), c.indexed(), c.defaultValue(), table,
                table == null ? null : column);
    }
}
