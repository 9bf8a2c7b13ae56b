package dev.quarry.sql;

import dev.quarry.meta.ColumnMeta;
import dev.quarry.meta.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a column is read from: the queried model's table, or a table joined through a chain of foreign keys
 * ({@code book -> author -> publisher}). Joins are values: the same chain written twice is one join.
 */
public sealed interface TableSource permits TableSource.Root, TableSource.Join {
    /** The model this source's rows are. */
    ModelMeta<?> model();

    /** Whether a row of this source may be missing (an outer join through a nullable foreign key). */
    boolean nullable();

    /** The queried table; its alias is the table name. */
    record Root(ModelMeta<?> model) implements TableSource {
        @Override
        public boolean nullable() {
            return false;
        }
    }

    /** The table a foreign key of {@code parent} points to. */
    record Join(TableSource parent, ColumnMeta foreignKey) implements TableSource {
        /** The table a foreign key of the queried model points to. */
        public static Join from(ColumnMeta foreignKey) {
            return new Join(new Root(foreignKey.owner()), foreignKey);
        }

        @Override
        public ModelMeta<?> model() {
            return foreignKey.references();
        }

        /** Nullable when any foreign key on the way is: then it is a LEFT JOIN. */
        @Override
        public boolean nullable() {
            return foreignKey.nullable() || parent.nullable();
        }

        /** The joins and every join on their way, each once, parents before children, in first-seen order. */
        public static List<Join> withParents(Collection<Join> joins) {
            Set<Join> ordered = new LinkedHashSet<>();
            for (Join join : joins) {
                join.addWithParents(ordered);
            }
            return new ArrayList<>(ordered);
        }

        private void addWithParents(Set<Join> ordered) {
            if (parent instanceof Join join) {
                join.addWithParents(ordered);
            }
            ordered.add(this);
        }

        /** How many joins from the root. */
        public int depth() {
            return parent instanceof Join join ? join.depth() + 1 : 1;
        }
    }
}
