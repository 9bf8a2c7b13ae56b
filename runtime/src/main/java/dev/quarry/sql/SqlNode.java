package dev.quarry.sql;

/** A node of the SQL expression tree. Nodes render themselves through a {@link SqlWriter}, which asks the dialect. */
public interface SqlNode {
    void render(SqlWriter writer);
}
