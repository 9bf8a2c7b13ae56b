package dev.quarry.it;

import static dev.quarry.it.ModelProject.command;
import static dev.quarry.it.ModelProject.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.DatabaseException;
import dev.quarry.migrations.MigrationLoader;
import dev.quarry.migrations.Migrator;
import dev.quarry.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with a many-to-many field renamed as a user renames it: the class renamed, makemigrations told of the rename
 * by one answer (no terminal), migrate; the links written before are still there, in the renamed join table, with
 * its constraints; rolled back and forwards again, then the field removed.
 */
class RenameEndToEndTest extends FreshDatabaseTest {
    private static final String GENRE = """
            package com.example;

            import dev.quarry.annotation.MaxLength;
            import dev.quarry.annotation.Model;
            import dev.quarry.annotation.PrimaryKey;

            @Model
            public class Motif {
                @PrimaryKey public Long id;
                @MaxLength(50) public String label;
            }
            """;

    private static final String SAGA = """
            package com.example;

            import dev.quarry.Related;
            import dev.quarry.annotation.ManyToMany;
            import dev.quarry.annotation.MaxLength;
            import dev.quarry.annotation.Model;
            import dev.quarry.annotation.PrimaryKey;

            @Model
            public class Saga {
                @PrimaryKey public Long id;
                @MaxLength(100) public String title;
                @ManyToMany public final Related<Motif> motifs = new Related<>();
            }
            """;

    private static final String EPIC = SAGA.replace("class Saga", "class Epic");
    private static final String EPIC_WITHOUT_GENRES = EPIC.replace(
            "    @ManyToMany public final Related<Motif> motifs = new Related<>();\n", "")
            .replace("import dev.quarry.Related;\nimport dev.quarry.annotation.ManyToMany;\n", "");

    @TempDir
    Path project;

    @Test
    void manyToManyLinksFollowARenamedModel() throws Exception {
        Path migrations = project.resolve("migrations");
        ClassLoader v1 = compile(project, "v1", GENRE, SAGA);
        assertEquals(0, command(v1, "makemigrations", "--dir", migrations.toString(), "--no-input"));
        migrator(migrations).migrate(null);
        execute("INSERT INTO " + q("motif") + " (" + q("id") + ", " + q("label") + ") VALUES (1, 'sf')");
        execute("INSERT INTO " + q("saga") + " (" + q("id") + ", " + q("title") + ") VALUES (1, 'Dune')");
        execute("INSERT INTO " + q("saga_motifs") + " (" + q("saga_id") + ", " + q("motif_id")
                + ") VALUES (1, 1)");

        ClassLoader v2 = compile(project, "v2", GENRE, EPIC);
        assertEquals(0, command(v2, "makemigrations", "--dir", migrations.toString(), "--no-input", "--answer",
                "rename-model saga=epic"));
        assertEquals(0, command(v2, "makemigrations", "--dir", migrations.toString(), "--check"));
        migrator(migrations).migrate(null);
        assertEquals(1, count("epic_motifs", "epic_id", 1), "the link kept, in the renamed join table");
        // its unique pair and foreign keys still hold
        assertThrows(DatabaseException.class, () -> execute("INSERT INTO " + q("epic_motifs") + " ("
                + q("epic_id") + ", " + q("motif_id") + ") VALUES (1, 1)"));
        assertThrows(DatabaseException.class, () -> execute("INSERT INTO " + q("epic_motifs") + " ("
                + q("epic_id") + ", " + q("motif_id") + ") VALUES (99, 1)"));

        migrator(migrations).migrate("0001_initial");
        assertEquals(1, count("saga_motifs", "saga_id", 1), "rolled back: the link in the old join table");
        migrator(migrations).migrate(null);
        assertEquals(1, count("epic_motifs", "epic_id", 1));

        ClassLoader v3 = compile(project, "v3", GENRE, EPIC_WITHOUT_GENRES);
        assertEquals(0, command(v3, "makemigrations", "--dir", migrations.toString(), "--no-input"));
        assertEquals(1, migrator(migrations).migrate(null).size(), "the renamed join table dropped");
        assertEquals(1, count("epic", "id", 1));
    }

    private Migrator migrator(Path migrations) {
        return new Migrator(db, MigrationLoader.fromDirectory(migrations));
    }

    private void execute(String sql) {
        db.executor().execute(sql);
    }

    private long count(String table, String column, long value) {
        return db.executor().queryLong(new SqlStatement("SELECT COUNT(*) FROM " + q(table) + " WHERE " + q(column)
                + " = " + value, List.of()));
    }
}
