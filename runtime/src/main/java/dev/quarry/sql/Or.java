package dev.quarry.sql;

import java.util.List;

/** Any of the predicates. */
public record Or(List<Predicate> parts) implements Predicate {
    public Or {
        parts = List.copyOf(parts);
    }

    @Override
    public boolean matchesNothing() {
        return parts.stream().allMatch(Predicate::matchesNothing);
    }

    @Override
    public Predicate guardedForNegation() {
        return new Or(parts.stream().map(Predicate::guardedForNegation).toList());
    }

    @Override
    public void render(SqlWriter writer) {
        writer.append("(").join(parts, " OR ").append(")");
    }
}
