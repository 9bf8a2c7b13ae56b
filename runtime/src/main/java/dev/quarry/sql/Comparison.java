package dev.quarry.sql;

import java.util.List;

/** {@code left op right}: exact, gt, gte, lt, lte, and their column-to-column (F) forms. */
public final class Comparison extends Lookup {
    public enum Operator {
        EQ(" = "), NE(" <> "), GT(" > "), GTE(" >= "), LT(" < "), LTE(" <= ");

        final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    private final SqlNode left;
    private final Operator operator;
    private final SqlNode right;

    public Comparison(SqlNode left, Operator operator, SqlNode right) {
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    public SqlNode left() { return left; }

    public Operator operator() { return operator; }

    public SqlNode right() { return right; }

    @Override
    protected List<SqlNode> operands() {
        return List.of(left, right);
    }

    @Override
    public void render(SqlWriter writer) {
        writer.node(left).append(operator.sql).node(right);
    }
}
