package dev.quarry.exec;

import java.util.List;

/**
 * One statement sent to the database.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param parameters the bound values, in order (the first row's for a batch)
 * @param batchSize how many rows a JDBC batch carried (1 for a plain statement)
 * @param nanos how long the database took
 */
public record ExecutedQuery(String sql, List<Object> parameters, int batchSize, long nanos) {
    @Override
    public String toString() {
        String text = parameters.isEmpty() ? sql : sql + " " + parameters;
        return batchSize > 1 ? text + " (batch of " + batchSize + ")" : text;
    }
}
