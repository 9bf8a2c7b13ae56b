package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that works on a database: its JDBC URL, user and password. */
abstract class ConnectionMojo extends AbstractQuarryMojo {
    /**
     * The database's JDBC URL; the project's class path must hold its driver. Without it, the QUARRY_URL
     * environment variable.
     */
    @Parameter(property = "quarry.url")
    String url;

    /** The database user (or QUARRY_USER). */
    @Parameter(property = "quarry.user")
    String user;

    /** The database password (or QUARRY_PASSWORD). */
    @Parameter(property = "quarry.password")
    String password;

    /** True when the goal needs no database this time (sqlmigrate for a dialect). */
    boolean offline() {
        return false;
    }

    /** What the goal can be given instead of a database, for the message when it has none ("" by default). */
    String insteadOfUrl() {
        return "";
    }

    /** Without a URL the command would name its own option, --url: the goal names the Maven property instead. */
    @Override
    void beforeRun() throws MojoExecutionException {
        if (!offline() && isBlank(url) && isBlank(System.getenv("QUARRY_URL"))) {
            throw new MojoExecutionException("No database: give -Dquarry.url=JDBC_URL (or <url> in the plugin's "
                    + "configuration, or set QUARRY_URL)" + insteadOfUrl());
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    void addConnection(List<String> arguments) {
        addOption(arguments, "url", url);
        addOption(arguments, "user", user);
        addOption(arguments, "password", password);
    }
}
