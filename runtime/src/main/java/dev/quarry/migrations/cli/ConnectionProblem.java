package dev.quarry.migrations.cli;

import java.sql.SQLException;
import java.util.regex.Pattern;

/** Why the command line could not connect, said with the URL (its password hidden) and what to check. */
final class ConnectionProblem {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^/@]*@");

    private ConnectionProblem() {
    }

    static String describe(String url, String user, SQLException e) {
        String where = "Cannot connect to " + redacted(url) + (user == null ? "" : " as " + user) + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : redacted(e.getMessage()));
        if (noDriver(e)) {
            return where + ". No JDBC driver on the class path takes this URL: check how it is spelt "
                    + "(jdbc:postgresql://HOST:PORT/DATABASE, jdbc:mariadb://..., jdbc:mysql://..., jdbc:sqlite:FILE, "
                    + "jdbc:h2:FILE) and put the database's driver on the class path (with the Maven plugin: a "
                    + "dependency of the project)";
        }
        return where + ". Check the URL, the user and the password, and that the database server is running and "
                + "reachable from here";
    }

    /** DriverManager's own refusal: no registered driver accepts the URL. */
    private static boolean noDriver(SQLException e) {
        return e.getMessage() != null && e.getMessage().startsWith("No suitable driver");
    }

    /** The URL without the password it may hold ({@code password=...}, {@code //user:password@host}). */
    static String redacted(String url) {
        String hidden = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(hidden).replaceAll("//$1:****@");
    }
}
