package dev.quarry.sql;

/** A table in FROM, with its alias (omitted from the SQL when it is the table name itself). */
public record TableRef(String table, String alias) implements SqlNode {
    @Override
    public void render(SqlWriter writer) {
        writer.identifier(table);
        if (!alias.equals(table)) {
            writer.append(" ").identifier(alias);
        }
    }
}
