package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Django's {@code sqlmigrate}: prints the SQL of one migration, forwards or backwards, for the database at
 * {@code quarry.url} or, without connecting, for {@code quarry.dialect} (h2, postgresql, mariadb, mysql, sqlite).
 */
@Mojo(name = "sqlmigrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMigrateMojo extends ConnectionMojo {
    /** The migration's name ({@code 0001_initial}). */
    @Parameter(property = "quarry.migration", required = true)
    String migration;

    /** The SQL that rolls the migration back. */
    @Parameter(property = "quarry.backwards", defaultValue = "false")
    boolean backwards;

    /** The database to write SQL for without connecting: h2, postgresql, mariadb, mysql or sqlite. */
    @Parameter(property = "quarry.dialect")
    String dialect;

    @Override
    boolean offline() {
        return !isBlank(dialect);
    }

    @Override
    String insteadOfUrl() {
        return ", or -Dquarry.dialect=h2|postgresql|mariadb|mysql|sqlite for the SQL without connecting";
    }

    @Override
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("sqlmigrate", migration));
        addFlag(arguments, "backwards", backwards);
        if (offline()) {
            addOption(arguments, "dialect", dialect);
        } else {
            addConnection(arguments);
        }
        addDirectoryIfPresent(arguments);
        return arguments;
    }
}
