package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.Database;
import org.junit.jupiter.api.Test;

class LibraryTourTest {
    @Test
    void tourRunsEndToEndWithTheExpectedNumberOfStatements() {
        int statements = new LibraryTour(Database.h2InMemory()).run();
        assertEquals(EXPECTED_STATEMENTS, statements);
    }

    /** Counted from the tour's printed SQL; a change here means the tour, or Quarry's SQL, changed. */
    private static final int EXPECTED_STATEMENTS = 64;
}
