package dev.quarry.sql;

/** {@code left op right} for numbers: the F-expression arithmetic of updates and comparisons. */
public record Arithmetic(SqlNode left, Operator operator, SqlNode right) implements SqlNode {
    public enum Operator {
        PLUS(" + "), MINUS(" - "), TIMES(" * "), DIVIDED_BY(" / ");

        final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    @Override
    public void render(SqlWriter writer) {
        writer.append("(").node(left).append(operator.sql).node(right).append(")");
    }
}
