package dev.quarry.sql;

/** {@code x IS NULL} / {@code x IS NOT NULL}. Never guarded: it is the null test itself. */
public record IsNull(SqlNode operand, boolean isNull) implements Predicate {
    @Override
    public void render(SqlWriter writer) {
        writer.node(operand).append(isNull ? " IS NULL" : " IS NOT NULL");
    }
}
