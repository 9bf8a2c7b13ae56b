package dev.quarry.query;

import dev.quarry.sql.And;
import dev.quarry.sql.Or;
import dev.quarry.sql.Predicate;
import java.util.Arrays;
import java.util.List;

/** Django's {@code Q} combinations: {@code Q.or(a, b)}, {@code Q.and(a, Q.not(b))}. */
public final class Q {
    private Q() {
    }

    @SafeVarargs
    public static <R> Condition<R> and(Condition<R> first, Condition<R>... more) {
        return new Condition<>(new And(predicates(first, more)));
    }

    @SafeVarargs
    public static <R> Condition<R> or(Condition<R> first, Condition<R>... more) {
        return new Condition<>(new Or(predicates(first, more)));
    }

    public static <R> Condition<R> not(Condition<R> condition) {
        return condition.negate();
    }

    @SafeVarargs
    private static <R> List<Predicate> predicates(Condition<R> first, Condition<R>... more) {
        Predicate[] all = new Predicate[more.length + 1];
        all[0] = first.predicate();
        for (int i = 0; i < more.length; i++) {
            all[i + 1] = more[i].predicate();
        }
        return Arrays.asList(all);
    }
}
