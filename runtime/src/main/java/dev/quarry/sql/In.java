package dev.quarry.sql;

import dev.quarry.meta.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x IN (?, ?, ...)}; with no values it matches nothing, and renders as a false condition under OR/NOT. The
 * dialect renders it: very large lists become one array or JSON parameter, whatever the database's parameter limit.
 */
public final class In extends Lookup {
    private final SqlNode operand;
    private final ColumnType type;
    private final List<Param> values;

    public In(SqlNode operand, ColumnType type, List<Param> values) {
        this.operand = operand;
        this.type = type;
        this.values = List.copyOf(values);
    }

    public SqlNode operand() { return operand; }

    /** The column type of the values. */
    public ColumnType type() { return type; }

    public List<Param> values() { return values; }

    /** The raw values, for binding them as one list parameter. */
    public List<Object> rawValues() {
        List<Object> raw = new ArrayList<>(values.size());
        for (Param value : values) {
            raw.add(value.value());
        }
        return raw;
    }

    @Override
    public boolean matchesNothing() {
        return values.isEmpty();
    }

    @Override
    protected List<SqlNode> operands() {
        return List.of(operand);
    }

    @Override
    public void render(SqlWriter writer) {
        if (values.isEmpty()) {
            writer.append("1 = 0");
            return;
        }
        writer.dialect().renderIn(writer, this);
    }
}
