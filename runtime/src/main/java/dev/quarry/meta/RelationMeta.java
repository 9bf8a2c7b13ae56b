package dev.quarry.meta;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A relation of a model that is not a column of its table: the reverse side of a foreign key or one-to-one
 * ({@code @Reverse}), or a many-to-many ({@code @ManyToMany}, or its {@code @Reverse}). Generated once per such field,
 * and once per reverse side that another model's relation gives this model without a field declaring it
 * ({@code AuthorQuery.books()} for {@code Book.author} when {@code Author} has no {@code @Reverse("author")} field):
 * such a relation is queryable like the others but has no holder ({@link #held()} is false), so nothing can be
 * loaded into it.
 *
 * <p>Every kind is seen the same way by the query layer: the related rows are reached through a <em>link</em> model
 * whose column {@link #linkToOwner()} holds the owner's key. For a reverse foreign key the link is the related model
 * itself; for a many-to-many it is the join table (or the through model), whose column {@link #linkToTarget()} holds
 * the related object's key.
 */
public final class RelationMeta {
    /**
     * What ends the model name of a many-to-many relation's join table ({@code Novel.genres link}): the owner's model
     * and the field come before it.
     */
    public static final String JOIN_TABLE_MODEL_SUFFIX = " link";

    /** What kind of relation a field declares. */
    public enum Kind {
        /** Many objects of the target point to the owner with a foreign key. */
        REVERSE_FOREIGN_KEY,
        /** At most one object of the target points to the owner with a one-to-one key. */
        REVERSE_ONE_TO_ONE,
        /** Pairs in a join table (or through model), declared with {@code @ManyToMany} on this side. */
        MANY_TO_MANY,
        /** The other side of a {@code @ManyToMany} declared on the target. */
        REVERSE_MANY_TO_MANY
    }

    private final String fieldName;
    private final Kind kind;
    private final Supplier<ModelMeta<?>> target;
    /** Reverse kinds: the relation field of the target. Many-to-many: its link fields, to the owner and target. */
    private final String sourceField;
    private final String targetField;
    private final Supplier<ModelMeta<?>> through;
    private final String table;
    private final boolean symmetric;
    private final boolean held;
    private ModelMeta<?> owner;
    private volatile Resolved resolved;

    /** The link model and its columns, resolved on first use (the target's generated class may load later). */
    private record Resolved(ModelMeta<?> link, ColumnMeta toOwner, ColumnMeta toTarget) {
    }

    private RelationMeta(String fieldName, Kind kind, Supplier<ModelMeta<?>> target, String sourceField,
            String targetField, Supplier<ModelMeta<?>> through, String table, boolean symmetric) {
        this(fieldName, kind, target, sourceField, targetField, through, table, symmetric, true);
    }

    private RelationMeta(String fieldName, Kind kind, Supplier<ModelMeta<?>> target, String sourceField,
            String targetField, Supplier<ModelMeta<?>> through, String table, boolean symmetric, boolean held) {
        this.fieldName = Objects.requireNonNull(fieldName);
        this.kind = kind;
        this.target = Objects.requireNonNull(target);
        this.sourceField = sourceField;
        this.targetField = targetField;
        this.through = through;
        this.table = table;
        this.symmetric = symmetric;
        this.held = held;
    }

    /**
     * The same relation without a holder: a reverse side the model does not declare as a field, a path of its query
     * class only ({@code RelationMeta.reverseForeignKey("books", () -> BookQuery.META, "author").withoutHolder()}).
     * Only reverse sides can lack a field; call it before the owning {@link ModelMeta} is created.
     */
    public RelationMeta withoutHolder() {
        if (kind == Kind.MANY_TO_MANY || owner != null) {
            throw new IllegalStateException(fieldName + ": only a reverse side not yet attached to its model can be "
                    + "without a holder");
        }
        return new RelationMeta(fieldName, kind, target, sourceField, targetField, through, table, symmetric, false);
    }

    /** The reverse of the target's foreign key field {@code foreignKeyField} ({@code @Reverse("author")}). */
    public static RelationMeta reverseForeignKey(String fieldName, Supplier<ModelMeta<?>> target,
            String foreignKeyField) {
        return new RelationMeta(fieldName, Kind.REVERSE_FOREIGN_KEY, target, foreignKeyField, null, null, null, false);
    }

    /** The reverse of the target's one-to-one field {@code oneToOneField}: one object or none. */
    public static RelationMeta reverseOneToOne(String fieldName, Supplier<ModelMeta<?>> target,
            String oneToOneField) {
        return new RelationMeta(fieldName, Kind.REVERSE_ONE_TO_ONE, target, oneToOneField, null, null, null, false);
    }

    /**
     * A many-to-many with a join table Quarry owns: {@code table} with a generated key, {@code sourceColumn} to the
     * owner and {@code targetColumn} to the target, the pair unique.
     *
     * @param symmetric for a relation of a model to itself: each link is stored both ways
     */
    public static RelationMeta manyToMany(String fieldName, Supplier<ModelMeta<?>> target, String table,
            String sourceColumn, String targetColumn, boolean symmetric) {
        return new RelationMeta(fieldName, Kind.MANY_TO_MANY, target, sourceColumn, targetColumn, null, table,
                symmetric);
    }

    /** A many-to-many whose links are rows of the {@code through} model: its fields to the owner and the target. */
    public static RelationMeta manyToManyThrough(String fieldName, Supplier<ModelMeta<?>> target,
            Supplier<ModelMeta<?>> through, String sourceField, String targetField) {
        return new RelationMeta(fieldName, Kind.MANY_TO_MANY, target, sourceField, targetField,
                Objects.requireNonNull(through), null, false);
    }

    /** The reverse of the target's many-to-many field {@code manyToManyField}. */
    public static RelationMeta reverseManyToMany(String fieldName, Supplier<ModelMeta<?>> target,
            String manyToManyField) {
        return new RelationMeta(fieldName, Kind.REVERSE_MANY_TO_MANY, target, manyToManyField, null, null, null,
                false);
    }

    /** For the query layer: the rows of {@code link} whose {@code toOwner} column points to the owner. */
    public static RelationMeta linkRows(ModelMeta<?> link, ColumnMeta toOwner) {
        RelationMeta relation = new RelationMeta(toOwner.fieldName() + "+", Kind.REVERSE_FOREIGN_KEY, () -> link,
                toOwner.fieldName(), null, null, null, false);
        relation.owner = toOwner.references();
        relation.resolved = new Resolved(link, toOwner, null);
        return relation;
    }

    /** Called once by the owning {@link ModelMeta}. */
    void attachTo(ModelMeta<?> owner) {
        this.owner = owner;
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** The model declaring the relation. */
    public ModelMeta<?> owner() {
        if (owner == null) {
            throw new IllegalStateException(fieldName + ": create the ModelMeta before using its relations");
        }
        return owner;
    }

    /**
     * Whether a field of the owner ({@code Related}/{@code RelatedOne}) holds the related objects: false for a reverse
     * side that is only a path of the owner's query class, which can be queried and filtered through but neither
     * prefetched nor selected into the owner (hand its objects to a field of yours with {@code Prefetch.into}).
     */
    public boolean held() {
        return held;
    }

    /**
     * Why the related objects of a relation without a holder cannot be loaded into the owner, and what to do:
     * declare the field, or prefetch into a field of one's own.
     */
    public String missingHolder() {
        ModelMeta<?> owner = owner();
        String holder = singleValued() ? "RelatedOne" : "Related";
        String queryClass = ModelRegistry.queryClassName(owner.modelClass());
        String path = queryClass.substring(queryClass.lastIndexOf('.') + 1) + "." + fieldName + "()";
        return owner.modelName() + " has no field holding " + qualifiedName() + ": declare `@Reverse(\""
                + sourceField + "\") public final " + holder + "<" + target().modelName() + "> " + fieldName
                + " = new " + holder + "<>();`, or prefetch into your own field with Prefetch.of(" + path
                + ", ...).into(...)";
    }

    /** The model of the related objects. */
    public ModelMeta<?> target() {
        return target.get();
    }

    /** Whether an owner has at most one related object (a reverse one-to-one). */
    public boolean singleValued() {
        return kind == Kind.REVERSE_ONE_TO_ONE;
    }

    /** Whether the related objects are reached through a join table or through model. */
    public boolean isManyToMany() {
        return kind == Kind.MANY_TO_MANY || kind == Kind.REVERSE_MANY_TO_MANY;
    }

    /** Whether each link of this many-to-many of a model to itself is stored both ways. */
    public boolean symmetric() {
        return kind == Kind.MANY_TO_MANY && symmetric && through == null;
    }

    /** The many-to-many join table Quarry creates for this relation, or null (reverse sides, through models). */
    public ModelMeta<?> ownedLinkTable() {
        return kind == Kind.MANY_TO_MANY && through == null ? resolve().link() : null;
    }

    /** Whether the links are rows of a model the user declared (so they may need more than the two keys). */
    public boolean throughModel() {
        return isManyToMany() && !(resolve().link() instanceof LinkTableMeta);
    }

    /** The model whose rows link the owner to the related objects: the target itself unless many-to-many. */
    public ModelMeta<?> link() {
        return resolve().link();
    }

    /** The column of {@link #link()} holding the owner's key. */
    public ColumnMeta linkToOwner() {
        return resolve().toOwner();
    }

    /** The column of {@link #link()} holding the related object's key; null when the link is the related object. */
    public ColumnMeta linkToTarget() {
        return resolve().toTarget();
    }

    private Resolved resolve() {
        Resolved done = resolved;
        if (done == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = computeResolved();
                }
                done = resolved;
            }
        }
        return done;
    }

    private Resolved computeResolved() {
        ModelMeta<?> targetModel = target();
        return switch (kind) {
            case REVERSE_FOREIGN_KEY, REVERSE_ONE_TO_ONE -> new Resolved(targetModel,
                    targetModel.column(sourceField), null);
            case MANY_TO_MANY -> {
                if (through != null) {
                    ModelMeta<?> link = through.get();
                    yield new Resolved(link, link.column(sourceField), link.column(targetField));
                }
                LinkTableMeta link = new LinkTableMeta(table, owner(), sourceField, targetModel, targetField, this);
                yield new Resolved(link, link.sourceColumn(), link.targetColumn());
            }
            case REVERSE_MANY_TO_MANY -> {
                RelationMeta forward = targetModel.relation(sourceField);
                yield new Resolved(forward.link(), forward.linkToTarget(), forward.linkToOwner());
            }
        };
    }

    /** {@code Author.books} style name for messages. */
    public String qualifiedName() {
        return (owner == null ? "?" : owner.modelName()) + "." + fieldName;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
