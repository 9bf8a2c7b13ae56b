package dev.quarry.sql;

import java.util.List;

/** {@code x BETWEEN low AND high}: Django's range lookup, inclusive at both ends. */
public final class Between extends Lookup {
    private final SqlNode operand;
    private final SqlNode low;
    private final SqlNode high;

    public Between(SqlNode operand, SqlNode low, SqlNode high) {
        this.operand = operand;
        this.low = low;
        this.high = high;
    }

    public SqlNode low() { return low; }

    public SqlNode high() { return high; }

    @Override
    protected List<SqlNode> operands() {
        return List.of(operand);
    }

    @Override
    public void render(SqlWriter writer) {
        writer.node(operand).append(" BETWEEN ").node(low).append(" AND ").node(high);
    }
}
