package dev.quarry.migrations.cli;

import dev.quarry.Database;
import dev.quarry.QuarryException;
import dev.quarry.dialect.Dialect;
import dev.quarry.dialect.Dialects;
import dev.quarry.dialect.SqliteDialect;
import dev.quarry.meta.ModelRegistry;
import dev.quarry.migrations.MakeMigrations;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationLoader;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.autodetect.AnswersQuestioner;
import dev.quarry.migrations.autodetect.InteractiveQuestioner;
import dev.quarry.migrations.autodetect.NonInteractiveQuestioner;
import dev.quarry.migrations.autodetect.QuestionRefusedException;
import dev.quarry.migrations.autodetect.Questioner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of migrations, usable from any build with the application's class path:
 * {@code java -cp <classpath> dev.quarry.migrations.cli.QuarryCommand <command> [options]}. Exit status 0 when done,
 * 1 when {@code makemigrations --check} finds changes without a migration, 2 on errors (the message says why).
 */
public final class QuarryCommand {
    static final String USAGE = """
            Usage: QuarryCommand <command> [options]
              makemigrations [--dir DIR] [--name NAME] [--empty] [--merge] [--check] [--dry-run]
                             [--answers FILE] [--answer LINE]... [--no-input]
              migrate [TARGET|zero] [--plan] [--fake] CONNECTION [--dir DIR]
              showmigrations CONNECTION [--dir DIR]
              sqlmigrate NAME [--backwards] (CONNECTION | --dialect h2|postgresql|mariadb|mysql|sqlite) [--dir DIR]
            CONNECTION: --url JDBC_URL [--user USER] [--password PASSWORD] (or QUARRY_URL, QUARRY_USER,
            QUARRY_PASSWORD in the environment). DIR: the migrations directory (makemigrations: default
            src/main/resources/quarry/migrations; the others read the class path's quarry/migrations by default).
            Answer lines: rename-model OLD=NEW, rename-field TABLE.OLD=NEW, no-rename-model OLD=NEW,
            no-rename-field TABLE.OLD=NEW, default TABLE.COLUMN=VALUE, nulls-by-hand TABLE.COLUMN""";

    static final String SQLITE_NOTE = "-- migrate runs these in one transaction, with PRAGMA foreign_keys = OFF "
            + "before it, PRAGMA foreign_key_check before its COMMIT and PRAGMA foreign_keys = ON after it; by hand, "
            + "do the same (with foreign keys on, a rebuilt table's DROP TABLE runs the ON DELETE actions of the "
            + "tables pointing to it)";

