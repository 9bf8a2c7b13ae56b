package dev.quarry.it;

import static dev.quarry.it.ModelProject.command;
import static dev.quarry.it.ModelProject.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.migrations.MigrationLoader;
import dev.quarry.migrations.Migrator;
import dev.quarry.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations as a user runs them: a model project compiled with the processor, makemigrations from the command line,
 * the model changed and compiled again, makemigrations again, then migrate on each database; the data written
 * between the two migrations is still there after the second.
 */
class MigrationsEndToEndTest extends FreshDatabaseTest {
    private static final String SHOP_V1 = """
            package com.example;

            import dev.quarry.annotation.MaxLength;
            import dev.quarry.annotation.Model;
            import dev.quarry.annotation.PrimaryKey;

            @Model
            public class Shop {
                @PrimaryKey public Long id;
                @MaxLength(50) public String name;
            }
            """;

    private static final String SHOP_V2 = """
            package com.example;

            import dev.quarry.annotation.Default;
            import dev.quarry.annotation.MaxLength;
            import dev.quarry.annotation.Model;
            import dev.quarry.annotation.Nullable;
            import dev.quarry.annotation.PrimaryKey;

            @Model
            public class Shop {
                @PrimaryKey public Long id;
                @MaxLength(80) public String name;
                @Nullable @MaxLength(100) public String email;
                @Default("true") public boolean open;
            }
            """;

    /** A NOT NULL field without a default: makemigrations needs a one-off default for the rows already there. */
    private static final String SHOP_V3 = SHOP_V2.replace("public boolean open;",
            "public boolean open;\n    @MaxLength(40) public String city;");

    @TempDir
    Path project;

    @Test
    void changeTheModelMakeMigrationsAndMigrate() throws Exception {
        Path migrations = project.resolve("src/main/resources/quarry/migrations");

        ClassLoader v1 = compile(project, "v1", SHOP_V1);
        assertEquals(0, command(v1, "makemigrations", "--dir", migrations.toString(), "--no-input"));
        assertTrue(Files.exists(migrations.resolve("0001_initial.json")));
        assertEquals(0, command(v1, "makemigrations", "--dir", migrations.toString(), "--check"),
                "no change since the migration: --check passes");

        new Migrator(db, MigrationLoader.fromDirectory(migrations)).migrate(null);
        db.executor().execute("INSERT INTO " + q("shop") + " (" + q("name") + ") VALUES ('Corner shop')");

        ClassLoader v2 = compile(project, "v2", SHOP_V2);
        assertEquals(1, command(v2, "makemigrations", "--dir", migrations.toString(), "--check"),
                "the model changed without a migration: --check fails");
        assertEquals(0, command(v2, "makemigrations", "--dir", migrations.toString(), "--no-input"));
        List<String> files;
        try (var list = Files.list(migrations)) {
            files = list.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(1).startsWith("0002_"), files.toString());

        List<Migrator.Step> applied = new Migrator(db, MigrationLoader.fromDirectory(migrations)).migrate(null);
        assertEquals(1, applied.size());
        // the row written before the change is still there, with the new columns' defaults
        assertEquals(1, db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM " + q("shop") + " WHERE "
                + q("name") + " = 'Corner shop' AND " + q("email") + " IS NULL", List.of())));
        assertEquals(0, command(v2, "makemigrations", "--dir", migrations.toString(), "--check"));

        ClassLoader v3 = compile(project, "v3", SHOP_V3);
        assertEquals(1, command(v3, "makemigrations", "--dir", migrations.toString(), "--check"),
                "a change that needs an answer is a change for --check, not an error");
        assertEquals(2, command(v3, "makemigrations", "--dir", migrations.toString(), "--no-input"),
                "without an answer nothing is written");
        assertEquals(0, command(v3, "makemigrations", "--dir", migrations.toString(), "--answer",
                "default shop.city=Paris"));
        assertEquals(1, new Migrator(db, MigrationLoader.fromDirectory(migrations)).migrate(null).size());
        assertEquals(1, db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM " + q("shop") + " WHERE "
                + q("city") + " = 'Paris'", List.of())), "the row already there got the one-off default");
    }
}
