package org.telcoai.lakehouse.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.telcoai.lakehouse.export.Html;

/**
 * A query result as a notebook shows it: an aligned plain-text table ({@code text/plain}, for terminals and
 * {@code nbconvert --to markdown}) and an HTML table ({@code text/html}, what Jupyter and GitHub display), both of
 * at most {@code maxRows} rows, followed by {@code showing N of M rows} when there were more and {@code (no rows)}
 * when there were none.
 *
 * <p>Values: decimals exactly as stored ({@link BigDecimal#toPlainString}); doubles and floats with at most 10
 * significant digits but never rounded inside their integer part, in plain notation from 1e-6 to 1e15 and in
 * scientific notation outside; NaN and infinities by name; timestamps as {@code yyyy-MM-dd HH:mm:ss[.fraction]} in
 * the session time zone; dates as {@code yyyy-MM-dd}; binary as hex bytes; arrays {@code [a, b]}, maps
 * {@code {k -> v}} and structs {@code {a, b}}; null as {@code NULL}, also inside them. Numeric columns are
 * right-aligned in the text table. In the text table a line feed, carriage return or tab inside a value is shown as
 * {@code \n}, {@code \r}, {@code \t} so that rows stay one line each; the HTML table escapes every value.
 */
public final class ResultRenderer {

    public static final String NULL = "NULL";
    private static final int DOUBLE_DIGITS = 10;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int maxRows;
    private final ZoneId zone;

    /** A rendered result, and how many rows it showed of how many there were. */
    public record Rendered(String text, String html, int shownRows, long totalRows) {
        public boolean truncated() {
            return shownRows < totalRows;
        }
    }

    public ResultRenderer(int maxRows, ZoneId zone) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("max rows must be at least 1, not " + maxRows);
        }
        this.maxRows = maxRows;
        this.zone = zone;
    }

    /**
     * Runs the query for at most {@code maxRows + 1} rows; only when there are more does it count them, which runs
     * the query a second time.
     */
    public Rendered render(Dataset<Row> result) {
        List<Row> rows = result.takeAsList(maxRows + 1);
        long total = rows.size() > maxRows ? result.count() : rows.size();
        return render(result.schema(), rows, total);
    }

    /** Renders the first {@code maxRows} of {@code rows}, of {@code totalRows} rows in all. */
    public Rendered render(StructType schema, List<Row> rows, long totalRows) {
        List<Row> shown = rows.size() > maxRows ? rows.subList(0, maxRows) : rows;
        StructField[] fields = schema.fields();
        List<String[]> cells = new ArrayList<>(shown.size());
        for (Row row : shown) {
            String[] values = new String[fields.length];
            for (int c = 0; c < fields.length; c++) {
                values[c] = format(row.get(c));
            }
            cells.add(values);
        }
        String footer = shown.isEmpty() ? "(no rows)"
                : shown.size() < totalRows ? "showing " + shown.size() + " of " + totalRows + " rows" : null;
        return new Rendered(text(fields, cells, footer), html(fields, cells, footer), shown.size(),
                Math.max(totalRows, shown.size()));
    }

    private static String text(StructField[] fields, List<String[]> cells, String footer) {
        int[] widths = new int[fields.length];
        boolean[] right = new boolean[fields.length];
        for (int c = 0; c < fields.length; c++) {
            widths[c] = fields[c].name().length();
            right[c] = isNumeric(fields[c].dataType());
        }
        List<String[]> lines = new ArrayList<>();
        for (String[] row : cells) {
            String[] line = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                line[c] = oneLine(row[c]);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            lines.add(line);
        }
        StringBuilder out = new StringBuilder();
        String[] header = new String[fields.length];
        StringJoiner rule = new StringJoiner("-+-");
        for (int c = 0; c < fields.length; c++) {
            header[c] = fields[c].name();
            rule.add("-".repeat(widths[c]));
        }
        out.append(textRow(header, widths, right)).append('\n').append(rule).append('\n');
        for (String[] line : lines) {
            out.append(textRow(line, widths, right)).append('\n');
        }
        if (footer != null) {
            out.append(footer).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String textRow(String[] values, int[] widths, boolean[] right) {
        StringJoiner row = new StringJoiner(" | ");
        for (int c = 0; c < values.length; c++) {
            String pad = " ".repeat(widths[c] - values[c].length());
            row.add(right[c] ? pad + values[c] : values[c] + pad);
        }
        return row.toString().stripTrailing();
    }

    private static String oneLine(String value) {
        return value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String html(StructField[] fields, List<String[]> cells, String footer) {
        StringBuilder out = new StringBuilder("<table>\n<thead>\n<tr>");
        for (StructField field : fields) {
            out.append("<th>").append(Html.escape(field.name())).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (String[] row : cells) {
            out.append("<tr>");
            for (String value : row) {
                out.append("<td>").append(Html.escape(value)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>");
        if (footer != null) {
            out.append("\n<p>").append(Html.escape(footer)).append("</p>");
        }
        return out.toString();
    }

    private static boolean isNumeric(DataType type) {
        return type instanceof NumericType; // decimals included
    }

    /** One value as text, by the rules in the class comment. */
    public String format(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? formatDouble(new BigDecimal(Float.toString(f)).doubleValue())
                    : Float.toString(f);
        }
        if (value instanceof java.sql.Timestamp t) {
            return timestamp(t.toInstant().atZone(zone).toLocalDateTime());
        }
        if (value instanceof Instant t) {
            return timestamp(t.atZone(zone).toLocalDateTime());
        }
        if (value instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof byte[] bytes) {
            StringJoiner hex = new StringJoiner(" ", "[", "]");
            for (byte b : bytes) {
                hex.add(String.format("%02X", b));
            }
            return hex.toString();
        }
        if (value instanceof Row struct) {
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < struct.size(); i++) {
                fields.add(format(struct.get(i)));
            }
            return fields.toString();
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it = map.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> entry = it.next();
                entries.add(format(entry._1()) + " -> " + format(entry._2()));
            }
            return entries.toString();
        }
        if (value instanceof scala.collection.Iterable<?> seq) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            scala.collection.Iterator<?> it = seq.iterator();
            while (it.hasNext()) {
                elements.add(format(it.next()));
            }
            return elements.toString();
        }
        return value.toString();
    }

    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d));
        double magnitude = Math.abs(d);
        if (magnitude < 1e-6 || magnitude >= 1e15) {
            return exact.round(new MathContext(DOUBLE_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros().toString();
        }
        BigDecimal rounded;
        if (magnitude >= 1) {
            int integerDigits = exact.precision() - exact.scale();
            rounded = exact.setScale(Math.max(0, DOUBLE_DIGITS - integerDigits), RoundingMode.HALF_EVEN);
        } else {
            rounded = exact.round(new MathContext(DOUBLE_DIGITS, RoundingMode.HALF_EVEN));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String timestamp(LocalDateTime t) {
        String text = SECONDS.format(t);
        if (t.getNano() == 0) {
            return text;
        }
        String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return text + "." + fraction;
    }
}
