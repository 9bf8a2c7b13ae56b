package dev.quarry.sql;

/** NOT of a predicate, built through {@link #of} so nullable columns get their guard. */
public record Not(Predicate part) implements Predicate {
    public static Not of(Predicate predicate) {
        return new Not(predicate.guardedForNegation());
    }

    @Override
    public void render(SqlWriter writer) {
        writer.append("NOT (").node(part).append(")");
    }
}
