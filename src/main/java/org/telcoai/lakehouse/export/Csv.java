package org.telcoai.lakehouse.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * CSV text per RFC 4180: comma separated, CRLF line ends, a header line, and cells holding a comma, double quote,
 * CR or LF enclosed in double quotes with inner quotes doubled. UTF-8 without a byte-order mark.
 *
 * <p>Formula injection: spreadsheet programs run a cell that starts with {@code = + - @} (and, in some, tab or CR)
 * as a formula. A text cell starting with one of these is prefixed with a single quote ({@code '}), the OWASP
 * recommendation. Only text columns are neutralised: numbers written from numeric columns (e.g. {@code -0.25} for a
 * negative year-on-year growth) are left as they are, since a spreadsheet must read them as numbers and a number
 * we format ourselves cannot carry a formula. A text column holding {@code -5} is therefore written {@code '-5}; that
 * is the intended trade-off.
 */
public final class Csv {

    static final String EOL = "\r\n";

    private Csv() { }

    /** The CSV text of a whole table: header line and one line per row, each ended by CRLF. */
    public static String toCsv(ExportTable table) {
        StringBuilder out = new StringBuilder();
        List<ExportTable.Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(columns.get(i).name(), true));
        }
        out.append(EOL);
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i), columns.get(i).kind()));
            }
            out.append(EOL);
        }
        return out.toString();
    }

    /** One cell of a column of the given kind; {@code null} is an empty cell. */
    public static String cell(Object value, ExportTable.Kind kind) {
        if (value == null) {
            return "";
        }
        return cell(format(value), kind == ExportTable.Kind.TEXT);
    }

    /** Quotes a cell's text when needed; when {@code neutralise}, a leading formula character gets a {@code '}. */
    public static String cell(String text, boolean neutralise) {
        String s = neutralise ? neutralise(text) : text;
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Prefixes {@code '} to text starting with {@code = + - @}, tab or CR; other text unchanged. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return dangerous ? "'" + text : text;
    }

    /** Plain, locale-independent text for a value: no exponent notation, ISO dates. */
    static String format(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            // Shortest decimal that round-trips (Double.toString), never in exponent notation.
            return d == 0 ? "0" : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
