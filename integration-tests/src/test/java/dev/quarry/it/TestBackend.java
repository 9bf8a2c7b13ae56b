package dev.quarry.it;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The databases the integration tests can run against. Every test class gets its {@link Database} from
 * {@link #current()}{@code .open()}, so running the whole suite on another database means adding a constant here
 * (PostgreSQL, MariaDB, SQLite: connection settings from the environment) and selecting it with
 * {@code -Dquarry.it.backend=postgres} (or one surefire execution per backend). Only H2 exists today.
 */
public enum TestBackend {
    /** A fresh private H2 in-memory database per test class: the default. */
    H2 {
        @Override
        public Database open() {
            return Database.h2InMemory();
        }
    };

    /** The system property that selects the backend. */
    public static final String PROPERTY = "quarry.it.backend";

    /** A new database of this backend, empty or with leftovers the caller drops (servers are shared). */
    public abstract Database open();

    /** The backend selected by {@value #PROPERTY}, H2 when unset. */
    public static TestBackend current() {
        String name = System.getProperty(PROPERTY, "h2").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new QuarryException("Unknown -D" + PROPERTY + "=" + name + "; known backends: "
                    + Arrays.toString(values()));
        }
    }
}
