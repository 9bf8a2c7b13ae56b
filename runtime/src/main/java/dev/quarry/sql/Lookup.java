package dev.quarry.sql;

import java.util.ArrayList;
import java.util.List;

/** A predicate on one or two operands that may be nullable columns; the base of every lookup node. */
public abstract class Lookup implements Predicate {
    /** The operands; nullable column references among them (also inside date parts and arithmetic) get guarded. */
    abstract List<SqlNode> operands();

    @Override
    public Predicate guardedForNegation() {
        List<Predicate> guarded = new ArrayList<>();
        guarded.add(this);
        for (SqlNode operand : operands()) {
            addNullGuards(operand, guarded);
        }
        return guarded.size() == 1 ? this : new And(guarded);
    }

    private static void addNullGuards(SqlNode operand, List<Predicate> guards) {
        if (operand instanceof ColumnRef ref && ref.nullable()) {
            guards.add(new IsNull(ref, false));
        } else if (operand instanceof Extract extract) {
            addNullGuards(extract.source(), guards);
        } else if (operand instanceof Arithmetic arithmetic) {
            addNullGuards(arithmetic.left(), guards);
            addNullGuards(arithmetic.right(), guards);
        }
    }
}
