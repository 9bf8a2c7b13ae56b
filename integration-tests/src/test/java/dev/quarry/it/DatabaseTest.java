package dev.quarry.it;

import dev.quarry.Database;
import dev.quarry.it.model.AllTypesQuery;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.CountryQuery;
import dev.quarry.it.model.ItemQuery;
import dev.quarry.it.model.MarkerQuery;
import dev.quarry.it.model.SettingsQuery;
import dev.quarry.it.model.TokenQuery;
import dev.quarry.meta.ModelMeta;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the integration tests: one database per test class from {@link TestBackend#current()}, with the tables of
 * every test model created before the first test and every row deleted before each test. Generated keys are not
 * reset between tests: assert on keys read back, never on literal key values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {
    /** Every test model, in creation order. */
    protected static final List<ModelMeta<?>> MODELS = List.of(BookQuery.META, AllTypesQuery.META, ItemQuery.META,
            CountryQuery.META, TokenQuery.META, SettingsQuery.META, MarkerQuery.META);

    protected Database db;

    @BeforeAll
    void createDatabase() {
        db = TestBackend.current().open();
        db.schema().dropTables(MODELS);
        db.schema().createTables(MODELS);
    }

    @BeforeEach
    void deleteAllRows() {
        for (ModelMeta<?> model : MODELS) {
            db.query(model).delete();
        }
    }

    @AfterAll
    void dropTables() {
        db.schema().dropTables(MODELS);
    }

    /** Whether this run is on the given backend, for the few assertions on dialect-specific SQL text. */
    protected boolean on(TestBackend backend) {
        return TestBackend.current() == backend;
    }
}