    /**
     * The options of each command: another command's option is refused, not ignored ({@code migrate --dry-run} must
     * not migrate).
     */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "makemigrations", Set.of("dir", "name", "empty", "merge", "check", "dry-run", "answers", "answer",
                    "no-input"),
            "migrate", Set.of("plan", "fake", "url", "user", "password", "dir"),
            "showmigrations", Set.of("url", "user", "password", "dir"),
            "sqlmigrate", Set.of("backwards", "url", "user", "password", "dialect", "dir"));

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;

    /**
     * A command writing to {@code out} and {@code err} and reading answers from {@code in}: what {@link #main} uses
     * with the standard streams, and what a build plugin calls (through {@link #run}) without ending its JVM.
     */
    public QuarryCommand(PrintStream out, PrintStream err, BufferedReader in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        int status = new QuarryCommand(System.out, System.err,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))).run(args);
        System.exit(status);
    }

    /** Runs one command; returns the exit status: 0 done, 1 {@code makemigrations --check} found changes, 2 errors. */
    public int run(String[] args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            Options options = Options.parse(args, 1);
            options.requireOnly(OPTIONS.get(args[0]), args[0]);
            return switch (args[0]) {
                case "makemigrations" -> makemigrations(options);
                case "migrate" -> migrate(options);
                case "showmigrations" -> showmigrations(options);
                case "sqlmigrate" -> sqlmigrate(options);
                default -> {
                    err.println("Unknown command " + args[0] + "\n" + USAGE);
                    yield 2;
                }
            };
        } catch (QuarryException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("Error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 2;
        } catch (RuntimeException e) { // unexpected: status 2 all the same (1 is --check's "changes"), with the trace
            err.println("Error: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }

    private int makemigrations(Options options) {
        Path directory = Path.of(options.value("dir", "src/main/resources/quarry/migrations"));
        ClassLoader loader = classLoader();
        // a dry run asks as the run would, so that it shows the file the run would write (as in Django)
        Questioner fallback = options.flag("no-input") || options.flag("check")
                ? new NonInteractiveQuestioner(err) : new InteractiveQuestioner(in, out);
        Questioner questioner = fallback;
        List<AnswersQuestioner> answers = new ArrayList<>();
        if (options.has("answers")) {
            Path file = Path.of(options.value("answers", null));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No answers file " + file.toAbsolutePath() + " (--answers FILE)");
            }
            answers.add(AnswersQuestioner.read(file, questioner));
            questioner = answers.get(0);
        }
        if (!options.values("answer").isEmpty()) {
            answers.add(AnswersQuestioner.of(options.values("answer"), questioner));
            questioner = answers.get(answers.size() - 1);
        }
        requireMigrationsOfTheClassPath(directory, loader);
        MakeMigrations make = new MakeMigrations(directory, ModelRegistry.all(loader), questioner);
        boolean write = !options.flag("check") && !options.flag("dry-run");
        if (options.flag("merge")) {
            return merge(make, directory, options, write);
        }
        MakeMigrations.Result result;
        try {
            result = make.detect(options.value("name", null), options.flag("empty"));
        } catch (QuestionRefusedException refused) {
            if (!options.flag("check")) {
                throw refused;
            }
            out.println("Changes without a migration (makemigrations will need an answer): " + refused.getMessage());
            return 1;
        }
        List<String> unused = answers.stream().flatMap(a -> a.unused().stream()).toList();
        if (write && result.changed() && !unused.isEmpty()) {
            throw new IllegalArgumentException("Nothing was written: " + String.join("; ", unused) + " answered no "
                    + "question (a misspelt table, model, field or column?). makemigrations --dry-run shows the "
                    + "changes; correct the answer or leave it out");
        }
        unused.forEach(line -> err.println("Not used: " + line + " answered no question"));
        if (!result.changed()) {
            out.println("No changes detected");
            return 0;
        }
        if (write) {
            MigrationLoader.write(directory, result.migration());
        }
        out.println((write ? "Wrote " : options.flag("check") ? "Changes without a migration: "
                : "Would write ") + directory.resolve(result.migration().name() + ".json"));
        result.descriptions().forEach(line -> out.println("  - " + line));
        if (options.flag("dry-run")) {
            out.print(result.migration().toJson());
        }
        return options.flag("check") ? 1 : 0;
    }

    /** {@code makemigrations --merge}: written, or only shown with --dry-run and --check (status 1 when needed). */
    private int merge(MakeMigrations make, Path directory, Options options, boolean write) {
        String name = options.value("name", null);
        Migration merge = write ? make.writeMerge(name) : make.merge(name);
        if (merge == null) {
            out.println("Nothing to merge: the history has one leaf");
            return 0;
        }
        out.println((write ? "Wrote " : options.flag("check") ? "The history needs a merge: " : "Would write ")
                + directory.resolve(merge.name() + ".json") + " (depends on " + merge.dependencies() + ")");
        if (options.flag("dry-run")) {
            out.print(merge.toJson());
        }
        return options.flag("check") ? 1 : 0;
    }

    /**
     * A directory without migrations while the class path has some: makemigrations was run from another working
     * directory, or with a --dir not the application's, and would write a second history from 0001_initial.
     */
    private static void requireMigrationsOfTheClassPath(Path directory, ClassLoader loader) {
        if (MigrationLoader.hasMigrations(directory)) {
            return;
        }
        List<URL> elsewhere = MigrationLoader.classPathLocations(loader);
        if (!elsewhere.isEmpty()) {
            throw new IllegalArgumentException("No migrations in " + directory.toAbsolutePath() + ", but the class "
                    + "path has migrations in " + elsewhere + ": makemigrations would start a second history in "
                    + "it with 0001_initial. Run it from the project's directory, or give --dir the directory those "
                    + "migrations come from (copies left in a build's output, such as target/classes, are removed "
                    + "by a clean build)");
        }
    }

    private int migrate(Options options) {
        List<Migration> migrations = migrations(options);
        String target = named(options.positional(), migrations);
        Migrator migrator = new Migrator(connect(options, ""), migrations);
        if (options.flag("plan")) {
            List<Migrator.Step> plan = migrator.plan(target);
            Map<Migrator.Step, String> irreversibleSteps = migrator.irreversible(plan);
            out.println(plan.isEmpty() ? "No migrations to apply" : "Planned operations:");
            for (Migrator.Step step : plan) {
                String irreversible = irreversibleSteps.get(step);
                out.println("  " + step + (irreversible == null ? ""
                        : " (IRREVERSIBLE: " + irreversible + "; migrate would refuse this rollback, --fake "
                                + "would not)"));
            }
            return 0;
        }
        List<Migrator.Step> steps = migrator.migrate(target, options.flag("fake"));
        out.println(steps.isEmpty() ? "No migrations to apply" : "Done:");
        steps.forEach(step -> out.println("  " + step + (options.flag("fake") ? " (fake)" : "")));
        return 0;
    }

    private int showmigrations(Options options) {
        new Migrator(connect(options, ""), migrations(options)).status().forEach(status -> out.println(" " + status));
        return 0;
    }

    private int sqlmigrate(Options options) {
        if (options.positional() == null) {
            throw new IllegalArgumentException("sqlmigrate needs the name of a migration");
        }
        List<Migration> migrations = migrations(options);
        String name = named(options.positional(), migrations);
        Database db;
        if (options.has("dialect")) {
            Dialect dialect = Dialects.byName(options.value("dialect", null));
            db = Database.connect(new UrlDataSource("jdbc:none:", null, null), dialect);
        } else {
            db = connect(options, ", or --dialect h2|postgresql|mariadb|mysql|sqlite for the SQL without connecting");
        }
        List<String> statements = new Migrator(db, migrations).sql(name, options.flag("backwards"));
        if (db.dialect() instanceof SqliteDialect && !statements.isEmpty()) {
            // run by hand with foreign keys on, a rebuilt table's DROP TABLE would run the ON DELETE actions of
            // the tables pointing to it: say what migrate does around these statements
            out.println(SQLITE_NOTE);
        }
        print(statements);
        return 0;
    }

    private void print(List<String> statements) {
        statements.forEach(statement -> out.println(statement + (statement.startsWith("--") ? "" : ";")));
    }

    /** The migrations migrate, showmigrations and sqlmigrate read: a --dir that is not there is an error. */
    private static List<Migration> migrations(Options options) {
        if (!options.has("dir")) {
            return MigrationLoader.fromClassPath(classLoader());
        }
        Path directory = Path.of(options.value("dir", null));
        if (!Files.isDirectory(directory)) {
            // read as an empty history, it would make migrate do nothing, or refuse every applied migration
            throw new IllegalArgumentException("No migrations directory " + directory.toAbsolutePath() + " (--dir)");
        }
        return MigrationLoader.fromDirectory(directory);
    }

    /**
     * The migration a name or the start of one means, as in Django ({@code migrate 0002}): the given text when it
     * is a whole name, or starts none (the migrator then reports it missing); refused when it starts several.
     */
    static String named(String given, List<Migration> migrations) {
        if (given == null || migrations.stream().anyMatch(m -> m.name().equals(given))) {
            return given;
        }
        List<String> starting = migrations.stream().map(Migration::name).filter(n -> n.startsWith(given)).toList();
        if (starting.size() > 1) {
            throw new IllegalArgumentException("More than one migration starts with " + given + ": " + starting
                    + "; give more of the name");
        }
        return starting.isEmpty() ? given : starting.get(0);
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : QuarryCommand.class.getClassLoader();
    }

    /**
     * The database of CONNECTION: a connection per use, none held between commands. The first one, which tells the
     * database's type, is opened here, so that a wrong URL, password or server is reported as such, naming the URL.
     *
     * @param instead what the command takes instead of a connection, for the message when there is none
     */
    private static Database connect(Options options, String instead) {
        String url = options.value("url", System.getenv("QUARRY_URL"));
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No database: give --url JDBC_URL (or set QUARRY_URL)" + instead);
        }
        String user = options.value("user", System.getenv("QUARRY_USER"));
        String password = options.value("password", System.getenv("QUARRY_PASSWORD"));
        UrlDataSource source = new UrlDataSource(url, user, password == null ? "" : password);
        String product;
        try (Connection connection = source.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalArgumentException(ConnectionProblem.describe(url, user, e), e);
        }
        return Database.connect(source, Dialects.forProductName(product));
    }

    /** {@code --name value}, {@code --flag} and one positional argument. */
    static final class Options {
        private static final List<String> FLAGS = List.of("empty", "merge", "check", "dry-run", "no-input", "plan",
                "fake", "backwards");
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private String positional;

        static Options parse(String[] args, int start) {
            Options options = new Options();
            for (int i = start; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    String name = arg.substring(2);
                    if (FLAGS.contains(name)) {
                        options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                    } else if (i + 1 < args.length) {
                        options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
                    } else {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                } else if (options.positional == null) {
                    options.positional = arg;
                } else {
                    throw new IllegalArgumentException("Unexpected argument " + arg);
                }
            }
            return options;
        }

        /** Fails on an option the command does not have (none known: the command is reported unknown later). */
        void requireOnly(Set<String> allowed, String command) {
            if (allowed == null) {
                return;
            }
            for (String name : values.keySet()) {
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException(command + " has no option --" + name + "\n" + USAGE);
                }
            }
            if (positional != null && !command.equals("migrate") && !command.equals("sqlmigrate")) {
                throw new IllegalArgumentException(command + " takes no argument, but was given " + positional + "\n"
                        + USAGE);
            }
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String value(String name, String fallback) {
            List<String> list = values.get(name);
            return list == null ? fallback : list.get(list.size() - 1);
        }

        List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        String positional() {
            return positional;
        }
    }
}
