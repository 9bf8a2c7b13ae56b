package dev.quarry.sql;

import dev.quarry.meta.ModelMeta;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FROM clause: the queried table and the tables joined through foreign keys, each join once, parents before
 * children, with deterministic aliases (the table name, or {@code table_2}... when a table is joined twice). A join is
 * INNER where every foreign key on its way is NOT NULL, LEFT otherwise, so that no row of the queried model is lost.
 */
public final class From implements SqlNode {
    private final ModelMeta<?> root;
    private final Map<TableSource.Join, String> aliases;

    private From(ModelMeta<?> root, Map<TableSource.Join, String> aliases) {
        this.root = root;
        this.aliases = Collections.unmodifiableMap(aliases);
    }

    /** The root table joined to every table the given sources (and their parents) need. */
    public static From of(ModelMeta<?> root, Collection<TableSource.Join> joins) {
        List<TableSource.Join> ordered = TableSource.Join.withParents(joins);
        Set<String> used = new HashSet<>();
        used.add(root.tableName());
        Map<TableSource.Join, String> aliases = new LinkedHashMap<>();
        for (TableSource.Join join : ordered) {
            String table = join.model().tableName();
            String alias = table;
            for (int n = 2; !used.add(alias); n++) {
                alias = table + "_" + n;
            }
            aliases.put(join, alias);
        }
        return new From(root, aliases);
    }

    /**
     * Every join source among the column references of the nodes, in first-seen order. Runs for every query:
     * nothing is allocated until a join is found.
     */
    @SafeVarargs
    public static List<TableSource.Join> joinsUsedBy(Collection<? extends SqlNode>... nodeLists) {
        Found joins = new Found();
        for (Collection<? extends SqlNode> nodes : nodeLists) {
            for (SqlNode node : nodes) {
                collect(node, joins);
            }
        }
        return joins.set == null ? List.of() : List.copyOf(joins.set);
    }

    /** The joins found so far; the set is created with the first. */
    private static final class Found {
        private Set<TableSource.Join> set;

        void add(TableSource.Join join) {
            if (set == null) {
                set = new LinkedHashSet<>();
            }
            set.add(join);
        }
    }

    private static void collect(SqlNode node, Found joins) {
        if (node instanceof ColumnRef ref) {
            if (ref.source() instanceof TableSource.Join join) {
                joins.add(join);
            }
        } else if (node instanceof Lookup lookup) {
            lookup.operands().forEach(operand -> collect(operand, joins));
            if (lookup instanceof Between between) {
                collect(between.low(), joins);
                collect(between.high(), joins);
            }
        } else if (node instanceof And and) {
            and.parts().forEach(part -> collect(part, joins));
        } else if (node instanceof Or or) {
            or.parts().forEach(part -> collect(part, joins));
        } else if (node instanceof Not not) {
            collect(not.part(), joins);
        } else if (node instanceof IsNull isNull) {
            collect(isNull.operand(), joins);
        } else if (node instanceof Arithmetic arithmetic) {
            collect(arithmetic.left(), joins);
            collect(arithmetic.right(), joins);
        } else if (node instanceof Extract extract) {
            collect(extract.source(), joins);
        } else if (node instanceof OrderItem item) {
            collect(item.expression(), joins);
        }
    }

    public ModelMeta<?> root() {
        return root;
    }

    /** The joins in FROM order, with their aliases. */
    public Map<TableSource.Join, String> aliases() {
        return aliases;
    }

    public boolean hasJoins() {
        return !aliases.isEmpty();
    }

    @Override
    public void render(SqlWriter writer) {
        writer.identifier(root.tableName());
        for (Map.Entry<TableSource.Join, String> entry : aliases.entrySet()) {
            TableSource.Join join = entry.getKey();
            ModelMeta<?> target = join.model();
            writer.append(join.nullable() ? " LEFT JOIN " : " INNER JOIN ")
                    .node(new TableRef(target.tableName(), entry.getValue())).append(" ON ")
                    .identifier(entry.getValue()).append(".").identifier(target.primaryKey().columnName())
                    .append(" = ").identifier(writer.aliasOf(join.parent())).append(".")
                    .identifier(join.foreignKey().columnName());
        }
    }
}
