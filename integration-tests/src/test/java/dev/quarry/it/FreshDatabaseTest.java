package dev.quarry.it;

import dev.quarry.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.opentest4j.TestAbortedException;

/**
 * Base of the tests that need an empty database for each test, with no table created first (migrations create
 * them): a private schema, database, file or in-memory database from {@link TestBackend#current()}, dropped after
 * the test. When the backend's server is unreachable the test is skipped (or fails with {@code CI=true}).
 */
abstract class FreshDatabaseTest {
    protected Database db;

    private TestBackend.Opened opened;

    @BeforeEach
    void openFreshDatabase(TestInfo test) {
        try {
            opened = TestBackend.current().open(getClass().getSimpleName().replace("Test", "")
                    + test.getTestMethod().orElseThrow().getName());
        } catch (TestAbortedException e) {
            Assumptions.abort(e.getMessage());
        }
        db = opened.database();
    }

    @AfterEach
    void closeFreshDatabase() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    /** Whether this run is on the given backend. */
    protected boolean on(TestBackend backend) {
        return TestBackend.current() == backend;
    }

    /** The identifier quoted for this database, for SQL written by hand. */
    protected String q(String identifier) {
        return db.dialect().quote(identifier);
    }
}
