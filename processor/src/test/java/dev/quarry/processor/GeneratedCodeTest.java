package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.compile;
import static dev.quarry.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ColumnType;
import dev.quarry.meta.ModelMeta;
import dev.quarry.meta.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated code: compiles models in memory, loads the classes, and checks the metadata and the
 * object-side mapping (no database needed) against what the model declares.
 */
class GeneratedCodeTest {
    private static ClassLoader loader;

    /** Loads the classes of a compilation from memory, delegating everything else (the runtime) to the parent. */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClasses(Compilation compilation) {
            super(GeneratedCodeTest.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = file.toUri().getPath();
                    String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                            path.length() - ".class".length()).replace('/', '.');
                    try (InputStream in = file.openInputStream()) {
                        classes.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @BeforeAll
    static void compileModels() {
        Compilation compilation = compile(source("Book", ValidModelTest.BOOK), source("Status", ValidModelTest.STATUS),
                source("Library", """
                        package com.example;

                        import dev.quarry.annotation.*;

                        public class Library {
                            @Model
                            public static class Shelf {
                                @PrimaryKey public java.util.UUID id;
                                @Default("3") public Integer levels;
                            }
                        }
                        """));
        assertThat(compilation).succeeded();
        loader = new CompiledClasses(compilation);
    }

    @SuppressWarnings("unchecked")
    private static ModelMeta<Object> meta(String modelName) throws ReflectiveOperationException {
        Class<?> model = Class.forName(modelName, true, loader);
        return (ModelMeta<Object>) ModelRegistry.of(model);
    }

    @Test
    void metadataDescribesTheTable() throws ReflectiveOperationException {
        ModelMeta<Object> meta = meta("com.example.Book");
        assertEquals("book", meta.tableName());
        assertEquals("Book", meta.modelName());
        assertEquals(List.of("id", "title", "price", "published", "pages", "status", "available"),
                meta.columns().stream().map(ColumnMeta::fieldName).toList());
        assertEquals(List.of("title", "price", "published", "pages", "status", "available"),
                meta.valueColumns().stream().map(ColumnMeta::fieldName).toList());

        ColumnMeta id = meta.primaryKey();
        assertEquals("id", id.columnName());
        assertEquals(ColumnType.LONG, id.type());
        assertTrue(id.generated());
        assertFalse(id.nullable());

        ColumnMeta title = meta.column("title");
        assertEquals(ColumnType.VARCHAR, title.type());
        assertEquals(200, title.maxLength());
        assertTrue(title.indexed());
        assertEquals("book", title.tableName());

        ColumnMeta price = meta.column("price");
        assertTrue(price.nullable());
        assertEquals(10, price.precision());
        assertEquals(2, price.scale());

        ColumnMeta status = meta.column("status");
        assertEquals(ColumnType.ENUM, status.type());
        assertEquals(50, status.maxLength());
        assertEquals("DRAFT", status.defaultValue());
    }

    @Test
    void readsAndWritesFieldsWithoutReflection() throws ReflectiveOperationException {
        ModelMeta<Object> meta = meta("com.example.Book");
        Object book = meta.newInstance();
        assertEquals("com.example.Book", book.getClass().getName());
        assertNull(meta.primaryKeyValue(book));

        meta.setValue(book, meta.column("id"), 7L);
        meta.setValue(book, meta.column("title"), "Dune");
        meta.setValue(book, meta.column("price"), new BigDecimal("9.99"));
        meta.setValue(book, meta.column("published"), LocalDate.of(1965, 8, 1));
        meta.setValue(book, meta.column("pages"), 412);
        meta.setValue(book, meta.column("available"), true); // private field, through setAvailable

        assertEquals(7L, meta.primaryKeyValue(book));
        assertEquals("Dune", meta.getValue(book, meta.column("title")));
        assertEquals(new BigDecimal("9.99"), meta.getValue(book, meta.column("price")));
        assertEquals(LocalDate.of(1965, 8, 1), meta.getValue(book, meta.column("published")));
        assertEquals(412, meta.getValue(book, meta.column("pages")));
        assertEquals(true, meta.getValue(book, meta.column("available")));
        assertEquals(true, book.getClass().getMethod("isAvailable").invoke(book));
    }

    @Test
    void appliesDefaultsToNullFieldsOnly() throws ReflectiveOperationException {
        ModelMeta<Object> meta = meta("com.example.Book");
        Object book = meta.newInstance();
        meta.applyDefaults(book);
        Object draft = meta.getValue(book, meta.column("status"));
        assertEquals("DRAFT", ((Enum<?>) draft).name());

        Class<?> status = Class.forName("com.example.Status", true, loader);
        Object published = status.getEnumConstants()[1];
        meta.setValue(book, meta.column("status"), published);
        meta.applyDefaults(book);
        assertEquals(published, meta.getValue(book, meta.column("status")));
    }

    @Test
    void rejectsColumnsOfOtherModels() throws ReflectiveOperationException {
        ModelMeta<Object> book = meta("com.example.Book");
        ModelMeta<Object> shelf = meta("com.example.Library$Shelf");
        Object instance = book.newInstance();
        assertThrows(IllegalArgumentException.class, () -> book.getValue(instance, shelf.column("levels")));
        assertThrows(IllegalArgumentException.class, () -> book.setValue(instance, shelf.column("levels"), 1));
    }

    @Test
    void nestedModelsAreFoundUnderTheRuntimesQueryClassName() throws ReflectiveOperationException {
        Class<?> shelfClass = Class.forName("com.example.Library$Shelf", true, loader);
        assertEquals("com.example.LibraryShelfQuery", ModelRegistry.queryClassName(shelfClass));
        ModelMeta<Object> shelf = meta("com.example.Library$Shelf");
        assertEquals("shelf", shelf.tableName());
        assertFalse(shelf.primaryKey().generated());
        assertEquals(ColumnType.UUID, shelf.primaryKey().type());
        Object instance = shelf.newInstance();
        shelf.applyDefaults(instance);
        assertEquals(3, shelf.getValue(instance, shelf.column("levels")));
    }

    @Test
    void byteArraysRoundTrip() {
        Compilation compilation = compile(source("Blob", """
                package com.example;

                import dev.quarry.annotation.*;

                @Model
                public class Blob {
                    @PrimaryKey public Long id;
                    public byte[] data;
                }
                """));
        assertThat(compilation).succeeded();
        try {
            @SuppressWarnings("unchecked")
            ModelMeta<Object> meta = (ModelMeta<Object>) ModelRegistry.of(
                    Class.forName("com.example.Blob", true, new CompiledClasses(compilation)));
            Object blob = meta.newInstance();
            meta.setValue(blob, meta.column("data"), new byte[] {1, 2});
            assertArrayEquals(new byte[] {1, 2}, (byte[]) meta.getValue(blob, meta.column("data")));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
