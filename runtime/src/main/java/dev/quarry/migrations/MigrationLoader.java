package dev.quarry.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds migration files: {@code quarry/migrations/NNNN_name.json} on the class path (what {@code migrate} applies,
 * from a directory or a jar), or in a source directory ({@code src/main/resources/quarry/migrations}, what
 * {@code makemigrations} reads and writes).
 */
public final class MigrationLoader {
    /** Where migration files live on the class path. */
    public static final String RESOURCE_DIRECTORY = "quarry/migrations";

    private static final Pattern FILE_NAME = Pattern.compile("\\d{4,}_[a-z0-9_]+\\.json");

    private MigrationLoader() {
    }

    /**
     * Every migration in the class path's {@value #RESOURCE_DIRECTORY} directories, by name. In a jar the directory
     * is found through its directory entry, which Maven's and Gradle's jars have (a jar written without directory
     * entries hides its migrations).
     */
    public static List<Migration> fromClassPath(ClassLoader loader) {
        TreeMap<String, String> texts = new TreeMap<>(Migration.NAME_ORDER);
        try {
            Enumeration<URL> roots = loader.getResources(RESOURCE_DIRECTORY);
            for (URL root : Collections.list(roots)) {
                readRoot(root, texts);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations on the class path: " + e.getMessage(), e);
        }
        return parse(texts);
    }

    /**
     * The class path's {@value #RESOURCE_DIRECTORY} directories that hold a migration file, read no further: for
     * makemigrations to notice that the directory it writes to is not the one the application's migrations come from.
     */
    public static List<URL> classPathLocations(ClassLoader loader) {
        List<URL> locations = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(RESOURCE_DIRECTORY))) {
                TreeMap<String, String> texts = new TreeMap<>(Migration.NAME_ORDER);
                readRoot(root, texts);
                if (!texts.isEmpty()) {
                    locations.add(root);
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations on the class path: " + e.getMessage(), e);
        }
        return locations;
    }

    /** Whether the directory holds a migration file (by its name alone: none is read). */
    public static boolean hasMigrations(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> isMigration(file.getFileName().toString()));
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Every migration in a directory (none when it does not exist), by name. */
    public static List<Migration> fromDirectory(Path directory) {
        TreeMap<String, String> texts = new TreeMap<>(Migration.NAME_ORDER);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (isMigration(name)) {
                    texts.put(name, text(Files.readAllBytes(file), file.toString()));
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations in " + directory + ": " + e.getMessage(), e);
        }
        return parse(texts);
    }

    private static void readRoot(URL root, TreeMap<String, String> texts) throws IOException {
        switch (root.getProtocol()) {
            case "file" -> {
                try {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            String name = file.getFileName().toString();
                            if (isMigration(name)) {
                                put(texts, name, text(Files.readAllBytes(file), file.toString()), root);
                            }
                        }
                    }
                } catch (URISyntaxException e) {
                    throw new IOException("Bad migration directory URL " + root, e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = connection.getEntryName() + "/";
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String entryName = entry.getName();
                        if (entryName.startsWith(prefix)
                                && isMigration(entryName.substring(prefix.length()))) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                put(texts, entryName.substring(prefix.length()),
                                        text(in.readAllBytes(), root + "/" + entryName.substring(prefix.length())),
                                        root);
                            }
                        }
                    }
                }
            }
            default -> throw new IOException("Migrations at " + root + " cannot be listed (only directories and jars)");
        }
    }

    /**
     * Whether a file of the migrations directory is a migration; a {@code .json} file named otherwise is refused, as
     * it would never be applied without a word.
     */
    private static boolean isMigration(String name) {
        if (FILE_NAME.matcher(name).matches()) {
            return true;
        }
        if (name.endsWith(".json") && !name.contains("/")) {
            throw new MigrationException("Migration file " + name + " is not named NNNN_name.json (four digits or "
                    + "more, then lowercase letters, digits and underscores), so it would never be applied: rename it");
        }
        return false;
    }

    /**
     * A migration file's text, which must be UTF-8 (as makemigrations writes it): a file saved in another encoding is
     * refused naming it, rather than read with replacement characters or failing without its name.
     */
    private static String text(byte[] bytes, String file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // decoded again, stopping at the first bad byte, to say where it is
            ByteBuffer in = ByteBuffer.wrap(bytes);
            StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true);
            throw new MigrationException("Migration file " + file + " is not UTF-8 text (byte " + (in.position() + 1)
                    + " is not): save it as UTF-8", e);
        }
    }

    private static void put(TreeMap<String, String> texts, String name, String text, URL root) {
        String previous = texts.put(name, text);
        if (previous != null && !previous.equals(text)) {
            throw new MigrationException("Two different migrations " + name + " are on the class path (one in "
                    + root + "): one application has one migrations directory");
        }
    }

    private static List<Migration> parse(TreeMap<String, String> texts) {
        List<Migration> migrations = new ArrayList<>();
        texts.forEach((file, text) ->
                migrations.add(Migration.parse(file.substring(0, file.length() - ".json".length()), text)));
        return migrations;
    }

    /** Writes a migration file into a directory (created when missing) and returns its path. */
    public static Path write(Path directory, Migration migration) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(migration.name() + ".json");
            Files.writeString(file, migration.toJson(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migration " + migration.name() + " into " + directory,
                    e);
        }
    }
}
