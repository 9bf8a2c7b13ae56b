package dev.quarry.query;

/** Two projected values: {@code valuesList(BookQuery.title(), BookQuery.price())}. */
public record Tuple2<A, B>(A first, B second) {
}
