package dev.quarry.sql;

import dev.quarry.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accumulates SQL text and its parameters while the tree renders. Values only ever enter as {@code ?} parameters;
 * identifiers only through {@link #identifier}, which the dialect validates and quotes.
 */
public final class SqlWriter {
    private final Dialect dialect;
    // Room for a typical SELECT of a model (~250 characters for eight columns) without growing the buffer.
    private final StringBuilder sql = new StringBuilder(256);
    private final List<BoundValue> parameters = new ArrayList<>();
    private boolean qualifyColumns = true;
    private boolean storedForm;
    private Map<TableSource.Join, String> joinAliases = Map.of();

    public SqlWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    public SqlWriter append(String keywordsOrPunctuation) {
        sql.append(keywordsOrPunctuation);
        return this;
    }

    public SqlWriter append(long number) {
        sql.append(number);
        return this;
    }

    /** The aliases of the joined tables of the statement being written (set by the SELECT that joins them). */
    public SqlWriter joinAliases(Map<TableSource.Join, String> aliases) {
        this.joinAliases = aliases;
        return this;
    }

    /** The alias a column of this source is qualified with: the table name for the queried table. */
    public String aliasOf(TableSource source) {
        if (source instanceof TableSource.Join join) {
            String alias = joinAliases.get(join);
            if (alias == null) {
                throw new IllegalStateException("No join for " + join.foreignKey().qualifiedName()
                        + " in this statement: relations can be followed in SELECT queries only");
            }
            return alias;
        }
        return source.model().tableName();
    }

    public SqlWriter identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    public SqlWriter parameter(BoundValue value) {
        sql.append('?');
        parameters.add(value);
        return this;
    }

    public SqlWriter node(SqlNode node) {
        node.render(this);
        return this;
    }

    /** Renders nodes separated by {@code separator}. */
    public SqlWriter join(List<? extends SqlNode> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            nodes.get(i).render(this);
        }
        return this;
    }

    /** Renders a SELECT list, in the {@linkplain #storedForm() stored form}. */
    public SqlWriter selectList(List<? extends SqlNode> columns) {
        boolean outer = storedForm;
        storedForm = true;
        join(columns, ", ");
        storedForm = outer;
        return this;
    }

    /** Renders a value to be stored (the right side of UPDATE SET), in the {@linkplain #storedForm() stored form}. */
    public SqlWriter storedValue(SqlNode value) {
        boolean outer = storedForm;
        storedForm = true;
        node(value);
        storedForm = outer;
        return this;
    }

    /**
     * True while rendering values as they are stored and read back (SELECT lists, SET values); false where they are
     * compared or ordered, where a dialect may convert them (SQLite compares its text-stored decimals as numbers).
     */
    public boolean storedForm() {
        return storedForm;
    }

    /** Whether column references carry their table alias (not in UPDATE SET targets, for instance). */
    public boolean qualifyColumns() {
        return qualifyColumns;
    }

    public SqlWriter qualifyColumns(boolean qualify) {
        this.qualifyColumns = qualify;
        return this;
    }

    public SqlStatement toStatement() {
        return new SqlStatement(sql.toString(), List.copyOf(parameters));
    }
}
