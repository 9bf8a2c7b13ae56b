package dev.quarry.dialect;

import dev.quarry.QuarryException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The built-in dialects, and detection from a connection's metadata. */
public final class Dialects {
    public static final Dialect H2 = H2Dialect.INSTANCE;

    private Dialects() {
    }

    /** The dialect of the database behind the DataSource, from {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Dialect detect(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new QuarryException("Cannot connect to detect the database type: " + e.getMessage(), e);
        }
        return forProductName(product);
    }

    public static Dialect forProductName(String product) {
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new QuarryException("Unsupported database '" + product + "': Quarry supports H2 (PostgreSQL, "
                + "MariaDB/MySQL and SQLite are coming); pass a Dialect to Database.connect to force one");
    }
}
