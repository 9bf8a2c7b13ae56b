package dev.quarry.sql;

import java.util.List;

/** All of the predicates. */
public record And(List<Predicate> parts) implements Predicate {
    public And {
        parts = List.copyOf(parts);
    }

    @Override
    public boolean matchesNothing() {
        return parts.stream().anyMatch(Predicate::matchesNothing);
    }

    @Override
    public Predicate guardedForNegation() {
        return new And(parts.stream().map(Predicate::guardedForNegation).toList());
    }

    @Override
    public void render(SqlWriter writer) {
        if (parts.size() == 1) {
            parts.get(0).render(writer);
            return;
        }
        writer.append("(").join(parts, " AND ").append(")");
    }
}
