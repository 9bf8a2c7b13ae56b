package dev.quarry;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** H2 conveniences, in their own class so that only users of H2 ever load H2's classes. */
final class H2DataSources {
    private H2DataSources() {
    }

    static DataSource inMemory(String name) {
        requireH2();
        // DB_CLOSE_DELAY=-1 keeps the data while the JVM runs, although no connection is open between operations.
        return JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static DataSource file(Path path) {
        requireH2();
        return JdbcConnectionPool.create("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
    }

    private static void requireH2() {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new QuarryException("H2 is not on the class path: add the com.h2database:h2 dependency", e);
        }
    }
}
