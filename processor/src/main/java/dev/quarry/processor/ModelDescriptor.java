package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A validated model: everything {@link QueryClassWriter} needs, read once from the elements.
 *
 * @param element the model class (the originating element of the generated file)
 * @param columns every column in declaration order: the select order
 */
record ModelDescriptor(TypeElement element, ClassName modelClass, ClassName queryClass, String tableName,
        List<Column> columns) {

    Column primaryKey() {
        return columns.stream().filter(Column::primaryKey).findFirst().orElseThrow();
    }

    /**
     * One column.
     *
     * @param constantName the name of its constants in the generated class ({@code PUBLISHED_AT})
     * @param getter the accessor method of a private field, or null when the field is accessed directly
     * @param setter the mutator of a private field, or null
     * @param maxLength VARCHAR/ENUM width, 0 for other types
     * @param defaultText the {@code @Default} text, or null
     * @param defaultLiteral the Java expression of the default applied before an insert, or null
     * @param foreignKey the relation of a {@code Ref} field, or null for a plain column; the mapping of a foreign key
     *     is that of the target's primary key (the type of the column and of {@code ref.id()})
     */
    record Column(String fieldName, String columnName, String constantName, FieldTypes.Mapping mapping,
            boolean text, String getter, String setter, boolean nullable, boolean primaryKey, boolean generated,
            int maxLength, int precision, int scale, boolean unique, boolean indexed, String defaultText,
            CodeBlock defaultLiteral, ForeignKey foreignKey) {

        boolean isForeignKey() {
            return foreignKey != null;
        }

        ValueKind kind() {
            return mapping.kind();
        }

        boolean primitive() {
            return mapping.primitive();
        }
    }

    /**
     * The to-one relation of a {@code Ref<Target>} field.
     *
     * @param target the target model class
     * @param targetQuery its generated query class (holding its {@code META} and {@code Path})
     * @param onDelete the name of the {@code OnDelete} constant
     * @param field the {@code Ref} field (where errors about the relation go)
     * @param targetElement the target model class
     */
    record ForeignKey(ClassName target, ClassName targetQuery, String onDelete, VariableElement field,
            TypeElement targetElement) {
    }
}
