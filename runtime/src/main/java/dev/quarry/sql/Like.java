package dev.quarry.sql;

import dev.quarry.meta.ColumnType;
import java.util.List;

/**
 * contains / startswith / endswith and their case-insensitive forms, plus iexact. The user's text is escaped so
 * that {@code %} and {@code _} match themselves, then bound as a parameter; the dialect renders LIKE or ILIKE.
 */
public final class Like extends Lookup {
    public enum Match { EXACT, CONTAINS, STARTS_WITH, ENDS_WITH }

    private final SqlNode operand;
    private final Match match;
    private final String text;
    private final boolean caseInsensitive;

    public Like(SqlNode operand, Match match, String text, boolean caseInsensitive) {
        this.operand = operand;
        this.match = match;
        this.text = text;
        this.caseInsensitive = caseInsensitive;
    }

    public SqlNode operand() { return operand; }

    public boolean caseInsensitive() { return caseInsensitive; }

    public Match match() { return match; }

    /** The text as the user gave it, unescaped. */
    public String text() { return text; }

    /** The LIKE pattern: escaped text with {@code %} where the match allows anything. */
    public Param pattern(char escape) {
        String escaped = escapeLikeWildcards(text, escape);
        String pattern = switch (match) {
            case EXACT -> escaped;
            case CONTAINS -> "%" + escaped + "%";
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
        };
        return new Param(pattern, ColumnType.VARCHAR);
    }

    /** The text compared as is (iexact does not need LIKE on every database). */
    public Param plainText() {
        return new Param(text, ColumnType.VARCHAR);
    }

    public static String escapeLikeWildcards(String text, char escape) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == escape) {
                sb.append(escape);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    protected List<SqlNode> operands() {
        return List.of(operand);
    }

    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderLike(writer, this);
    }
}
