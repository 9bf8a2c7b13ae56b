package dev.quarry.sql;

/**
 * {@code "book"."id" IN (SELECT "quarry_keys"."id" FROM (SELECT "book"."id" FROM "book" JOIN ... WHERE ...) AS
 * "quarry_keys")}: the rows of a query that joins other tables, for an UPDATE or DELETE of the queried table, which
 * cannot join. The derived table around the SELECT is what MariaDB and MySQL need to read the table they change
 * (error 1093 otherwise); the other databases accept it as well.
 *
 * @param key the queried table's primary key
 * @param keys a SELECT of that key only
 */
public record KeysIn(ColumnRef key, Select keys) implements Predicate {
    private static final String ALIAS = "quarry_keys";

    @Override
    public void render(SqlWriter writer) {
        String column = key.column().columnName();
        writer.node(key).append(" IN (SELECT ").identifier(ALIAS).append(".").identifier(column).append(" FROM (")
                .node(keys).append(") AS ").identifier(ALIAS).append(")");
    }
}
