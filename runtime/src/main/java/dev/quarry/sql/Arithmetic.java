package dev.quarry.sql;

import dev.quarry.meta.ColumnType;

/**
 * {@code left op right} for numbers: the F-expression arithmetic of updates and comparisons. {@code type} is the
 * result's type: division of integers is integer division on every database.
 */
public record Arithmetic(SqlNode left, Operator operator, SqlNode right, ColumnType type) implements SqlNode {
    public enum Operator {
        PLUS(" + "), MINUS(" - "), TIMES(" * "), DIVIDED_BY(" / ");

        private final String sql;

        public String sql() {
            return sql;
        }

        Operator(String sql) {
            this.sql = sql;
        }
    }

    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderArithmetic(writer, this);
    }
}
