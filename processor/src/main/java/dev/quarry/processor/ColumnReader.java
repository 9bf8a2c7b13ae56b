package dev.quarry.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the column fields of one model: type mapping, primary key, options, default, column name and access
 * (rules 5 to 13 of the processor spec, except those spanning several fields, which {@link ModelReader} checks).
 */
final class ColumnReader {
    /** Width of an enum column without {@code @MaxLength}. */
    static final int DEFAULT_ENUM_WIDTH = 50;

    /**
     * Names a field cannot have besides {@code objects} (the generated entry point): a static no-argument method
     * named like one of Object's instance methods would not compile.
     */
    private static final Set<String> OBJECT_METHODS =
            Set.of("getClass", "hashCode", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    /** Quarry's annotations on one field (null when absent); {@code nullable} is any annotation named Nullable. */
    private record FieldAnnotations(AnnotationMirror key, AnnotationMirror nullable, AnnotationMirror maxLength,
            AnnotationMirror text, AnnotationMirror decimal, AnnotationMirror unique, AnnotationMirror indexed,
            AnnotationMirror defaultValue) {

        static FieldAnnotations of(VariableElement field) {
            return new FieldAnnotations(Annotations.find(field, "PrimaryKey"), Annotations.nullable(field),
                    Annotations.find(field, "MaxLength"), Annotations.find(field, "Text"),
                    Annotations.find(field, "Decimal"), Annotations.find(field, "Unique"),
                    Annotations.find(field, "Indexed"), Annotations.find(field, "Default"));
        }
    }

    /** Length, precision, scale and enum constants, once checked. */
    private record Sizes(int length, int precision, int scale, List<String> constants) {
    }

    private final TypeElement model;
    private final Elements elements;
    private final Types types;
    private final FieldTypes fieldTypes;
    private final Diagnostics diagnostics;
    private final PackageElement modelPackage;
    private List<? extends Element> allMembers;

    ColumnReader(TypeElement model, Elements elements, Types types, FieldTypes fieldTypes, Diagnostics diagnostics) {
        this.model = model;
        this.elements = elements;
        this.types = types;
        this.fieldTypes = fieldTypes;
        this.diagnostics = diagnostics;
        this.modelPackage = Names.packageOf(model);
    }

    /** The column of a field, or null when its type cannot be mapped (an error was reported). */
    ModelDescriptor.Column read(VariableElement field, String constantName) {
        String name = field.getSimpleName().toString();
        FieldAnnotations annotations = FieldAnnotations.of(field);
        String columnName = columnName(field);
        checkJavaName(field, columnName);
        if (field.getModifiers().contains(Modifier.FINAL)) {
            diagnostics.error(field, "Field '" + name + "' is final, but Quarry must assign it when it reads a row: "
                    + "remove `final`, or mark the field transient if it is not a column");
        }

        TypeMirror type = field.asType();
        FieldTypes.Mapping mapping = fieldTypes.classify(type);
        if (annotations.key() != null) {
            checkPrimaryKey(field, mapping, annotations);
        } else if (mapping == null) {
            diagnostics.error(field, fieldTypes.unsupportedAdvice(type, name));
        }
        if (mapping == null) {
            return null;
        }
        String getter = null;
        String setter = null;
        if (field.getModifiers().contains(Modifier.PRIVATE)) {
            String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            getter = mapping.kind() == ValueKind.BOOLEAN && hasGetter(field, "is" + property) ? "is" + property
                    : hasGetter(field, "get" + property) ? "get" + property : null;
            setter = hasSetter(field, "set" + property) ? "set" + property : null;
            if (getter == null || setter == null) {
                String getterName = (mapping.kind() == ValueKind.BOOLEAN && mapping.primitive() ? "is" : "get")
                        + property;
                diagnostics.error(field, "private field '" + name + "' needs " + getterName + "() and set" + property
                        + "(" + mapping.simpleName() + "), or make it package-private/public, or mark it transient");
            }
        }
        if (annotations.nullable() != null && mapping.primitive()) {
            diagnostics.error(field, annotations.nullable(), "@Nullable on '" + name + "' cannot work: a "
                    + mapping.simpleName() + " cannot hold null; use the boxed type " + mapping.boxedType()
                    + ", or remove @Nullable");
        }
        Sizes sizes = sizes(field, mapping, annotations, columnName);
        if (annotations.key() == null && annotations.unique() != null && annotations.indexed() != null) {
            diagnostics.error(field, annotations.indexed(), "'" + name + "' is @Unique, which already indexes it: "
                    + "remove @Indexed");
        }

        String defaultText = null;
        CodeBlock defaultLiteral = null;
        boolean decimalMissing = mapping.kind() == ValueKind.DECIMAL && annotations.decimal() == null;
        if (annotations.defaultValue() != null && annotations.key() == null && !decimalMissing) {
            defaultText = Annotations.stringValue(annotations.defaultValue(), "value");
            int maxLength = mapping.kind() == ValueKind.STRING && annotations.text() == null ? sizes.length() : 0;
            DefaultValues.Parsed parsed = DefaultValues.parse(defaultText, new DefaultValues.Column(name, mapping,
                    maxLength, sizes.precision(), sizes.scale(), sizes.constants()));
            if (parsed.error() != null) {
                diagnostics.error(field, annotations.defaultValue(),
                        Annotations.value(annotations.defaultValue(), "value"), parsed.error());
            }
            defaultLiteral = parsed.literal();
        }

        ValueKind kind = mapping.kind();
        boolean key = annotations.key() != null;
        boolean generated = key && (kind == ValueKind.LONG || kind == ValueKind.INTEGER);
        int length = kind == ValueKind.STRING || kind == ValueKind.ENUM ? sizes.length() : 0;
        return new ModelDescriptor.Column(name, columnName, constantName, mapping, annotations.text() != null,
                getter, setter, annotations.nullable() != null, key, generated, length, sizes.precision(),
                sizes.scale(), annotations.unique() != null, annotations.indexed() != null, defaultText,
                defaultLiteral);
    }

    /** Rule 11: the Java name becomes a static method of the generated class. */
    private void checkJavaName(VariableElement field, String columnName) {
        String name = field.getSimpleName().toString();
        String queryClass = Names.querySimpleName(model);
        if (name.equals("objects")) {
            diagnostics.error(field, "A field named 'objects' would clash with the generated " + queryClass
                    + ".objects(db) entry point: give the Java field another name and keep the column with "
                    + "@Column(name = \"objects\")");
        } else if (OBJECT_METHODS.contains(name)) {
            diagnostics.error(field, "A field named '" + name + "' would give " + queryClass + " a static " + name
                    + "() method, which clashes with Object." + name + "(): give the Java field another name and "
                    + "keep the column with @Column(name = \"" + columnName + "\")");
        }
    }

    /** Rules 5 and 9 for the primary key. */
    private void checkPrimaryKey(VariableElement field, FieldTypes.Mapping mapping, FieldAnnotations annotations) {
        String name = field.getSimpleName().toString();
        ValueKind kind = mapping == null ? null : mapping.kind();
        boolean allowed = kind == ValueKind.LONG || kind == ValueKind.INTEGER || kind == ValueKind.STRING
                || kind == ValueKind.UUID;
        if (allowed && mapping.primitive()) {
            diagnostics.error(field, "Primary key '" + name + "' is a primitive " + mapping.javaType() + ": use "
                    + mapping.boxedType() + ", so that null can mean \"not saved yet\"");
        } else if (!allowed) {
            diagnostics.error(field, "Primary key '" + name + "' has type " + field.asType() + "; a primary key is "
                    + "a Long or Integer (generated by the database when null), a String, or a UUID (generated by "
                    + "Quarry when null)");
        }
        if (annotations.nullable() != null) {
            diagnostics.error(field, annotations.nullable(), "Primary key '" + name + "' cannot be @Nullable: null "
                    + "means \"not saved yet\"; remove @Nullable");
        }
        if (annotations.defaultValue() != null) {
            diagnostics.error(field, annotations.defaultValue(), "Primary key '" + name + "' cannot have a "
                    + "@Default: keys are generated when null (Long, Integer, UUID) or assigned by your code "
                    + "(String); remove @Default");
        }
        if (annotations.unique() != null) {
            diagnostics.error(field, annotations.unique(), "'" + name + "' is the primary key, which is already "
                    + "unique: remove @Unique");
        }
        if (annotations.indexed() != null) {
            diagnostics.error(field, annotations.indexed(), "'" + name + "' is the primary key, which is already "
                    + "indexed: remove @Indexed");
        }
        if (annotations.text() != null && kind == ValueKind.STRING) {
            diagnostics.error(field, annotations.text(), "Primary key '" + name + "' cannot be @Text (databases "
                    + "index bounded text only): use @MaxLength(n)");
        }
    }

    /** Rule 7: @MaxLength, @Text and @Decimal where they apply, with usable values; enum widths. */
    private Sizes sizes(VariableElement field, FieldTypes.Mapping mapping, FieldAnnotations annotations,
            String columnName) {
        String name = field.getSimpleName().toString();
        ValueKind kind = mapping.kind();
        String typeName = mapping.simpleName();
        AnnotationMirror maxLength = annotations.maxLength();
        AnnotationMirror text = annotations.text();
        AnnotationMirror decimal = annotations.decimal();
        int length = 0;
        if (maxLength != null) {
            length = Annotations.intValue(maxLength, "value");
            if (kind != ValueKind.STRING && kind != ValueKind.ENUM) {
                diagnostics.error(field, maxLength, "@MaxLength applies to String and enum fields; '" + name
                        + "' is " + typeName);
            } else if (length < 1) {
                diagnostics.error(field, maxLength, Annotations.value(maxLength, "value"), "@MaxLength(" + length
                        + ") of '" + name + "' is not a usable length: it must be at least 1");
            }
        }
        if (text != null && kind != ValueKind.STRING) {
            diagnostics.error(field, text, "@Text applies to String fields; '" + name + "' is " + typeName);
        }
        if (decimal != null && kind != ValueKind.DECIMAL) {
            diagnostics.error(field, decimal, "@Decimal applies to BigDecimal fields; '" + name + "' is "
                    + typeName);
        }
        switch (kind) {
            case STRING -> {
                if (maxLength == null && text == null) {
                    diagnostics.error(field, "String field '" + name + "' needs a length: add @MaxLength(n) for a "
                            + "VARCHAR(n) column, or @Text for unbounded text");
                } else if (maxLength != null && text != null) {
                    diagnostics.error(field, text, "Field '" + name + "' has both @MaxLength and @Text: keep "
                            + "@MaxLength(n) for a VARCHAR(n) column, or @Text for unbounded text");
                } else if (text != null && (annotations.unique() != null || annotations.indexed() != null)) {
                    boolean unique = annotations.unique() != null;
                    diagnostics.error(field, unique ? annotations.unique() : annotations.indexed(), "@Text field '"
                            + name + "' cannot be " + (unique ? "@Unique" : "@Indexed") + ": MySQL and MariaDB "
                            + "cannot index unbounded text; use @MaxLength(n) instead of @Text");
                }
                return new Sizes(length, 0, 0, List.of());
            }
            case DECIMAL -> {
                if (decimal == null) {
                    diagnostics.error(field, "BigDecimal field '" + name + "' needs @Decimal(precision = p, "
                            + "scale = s), e.g. @Decimal(precision = 10, scale = 2) for amounts up to 99999999.99");
                    return new Sizes(0, 0, 0, List.of());
                }
                int precision = Annotations.intValue(decimal, "precision");
                int scale = Annotations.intValue(decimal, "scale");
                if (precision < 1 || precision > 1000) {
                    diagnostics.error(field, decimal, Annotations.value(decimal, "precision"), "@Decimal precision "
                            + "of '" + name + "' is " + precision + ": it must be from 1 to 1000");
                } else if (scale < 0 || scale > precision) {
                    diagnostics.error(field, decimal, Annotations.value(decimal, "scale"), "@Decimal scale of '"
                            + name + "' is " + scale + ": it must be from 0 to the precision (" + precision + ")");
                }
                return new Sizes(0, precision, scale, List.of());
            }
            case ENUM -> {
                int width = maxLength == null ? DEFAULT_ENUM_WIDTH : length;
                List<String> constants = ElementFilter.fieldsIn(mapping.enumType().getEnclosedElements()).stream()
                        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                        .map(e -> e.getSimpleName().toString()).collect(Collectors.toList());
                String longest = constants.stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElse("");
                if (width >= 1 && longest.length() > width) {
                    diagnostics.error(field, maxLength, typeName + "." + longest + " is " + longest.length()
                            + " characters long, but enum column '" + columnName + "' holds at most " + width
                            + ": add @MaxLength(" + longest.length() + ") (or more) to '" + name + "'");
                }
                return new Sizes(width, 0, 0, constants);
            }
            default -> {
                return new Sizes(0, 0, 0, List.of());
            }
        }
    }

    /** Rule 11 for a column: explicit or derived, lower case. */
    private String columnName(VariableElement field) {
        AnnotationMirror column = Annotations.find(field, "Column");
        String explicit = column == null ? "" : Annotations.stringValue(column, "name");
        String name = explicit.isEmpty() ? Names.snakeCase(field.getSimpleName().toString()) : explicit;
        String problem = Names.identifierProblem("Column name", name);
        if (problem != null) {
            if (explicit.isEmpty()) {
                diagnostics.error(field, problem + " (derived from field '" + field.getSimpleName() + "'); or set "
                        + "the name with @Column(name = \"...\")");
            } else {
                diagnostics.error(field, column, Annotations.value(column, "name"), problem);
            }
        }
        return name;
    }

    /** Rule 13: a usable {@code T name()} for a private field. */
    private boolean hasGetter(VariableElement field, String name) {
        for (ExecutableElement method : ElementFilter.methodsIn(members())) {
            if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty() && usable(method)
                    && types.isSameType(method.getReturnType(), field.asType())) {
                return true;
            }
        }
        return false;
    }

    /** Rule 13: a usable {@code name(T)} for a private field. */
    private boolean hasSetter(VariableElement field, String name) {
        for (ExecutableElement method : ElementFilter.methodsIn(members())) {
            if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1 && usable(method)
                    && types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
                return true;
            }
        }
        return false;
    }

    /** An instance method the generated class (same package as the model) may call. */
    private boolean usable(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
            return false;
        }
        return modifiers.contains(Modifier.PUBLIC) || Names.packageOf(method).equals(modelPackage);
    }

    /** Members including inherited ones: computed once per model, and only for models with private fields. */
    private List<? extends Element> members() {
        if (allMembers == null) {
            allMembers = elements.getAllMembers(model);
        }
        return allMembers;
    }
}
