package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.migrations.cli.QuarryCommand;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's model project for the end-to-end migration tests: model sources of package {@code com.example} compiled
 * with the annotation processor, as a build would, and the command line run with the compiled classes as the class
 * path.
 */
final class ModelProject {
    private ModelProject() {
    }

    /**
     * Compiles the model sources (each a {@code public class} of {@code com.example}) into {@code <version>/classes}
     * of the project directory, checks that the processor generated each model's query class, and loads the result.
     */
    static ClassLoader compile(Path project, String version, String... sources) throws IOException {
        Path directory = Files.createDirectories(project.resolve(version + "/src/com/example"));
        Path classes = Files.createDirectories(project.resolve(version + "/classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")));
        List<String> models = new ArrayList<>();
        for (String source : sources) {
            String name = source.replaceAll("(?s).*public class (\\w+).*", "$1");
            Path file = directory.resolve(name + ".java");
            Files.writeString(file, source);
            arguments.add(file.toString());
            models.add(name);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, null, errors, arguments.toArray(new String[0])),
                errors.toString(StandardCharsets.UTF_8));
        for (String model : models) {
            assertTrue(Files.exists(classes.resolve("com/example/" + model + "Query.class")), "the processor ran");
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ModelProject.class.getClassLoader());
    }

    /**
     * Runs the command line with the compiled project as the class path, as {@code java -cp ... QuarryCommand} would,
     * with no terminal input; its output is printed to the test's output. Its exit status.
     */
    static int command(ClassLoader projectClasses, String... args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectClasses);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            return new QuarryCommand(print, print, new BufferedReader(new StringReader(""))).run(args);
        } finally {
            thread.setContextClassLoader(previous);
            System.out.print(out.toString(StandardCharsets.UTF_8));
        }
    }
}
