package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.meta.ModelRegistry;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationGraph;
import dev.quarry.migrations.autodetect.AnswersQuestioner;
import dev.quarry.migrations.autodetect.Autodetector;
import dev.quarry.migrations.autodetect.NonInteractiveQuestioner;
import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.operations.RenameField;
import dev.quarry.migrations.operations.RenameModel;
import dev.quarry.migrations.state.ProjectState;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * makemigrations' autodetector on models compiled by the processor, as a user's build compiles them: the state of
 * ModelRegistry.all (models and the join tables they own) before and after a change of the sources.
 */
class MigrationsFromModelsTest {
    private static final String IMPORTS =
            "package com.example;\nimport dev.quarry.*;\nimport dev.quarry.annotation.*;\n";
    private static final String AUTHOR = "@Model public class Author { @PrimaryKey public Long id;"
            + " @MaxLength(100) public String name; }";
    private static final String GENRE = "@Model public class Genre { @PrimaryKey public Long id;"
            + " @MaxLength(50) public String label; }";
    private static final String NOVEL = "@Model public class Novel { @PrimaryKey public Long id;"
            + " @MaxLength(100) public String title;"
            + " @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Author> author = new Ref<>();"
            + " @ManyToMany public final Related<Genre> genres = new Related<>(); }";

    @TempDir
    Path temp;
    private int compilations;

