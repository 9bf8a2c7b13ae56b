package dev.quarry.meta;

import dev.quarry.annotation.OnDelete;
import dev.quarry.exec.Binder;
import dev.quarry.exec.Row;
import dev.quarry.Ref;
import java.sql.SQLException;
import java.util.List;

/**
 * The join table of a many-to-many relation without a through model: a generated key, a foreign key to each side
 * ({@code onDelete = CASCADE}: Quarry's deletes remove the links of either object, as for any foreign key; the DDL has
 * no ON DELETE) and the pair unique. It is a model like the others to the schema editor, deletes and joins; only its
 * rows are {@link LinkRow}s rather than a class of the application.
 */
final class LinkTableMeta extends ModelMeta<LinkRow> {
    private final RelationMeta relation;

    /** The model name of a join table: {@code Novel.genres link}, which migrations record and read back. */
    static String modelName(RelationMeta relation) {
        return relation.qualifiedName() + RelationMeta.JOIN_TABLE_MODEL_SUFFIX;
    }

    LinkTableMeta(String table, ModelMeta<?> source, String sourceColumn, ModelMeta<?> target, String targetColumn,
            RelationMeta relation) {
        super(LinkRow.class, table, List.of(
                ColumnMeta.builder("id", "id", ColumnType.LONG).primaryKey().generated().build(),
                keyColumn("source", sourceColumn, source, false),
                keyColumn("target", targetColumn, target, true)), List.of(), modelName(relation));
        this.relation = relation;
    }

    /** A foreign key column with the type of the key of the model it points to. */
    private static ColumnMeta keyColumn(String field, String column, ModelMeta<?> to, boolean indexed) {
        ColumnMeta key = to.primaryKey();
        ColumnMeta.Builder builder = ColumnMeta.builder(field, column, key.type()).maxLength(key.maxLength())
                .foreignKey(() -> to, OnDelete.CASCADE);
        // the unique (source, target) index serves lookups by source; lookups by target need their own
        return (indexed ? builder.indexed() : builder).build();
    }

    ColumnMeta sourceColumn() {
        return columns().get(1);
    }

    ColumnMeta targetColumn() {
        return columns().get(2);
    }

    @Override
    public List<List<ColumnMeta>> uniqueTogether() {
        return List.of(List.of(sourceColumn(), targetColumn()));
    }

    @Override
    public ClassLoader classLoader() {
        return relation.owner().classLoader();
    }

    @Override
    public LinkRow newInstance() {
        return new LinkRow();
    }

    @Override
    public LinkRow read(Row row) throws SQLException {
        LinkRow link = new LinkRow();
        link.id = row.getLongOrNull();
        link.source.setIdFromRow(row.getValue(sourceColumn().type(), null), sourceColumn().qualifiedName());
        link.target.setIdFromRow(row.getValue(targetColumn().type(), null), targetColumn().qualifiedName());
        return link;
    }

    @Override
    public void bindValues(LinkRow link, Binder binder) throws SQLException {
        binder.setValue(link.source.id(), sourceColumn().type());
        binder.setValue(link.target.id(), targetColumn().type());
    }

    @Override
    public void bindPrimaryKey(LinkRow link, Binder binder) throws SQLException {
        binder.setLong(link.id);
    }

    @Override
    public void readGeneratedKey(LinkRow link, Row keys) throws SQLException {
        link.id = keys.getLongOrNull();
    }

    @Override
    public Object getValue(LinkRow link, ColumnMeta column) {
        return switch (column.fieldName()) {
            case "id" -> link.id;
            case "source" -> link.source.id();
            case "target" -> link.target.id();
            default -> throw unknownColumn(column);
        };
    }

    @Override
    public void setValue(LinkRow link, ColumnMeta column, Object value) {
        switch (column.fieldName()) {
            case "id" -> link.id = (Long) value;
            case "source" -> link.source.setId(value);
            case "target" -> link.target.setId(value);
            default -> throw unknownColumn(column);
        }
    }

    @Override
    public Ref<?> ref(LinkRow link, ColumnMeta column) {
        return switch (column.fieldName()) {
            case "source" -> link.source;
            case "target" -> link.target;
            default -> throw unknownColumn(column);
        };
    }
}
