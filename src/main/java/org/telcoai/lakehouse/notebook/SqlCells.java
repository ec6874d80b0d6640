package org.telcoai.lakehouse.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which code cells are SQL, and how their text splits into statements.
 *
 * <p>A SQL cell is a code cell whose first line is exactly {@code %%sql} (surrounding blanks allowed), the cell
 * magic of the common Jupyter SQL extensions. A first line with arguments ({@code %%sql duckdb://}) names another
 * connection or options this runner cannot honour, so such a cell is not taken as SQL.
 *
 * <p>The rest of the cell is one or more statements, each ended by a {@code ;} that is the last thing on its line
 * (blanks and a {@code --} comment may follow it). A {@code ;} inside a string ({@code '...'}, {@code "..."}, with
 * backslash escapes as in Spark SQL), a back-quoted identifier, a {@code --} comment or a (nested) {@code /* *}{@code /}
 * comment does not end a statement, and neither does one followed by more code on the same line: that text goes to
 * Spark as written, which reports it. Statements are passed to Spark with their comments, trimmed and without the
 * ending {@code ;}; a piece holding nothing but blanks and comments is not a statement.
 */
public final class SqlCells {

    public static final String MAGIC = "%%sql";

    private SqlCells() { }

    /** The SQL text after the {@code %%sql} line, or empty when the source is not a SQL cell. */
    public static Optional<String> sqlBody(String source) {
        int end = source.indexOf('\n');
        String first = end < 0 ? source : source.substring(0, end);
        if (!first.strip().equals(MAGIC)) {
            return Optional.empty();
        }
        return Optional.of(end < 0 ? "" : source.substring(end + 1));
    }

    /** The statements of a SQL cell's body, in order. */
    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                current.append(sql, i, end);
                hasCode = true;
                i = end;
            } else if (c == '-' && next == '-') {
                int end = endOfLine(sql, i);
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = endOfBlockComment(sql, i);
                current.append(sql, i, end);
                i = end;
            } else if (c == ';' && onlyBlanksOrCommentUntilLineEnd(sql, i + 1)) {
                if (hasCode) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                hasCode = false;
                i++;
            } else {
                current.append(c);
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Index just after the closing quote (or the end of the text when the quote is never closed). */
    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Index of the line feed ending the line (kept for the next piece), or the end of the text. */
    private static int endOfLine(String sql, int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? sql.length() : end;
    }

    /** Spark SQL's bracketed comments nest: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean onlyBlanksOrCommentUntilLineEnd(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c == '-' && sql.startsWith("--", i)) {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