    /** The models' state: the sources (each a top-level class of com.example) compiled with the processor. */
    private ProjectState models(String... sources) throws IOException {
        Path project = temp.resolve("v" + ++compilations);
        Path sourceDirectory = Files.createDirectories(project.resolve("src/com/example"));
        List<File> files = new ArrayList<>();
        for (String source : sources) {
            String name = source.replaceAll("(?s).*?public class (\\w+).*", "$1");
            Path file = sourceDirectory.resolve(name + ".java");
            Files.writeString(file, IMPORTS + source);
            files.add(file.toFile());
        }
        Path classes = Files.createDirectories(project.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(errors, fileManager, null, List.of("-d",
                    classes.toString(), "-classpath", System.getProperty("java.class.path")), null,
                    fileManager.getJavaFileObjectsFromFiles(files));
            task.setProcessors(Compilations.processors());
            assertTrue(task.call(), errors::toString);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return ProjectState.of(ModelRegistry.all(loader));
    }

    /** The changes, written to a file and replayed: the replay must leave nothing for a second run. */
    private static List<Operation> settled(ProjectState from, ProjectState to,
            dev.quarry.migrations.autodetect.Questioner questioner) {
        List<Operation> ops = Autodetector.changes(from, to, questioner);
        Migration read = Migration.parse("0002_x", new Migration("0002_x", List.of(), ops, null).toJson());
        assertEquals(List.of(), Autodetector.changes(MigrationGraph.apply(read, from), to,
                new NonInteractiveQuestioner()), "a second run finds nothing");
        return ops;
    }

    @Test
    void joinTableFollowsItsModelRenamedByAnAnswer() throws IOException {
        ProjectState before = models(AUTHOR, GENRE, NOVEL);
        ProjectState after = models(AUTHOR, GENRE, NOVEL.replace("Novel", "Book"));
        NonInteractiveQuestioner fallback = new NonInteractiveQuestioner();
        List<Operation> ops = settled(before, after,
                AnswersQuestioner.of(List.of("rename-model novel=book"), fallback));
        // was: the join table asked about separately, answered no without a terminal: its links dropped
        assertEquals(List.of(new RenameModel("novel", "Book", "book"),
                new RenameModel("novel_genres", "Book.genres link", "book_genres"),
                new RenameField("book_genres", "novel_id", "source", "book_id")), ops);
        assertEquals(List.of(), fallback.notes());
    }

    @Test
    void joinTableOfARelationToItselfFollowsItsRenamedModel() throws IOException {
        String book = "@Model public class Book { @PrimaryKey public Long id; @MaxLength(100) public String title;"
                + " @ManyToMany(symmetric = false) public final Related<Book> sequels = new Related<>(); }";
        NonInteractiveQuestioner fallback = new NonInteractiveQuestioner();
        List<Operation> ops = settled(models(book), models(book.replace("Book", "Novel")),
                AnswersQuestioner.of(List.of("rename-model book=novel"), fallback));
        assertEquals(List.of(new RenameModel("book", "Novel", "novel"),
                new RenameModel("book_sequels", "Novel.sequels link", "novel_sequels"),
                new RenameField("novel_sequels", "from_book_id", "source", "from_novel_id"),
                new RenameField("novel_sequels", "to_book_id", "target", "to_novel_id")), ops);
        assertEquals(List.of(), fallback.notes());
    }

    @Test
    void onDeleteIsNotPartOfTheSchema() throws IOException {
        // Quarry applies onDelete in Java (DeleteCollector); the DDL has no ON DELETE, so there is nothing to migrate
        String book = "@Model public class Book { @PrimaryKey public Long id;"
                + " @Nullable @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Author> author = new Ref<>(); }";
        ProjectState cascade = models(AUTHOR, book);
        for (String other : List.of("PROTECT", "RESTRICT", "SET_NULL", "DO_NOTHING")) {
            assertEquals(List.of(), Autodetector.changes(cascade,
                    models(AUTHOR, book.replace("CASCADE", other)), new NonInteractiveQuestioner()), other);
        }
    }

    private static final String CYCLE_A = "@Model public class A { @PrimaryKey public Long id;"
            + " @Nullable @ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = \"+\")"
            + " public Ref<B> b = new Ref<>(); }";
    private static final String CYCLE_B = "@Model public class B { @PrimaryKey public Long id;"
            + " @Nullable @ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = \"+\")"
            + " public Ref<C> c = new Ref<>(); }";
    private static final String CYCLE_C = "@Model public class C { @PrimaryKey public Long id;"
            + " @Nullable @ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = \"+\") public Ref<A> a = new Ref<>();"
            + " @Nullable @ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = \"+\") public Ref<C> parent"
            + " = new Ref<>();"
            + " @ManyToMany public final Related<C> similar = new Related<>(); }";

    @Test
    void threeCycleWithASelfReferenceIsCreatedThenClosedAndDeletedInOrder() throws IOException {
        ProjectState cycle = models(CYCLE_A, CYCLE_B, CYCLE_C);
        List<String> created = settled(ProjectState.EMPTY, cycle, new NonInteractiveQuestioner()).stream()
                .map(Operation::describe).toList();
        assertEquals(List.of("Create model A (table a)", "Create model C (table c)", "Create model B (table b)",
                "Create model C.similar link (table c_similar)", "Alter field b of a (column b_id)"), created,
                "a's key to b added once b exists");
        ProjectState none = models(GENRE);
        List<String> deleted = settled(cycle.with(none.requireTable("genre")), none,
                new NonInteractiveQuestioner()).stream().map(Operation::describe).toList();
        assertEquals(List.of("Delete model of table c_similar", "Alter field a of c (column a_id)",
                "Delete model of table a", "Delete model of table b", "Delete model of table c"), deleted);
    }

    @Test
    void theSameModelsGiveTheSameFileWhateverTheOrderTheyAreCompiledIn() throws IOException {
        String first = new Migration("0001_initial", List.of(), Autodetector.changes(ProjectState.EMPTY,
                models(AUTHOR, GENRE, NOVEL, CYCLE_A, CYCLE_B, CYCLE_C), new NonInteractiveQuestioner()), null)
                .toJson();
        String second = new Migration("0001_initial", List.of(), Autodetector.changes(ProjectState.EMPTY,
                models(CYCLE_C, CYCLE_B, NOVEL, CYCLE_A, GENRE, AUTHOR), new NonInteractiveQuestioner()), null)
                .toJson();
        assertEquals(first, second);
    }

    @Test
    void tableRenamedWithModelTableTakesItsJoinTableAlongWithoutAQuestion() throws IOException {
        List<Operation> ops = settled(models(AUTHOR, GENRE, NOVEL),
                models(AUTHOR, GENRE, NOVEL.replace("@Model public", "@Model(table = \"novels\") public")),
                new NonInteractiveQuestioner());
        assertEquals(List.of(new RenameModel("novel", "Novel", "novels"),
                new RenameModel("novel_genres", "Novel.genres link", "novels_genres")), ops);
    }

    @Test
    void modelRenamedWithAThroughModelKeepsTheThroughModelsKeys() throws IOException {
        String student = "@Model public class Student { @PrimaryKey public Long id; @MaxLength(50) public String name;"
                + " @ManyToMany(through = Enrollment.class) public final Related<Course> courses = new Related<>(); }";
        String course = "@Model public class Course { @PrimaryKey public Long id;"
                + " @MaxLength(50) public String title; }";
        String enrollment = "@Model public class Enrollment { @PrimaryKey public Long id;"
                + " @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Student> student = new Ref<>();"
                + " @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Course> course = new Ref<>();"
                + " public int mark; }";
        List<Operation> ops = settled(models(student, course, enrollment), models(student.replace("Student", "Pupil"),
                course, enrollment.replace("Student", "Pupil")),
                AnswersQuestioner.of(List.of("rename-model student=pupil"), new NonInteractiveQuestioner()));
        // the through model's foreign key follows the table it points to; its field and column keep their names
        assertEquals(List.of(new RenameModel("student", "Pupil", "pupil")), ops);
    }
}
