package dev.quarry.processor;

import java.util.Map;
import java.util.WeakHashMap;
import javax.annotation.processing.RoundEnvironment;

/**
 * Decides which of the two Quarry processors claims Quarry's annotations in a round.
 *
 * <p>Someone must claim them, or {@code -Xlint:processing} (part of {@code -Xlint:all}) warns that no processor
 * claimed them, which breaks {@code -Werror} builds. But javac stops offering claimed annotations to the processors
 * after the claimer in the same round, so the first of the two must not claim, or the other would never run. The
 * processors' order depends on the build tool, so the second one to see a round claims, whatever the order.
 */
final class RoundClaims {
    /** Round to the first processor that saw it; weak, so finished rounds disappear. */
    private static final Map<RoundEnvironment, String> FIRST = new WeakHashMap<>();

    private RoundClaims() {
    }

    /** Records that {@code processor} processed {@code round}; true if the other one already did (so claim). */
    static boolean arriveSecond(RoundEnvironment round, String processor) {
        synchronized (FIRST) {
            String first = FIRST.putIfAbsent(round, processor);
            return first != null && !first.equals(processor);
        }
    }
}
