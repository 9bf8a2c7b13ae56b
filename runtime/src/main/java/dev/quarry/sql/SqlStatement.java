package dev.quarry.sql;

import java.util.List;

/** Rendered SQL with its parameters in order: what the executor prepares and binds. */
public record SqlStatement(String sql, List<BoundValue> parameters) {
    @Override
    public String toString() {
        return parameters.isEmpty() ? sql
                : sql + " " + parameters.stream().map(p -> String.valueOf(p.value())).toList();
    }
}
