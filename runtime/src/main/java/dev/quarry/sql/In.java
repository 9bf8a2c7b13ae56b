package dev.quarry.sql;

import java.util.List;

/** {@code x IN (?, ?, ...)}; with no values it matches nothing, and renders as a false condition under OR/NOT. */
public final class In extends Lookup {
    private final SqlNode operand;
    private final List<Param> values;

    public In(SqlNode operand, List<Param> values) {
        this.operand = operand;
        this.values = List.copyOf(values);
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
        writer.node(operand).append(" IN (").join(values, ", ").append(")");
    }
}
