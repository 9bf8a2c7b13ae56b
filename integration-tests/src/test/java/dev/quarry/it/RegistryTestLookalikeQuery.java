package dev.quarry.it;

/** Named as the processor would name the query class of {@link RegistryTest.Lookalike}, but hand-written. */
final class RegistryTestLookalikeQuery {
    private RegistryTestLookalikeQuery() {
    }
}
