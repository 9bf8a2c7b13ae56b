package dev.quarry.sql;

/** One ORDER BY term. */
public record OrderItem(SqlNode expression, boolean descending, Nulls nulls) implements SqlNode {
    /** Where NULLs go; DEFAULT leaves it to the database (which differs between databases). */
    public enum Nulls { DEFAULT, FIRST, LAST }

    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderOrderItem(writer, this);
    }
}
