package dev.quarry.query;

/** Three projected values. */
public record Tuple3<A, B, C>(A first, B second, C third) {
}
