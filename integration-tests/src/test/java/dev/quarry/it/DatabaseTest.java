package dev.quarry.it;

import dev.quarry.Database;
import dev.quarry.it.model.AccountQuery;
import dev.quarry.it.model.ActorQuery;
import dev.quarry.it.model.AllTypesQuery;
import dev.quarry.it.model.AuthorQuery;
import dev.quarry.it.model.BinQuery;
import dev.quarry.it.model.BookQuery;
import dev.quarry.it.model.BoxQuery;
import dev.quarry.it.model.CategoryQuery;
import dev.quarry.it.model.CountryQuery;
import dev.quarry.it.model.CourseQuery;
import dev.quarry.it.model.EnrollmentQuery;
import dev.quarry.it.model.FilmQuery;
import dev.quarry.it.model.GenreQuery;
import dev.quarry.it.model.ItemQuery;
import dev.quarry.it.model.MarkerQuery;
import dev.quarry.it.model.MemberQuery;
import dev.quarry.it.model.NovelQuery;
import dev.quarry.it.model.PersonQuery;
import dev.quarry.it.model.PosterQuery;
import dev.quarry.it.model.ProfileQuery;
import dev.quarry.it.model.PublisherQuery;
import dev.quarry.it.model.SettingsQuery;
import dev.quarry.it.model.ShelfQuery;
import dev.quarry.it.model.StudentQuery;
import dev.quarry.it.model.StudioQuery;
import dev.quarry.it.model.TagQuery;
import dev.quarry.it.model.TeamQuery;
import dev.quarry.it.model.ThingQuery;
import dev.quarry.it.model.TokenQuery;
import dev.quarry.meta.ModelMeta;
import dev.quarry.schema.SchemaEditor;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Base of the integration tests: one fresh database per test class from {@link TestBackend#current()} (a private H2
 * database, a SQLite file, a PostgreSQL schema or a MariaDB database, see {@link TestBackend}), with the tables of
 * every test model created before the first test and every row deleted before each test; after the last test the
 * tables are dropped and the database closed (pool closed, schema, database or file removed). Generated keys are not
 * reset between tests: assert on keys read back, never on literal key values. When the backend's server is
 * unreachable the whole class is skipped, or fails when {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {
    /** Every test model, in creation order. */
    protected static final List<ModelMeta<?>> MODELS = List.of(BookQuery.META, AllTypesQuery.META, ItemQuery.META,
            CountryQuery.META, TokenQuery.META, SettingsQuery.META, MarkerQuery.META, PublisherQuery.META,
            AuthorQuery.META, NovelQuery.META, CategoryQuery.META, ShelfQuery.META, BoxQuery.META, BinQuery.META,
            ThingQuery.META, TagQuery.META, TeamQuery.META, MemberQuery.META, GenreQuery.META, PersonQuery.META,
            StudentQuery.META, CourseQuery.META, EnrollmentQuery.META, AccountQuery.META, ProfileQuery.META,
            StudioQuery.META, ActorQuery.META, FilmQuery.META, PosterQuery.META);

    protected Database db;

    private TestBackend.Opened opened;

    /** Why every test of this class is skipped (the server is unreachable), or null. */
    private String skipReason;

    @BeforeAll
    void createDatabase() {
        try {
            opened = TestBackend.current().open(getClass().getSimpleName());
        } catch (TestAbortedException e) {
            // Surefire reports a class aborted in @BeforeAll as "Tests run: 0"; skipping each test instead shows
            // the count and the reason in the reports
            skipReason = e.getMessage();
            System.err.println("[quarry-it] " + getClass().getSimpleName() + ": " + skipReason);
            return;
        }
        db = opened.database();
        db.schema().dropTables(MODELS);
        db.schema().createTables(MODELS);
    }

    @BeforeEach
    void deleteAllRows() {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
        List<ModelMeta<?>> referringFirst = SchemaEditor.inDependencyOrder(MODELS);
        Collections.reverse(referringFirst);
        for (ModelMeta<?> model : referringFirst) {
            db.query(model).delete();
        }
    }

    /** Runs even when {@link #createDatabase()} failed or was aborted part way. */
    @AfterAll
    void dropTablesAndClose() {
        if (opened == null) {
            return;
        }
        try {
            db.schema().dropTables(MODELS);
        } finally {
            opened.close();
            opened = null;
        }
    }

    /** Whether this run is on the given backend, for the few assertions on dialect-specific SQL text. */
    protected boolean on(TestBackend backend) {
        return TestBackend.current() == backend;
    }

    /** The identifier quoted for this database, for SQL written by hand. */
    protected String q(String identifier) {
        return db.dialect().quote(identifier);
    }
}
