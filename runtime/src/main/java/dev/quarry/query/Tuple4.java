package dev.quarry.query;

/** Four projected values. */
public record Tuple4<A, B, C, D>(A first, B second, C third, D fourth) {
}
